/**
 * A start from the knowledge snapshot answers exactly as a start from the files: every
 * question of the evaluation sets, through the whole app, gets the same reply both ways.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/service/config/config.js';
import { readGoldSet } from '../../src/answer/model/gold-files.js';
import { snapshotFile } from '../../src/answer/knowledge/knowledge-snapshot.js';
import { silentLogger } from '../../src/logger.js';
import { KNOWLEDGE_DIR } from '../doubles/harness.js';

const GOLD = new URL('../gold/', import.meta.url).pathname;
const SETS = ['gold-set', 'dev-set', 'dev2-set', 'problems-dev-set'];

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir: string): Promise<App> {
  const app = await createApp(loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir }), silentLogger());
  cleanups.push(() => app.close());
  return app;
}

describe('app from the knowledge snapshot', () => {
  it('gives every evaluation question the reply a start from the files gives', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-app-snapshot-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const fromFiles = await start(dataDir);
    const snapshot = snapshotFile(path.join(dataDir, 'cache'), KNOWLEDGE_DIR);
    expect(fs.existsSync(snapshot)).toBe(true);
    const written = fs.statSync(snapshot).mtimeMs;
    const fromSnapshot = await start(dataDir);
    // Read, not rewritten: the second start used it.
    expect(fs.statSync(snapshot).mtimeMs).toBe(written);

    const questions = SETS.flatMap((set) => readGoldSet(path.join(GOLD, `${set}.yaml`)).map((c) => c.q));
    expect(questions.length).toBeGreaterThan(500);
    for (const [i, q] of questions.entries()) {
      const message = { adapter: 'test', conversationId: `q${i}`, senderId: 'u', kind: 'text' as const, text: q };
      expect(await fromSnapshot.handler(message), q).toStrictEqual(await fromFiles.handler(message));
    }
  }, 60_000);
});
