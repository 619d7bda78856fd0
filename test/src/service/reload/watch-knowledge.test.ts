import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../doubles/eventually.js';
import { watchKnowledge, type KnowledgeWatch } from '../../../../src/service/reload/watch-knowledge.js';
import { createLogSink } from '../../../doubles/log-sink.js';

const open: Array<{ dir: string; watch?: KnowledgeWatch }> = [];
afterEach(() => {
  for (const { dir, watch } of open.splice(0)) {
    watch?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `check` holds (or 5 s pass); timing-safe under a loaded CI. */
const until = (check: () => boolean) => eventually(check, 5_000);

function setUp(debounceMs = 80) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-watch-'));
  fs.mkdirSync(path.join(dir, 'entries'));
  fs.writeFileSync(path.join(dir, 'entries', 'a.yaml'), 'a');
  let changes = 0;
  const watch = watchKnowledge(dir, () => (changes += 1), { logger: createLogSink().logger, debounceMs });
  open.push({ dir, watch });
  return { dir, watch, changes: () => changes };
}

describe('watchKnowledge', () => {
  it('watches the directory and its sub-directories', () => {
    const { dir, watch } = setUp();
    expect([...watch.watched].sort()).toEqual([dir, path.join(dir, 'entries')].sort());
  });

  it('calls back once after a burst of edits has settled', async () => {
    const { dir, changes } = setUp(300);
    for (let i = 0; i < 5; i += 1) {
      fs.writeFileSync(path.join(dir, 'entries', 'a.yaml'), `a${i}`);
      await sleep(10);
    }
    expect(await until(() => changes() > 0)).toBe(true);
    await sleep(400); // no second call: only time can show it
    expect(changes()).toBe(1);
  });

  it('ignores editor swap and backup files', async () => {
    const { dir, changes } = setUp();
    fs.writeFileSync(path.join(dir, 'entries', '.a.yaml.swp'), 'x');
    fs.writeFileSync(path.join(dir, 'entries', 'a.yaml~'), 'x');
    fs.writeFileSync(path.join(dir, 'notes.docx'), 'x');
    await sleep(300); // no call at all: only time can show it
    expect(changes()).toBe(0);
  });

  it('picks up a new sub-directory and the files written in it', async () => {
    const { dir, watch, changes } = setUp(30);
    fs.mkdirSync(path.join(dir, 'more'));
    expect(await until(() => watch.watched.includes(path.join(dir, 'more')))).toBe(true);
    const before = changes();
    fs.writeFileSync(path.join(dir, 'more', 'b.yaml'), 'b');
    expect(await until(() => changes() > before)).toBe(true);
  });

  it('a deleted file is a change', async () => {
    const { dir, changes } = setUp(30);
    fs.rmSync(path.join(dir, 'entries', 'a.yaml'));
    expect(await until(() => changes() === 1)).toBe(true);
  });

  it('a missing directory is logged, not thrown', () => {
    const log = createLogSink();
    const watch = watchKnowledge(path.join(os.tmpdir(), 'qlb-no-such-knowledge'), () => undefined, { logger: log.logger });
    expect(watch.watched).toEqual([]);
    expect(log.lines().some((line) => line.code === 'QLB_KNOWLEDGE_WATCH_FAILED')).toBe(true);
    watch.close();
  });
});
