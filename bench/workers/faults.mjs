/**
 * Issue 16's figures: the whole handle() pipeline on long messages (1,000 / 10,000 / 100,000
 * characters, median of a few runs), and messages a second through a full app whose SQLite
 * store is healthy, then locked by another connection (BEGIN EXCLUSIVE) for the whole run.
 * Every message is a fallback, so every one is recorded with its question.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { args, emit } from '../lib/worker-io.mjs';
import { KNOWLEDGE_DIR, dist } from '../lib/paths.mjs';
import { loadCore, nullLogger } from '../lib/load-core.mjs';
import { median } from '../lib/stats.mjs';

const a = args();
const messages = Number(a.messages ?? 2_000);
const core = await loadCore();
const { STORE_FILE } = await dist('src/service/store/sqlite-store.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-bench-faults-'));

const CLAUSES = ['我在工地上做了三年', '老板一直拖着工资不给', '我们七十多个工人去找过他好几次', '他说2023年底一定结清', '后来电话也不接了'];
const story = (chars) => {
  let text = '';
  for (let i = 0; text.length < chars; i += 1) text += `${CLAUSES[i % CLAUSES.length]}${i},`;
  return `${text.slice(0, chars - 7)}工资被拖欠找谁`;
};

try {
  const config = (dataDir) => core.loadConfig({ ...process.env, KNOWLEDGE_DIR, DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', MAX_MESSAGE_CHARS: '100000' });
  const app = await core.createApp(config(path.join(tmp, 'plain')), nullLogger(core));
  const longMessageMs = {};
  for (const chars of [1_000, 10_000, 100_000]) {
    const text = story(chars);
    const times = [];
    for (let run = 0; run < 4; run += 1) {
      const started = performance.now();
      await app.handler({ adapter: 'bench', conversationId: `long-${chars}-${run}`, senderId: 'u', kind: 'text', text });
      times.push(performance.now() - started);
    }
    longMessageMs[chars] = median(times.slice(1));
  }
  await app.close();

  const perSecond = async (locked) => {
    const dataDir = path.join(tmp, locked ? 'locked' : 'healthy');
    const recording = await core.createApp(config(dataDir), nullLogger(core), { record: true });
    recording.store.flush();
    let other;
    if (locked) {
      other = new Database(path.join(dataDir, STORE_FILE));
      other.exec('BEGIN EXCLUSIVE');
    }
    const started = performance.now();
    for (let i = 0; i < messages; i += 1) {
      await recording.handler({ adapter: 'bench', conversationId: `c${i}`, senderId: 'u', kind: 'text', text: `今天天气怎么样${i}` });
      // Timers and scheduled writes run between messages, as with real I/O.
      if (i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const rate = messages / ((performance.now() - started) / 1000);
    const health = recording.store.health();
    other?.exec('COMMIT');
    other?.close();
    await recording.close();
    return { perSecond: rate, state: health.state, queued: health.queued, lastError: health.lastError?.code };
  };
  const healthy = await perSecond(false);
  const locked = await perSecond(true);
  emit({ longMessageMs, store: { messages, healthy, locked } });
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
