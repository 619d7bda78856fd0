/**
 * Messages a second through the fake transport into a full app (createApp wiring, safe
 * handler, production logger to /dev/null) at the real knowledge base, with `--concurrency`
 * conversations each sending its share of gold questions one after another. The core's
 * per-conversation rate limit is off: one bench conversation sends far more than a person can.
 * `--redis URL` keeps conversation state in that Redis (as instances sharing one do): a read
 * and a write per message over the network instead of in memory.
 */
import { args, emit } from '../lib/worker-io.mjs';
import { KNOWLEDGE_DIR } from '../lib/paths.mjs';
import { loadCore, nullLogger } from '../lib/load-core.mjs';
import { drawQuestions, readPreparedGold } from '../lib/gold.mjs';
import { createFakeTransport } from '../lib/fake-transport.mjs';

const a = args();
const conversations = Number(a.concurrency ?? 1);
const total = Number(a.messages ?? 10_000);
const core = await loadCore();
const redis = a.redis ? { REDIS_URL: a.redis, REDIS_KEY_PREFIX: `bench-${process.pid}:` } : {};
const config = core.loadConfig({ ...process.env, KNOWLEDGE_DIR, RATE_LIMIT_PER_MINUTE: '0', ...redis });
const app = await core.createApp(config, nullLogger(core), { shared: Boolean(a.redis) });
if (a.redis && app.shared.health()?.state !== 'ok') throw new Error(`Redis at ${a.redis} not reachable`);
const questions = drawQuestions(readPreparedGold(a.gold).cases, total, 7);

const run = async (transport, n) => {
  const perLane = Math.ceil(n / conversations);
  const lanes = Array.from({ length: conversations }, async (_, c) => {
    for (let i = c * perLane; i < Math.min(n, (c + 1) * perLane); i += 1) await transport.deliver(`conv-${c}`, questions[i]);
  });
  await Promise.all(lanes);
};

await run(createFakeTransport(app.handler), Math.min(2_000, total)); // warm-up
const transport = createFakeTransport(app.handler);
const started = performance.now();
await run(transport, total);
const seconds = (performance.now() - started) / 1000;
if (transport.sent !== total) throw new Error(`only ${transport.sent} of ${total} messages got a reply`);
await app.close();
emit({ conversations, sessions: a.redis ? 'redis' : 'memory', messages: transport.sent, perSecond: transport.sent / seconds });
