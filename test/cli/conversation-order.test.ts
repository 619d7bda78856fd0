/**
 * One conversation, one order (issue 28): two messages of one conversation in flight at once
 * (two tabs, a retry, two instances) end in a state some serial order of them gives. Against a
 * real Redis shared by two `serve` instances, and on one instance alone.
 *
 * The pair sent at once: `法律援助` opens a numbered list, `2` picks from it. Serially either
 * the list came first (the pick answers its second entry) or the pick did (it finds no list,
 * and the list, written after it, stays open: a `2` sent afterwards answers from it). A lost
 * update is the pick finding no list while the list is gone as well.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingServers, startRedis, type RedisServer } from '../doubles/real-servers.js';
import { startServe, type ServeInstance } from '../doubles/serve-instance.js';

const missing = missingServers();
if (missing) process.stderr.write(`conversation-order tests skipped: ${missing}\n`);

let redis: RedisServer;
let a: ServeInstance;
let b: ServeInstance;
const dirs: string[] = [];

const env = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-order-'));
  dirs.push(dir);
  return { REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'qlb-order:', RATE_LIMIT_PER_MINUTE: '0', HTTP_RATE_PER_MINUTE: '0', DATA_DIR: dir, KNOWLEDGE_WATCH: 'off' };
};

/** Sends the list and the pick of `conversation` at once; a description of the outcome when no serial order gives it. */
async function race(conversation: string, list: ServeInstance, picker: ServeInstance): Promise<string | undefined> {
  const [opened, picked] = await Promise.all([list.ask(conversation, '法律援助'), picker.ask(conversation, '2')]);
  if (opened.kind !== 'clarify') return `the list was not offered: ${JSON.stringify(opened)}`;
  const second = (opened.choices as Array<{ id: string }>)[1]?.id;
  if (picked.kind === 'answer' && `e:${String(picked.entry)}` === second) return undefined; // list, then pick
  const after = await picker.ask(conversation, '2');
  if (after.kind === 'answer' && `e:${String(after.entry)}` === second) return undefined; // pick, then list
  return `pick: ${picked.kind}, then a 2 found no list either (${after.kind})`;
}

async function races(prefix: string, first: ServeInstance, second: ServeInstance, n: number): Promise<string[]> {
  const broken: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const outcome = await race(`order-${prefix}-${i}`, i % 2 ? first : second, i % 2 ? second : first);
    if (outcome) broken.push(`${prefix}-${i}: ${outcome}`);
  }
  return broken;
}

describe.skipIf(missing !== undefined)(missing ?? 'messages of one conversation in flight at once', () => {
  beforeAll(async () => {
    redis = await startRedis();
    [a, b] = await Promise.all([startServe(env()), startServe(env())]);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await redis?.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sent to two instances sharing Redis, they end as some serial order leaves them, every time', async () => {
    expect(await races('two', a, b, 40)).toEqual([]);
  }, 60_000);

  it('sent to one instance, the same', async () => {
    expect(await races('one', a, a, 40)).toEqual([]);
  }, 60_000);
});
