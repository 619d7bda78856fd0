import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import { loadCheckedKnowledge, loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { readKnowledgeSnapshot, snapshotFile, writeKnowledgeSnapshot } from '../../../../src/answer/knowledge/knowledge-snapshot.js';
import { openKnowledge, saveKnowledgeSnapshot, snapshotDirFor } from '../../../../src/answer/knowledge/open-knowledge.js';
import { DEFAULT_KNOWLEDGE_LIMITS } from '../../../../src/answer/knowledge/read-budget.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';
import { createLogSink } from '../../../doubles/log-sink.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(): { kb: KnowledgeCopy; cache: string } {
  const kb = copyKnowledge();
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-snapshot-'));
  cleanups.push(kb.cleanup, () => fs.rmSync(cache, { recursive: true, force: true }));
  return { kb, cache };
}

/** Writes the snapshot of the copy as it is now. */
function snapshot(kb: KnowledgeCopy, cache: string): void {
  const { knowledge, files } = loadCheckedKnowledge(kb.dir);
  expect(writeKnowledgeSnapshot(cache, knowledge, files)).toBe(true);
}

const firstEntryFile = (kb: KnowledgeCopy) => fs.readdirSync(path.join(kb.dir, 'entries')).sort()[0] as string;

describe('knowledge snapshot', () => {
  it('gives back exactly the knowledge base the files give', async () => {
    const { kb, cache } = setup();
    snapshot(kb, cache);
    const fromSnapshot = readKnowledgeSnapshot(cache, kb.dir);
    expect(fromSnapshot).toBeDefined();
    expect(fromSnapshot).toStrictEqual(loadKnowledge(kb.dir));
    expect(await openKnowledge(kb.dir, { snapshotDir: cache })).toStrictEqual(fromSnapshot);
  });

  it('is written by the first open and used by the next', async () => {
    const { kb, cache } = setup();
    expect(readKnowledgeSnapshot(cache, kb.dir)).toBeUndefined();
    const first = await openKnowledge(kb.dir, { snapshotDir: cache });
    expect(fs.existsSync(snapshotFile(cache, kb.dir))).toBe(true);
    expect(readKnowledgeSnapshot(cache, kb.dir)).toStrictEqual(first);
  });

  it('is missed after any edit of an entry, a fixed file or a source document', () => {
    const edits: Array<(kb: KnowledgeCopy) => void> = [
      (kb) => kb.editEntries(firstEntryFile(kb), (entries) => entries.map((e, i) => (i === 0 ? { ...e, title: `${String(e.title)}。` } : e))),
      (kb) => kb.write('lexicon/stopwords.txt', `${fs.readFileSync(path.join(kb.dir, 'lexicon/stopwords.txt'), 'utf8')}\n吧\n`),
      (kb) => fs.appendFileSync(path.join(kb.dir, 'sources', 'qujiang-2023-report.txt'), '\n'),
      (kb) => fs.appendFileSync(path.join(kb.dir, 'sources', 'laws', fs.readdirSync(path.join(kb.dir, 'sources', 'laws')).sort()[0] as string), '\n'),
      (kb) => kb.write('sources/laws/zz-extra.yaml', 'law: x\n'),
      (kb) => kb.write('entries/zz-extra.yaml', '[]\n'),
      (kb) => kb.remove(path.join('problems', fs.readdirSync(path.join(kb.dir, 'problems')).sort()[0] as string)),
    ];
    for (const edit of edits) {
      const { kb, cache } = setup();
      snapshot(kb, cache);
      edit(kb);
      expect(readKnowledgeSnapshot(cache, kb.dir)).toBeUndefined();
    }
  });

  it('never serves an invalid folder: an edit that breaks it is refused as without a snapshot', async () => {
    const { kb, cache } = setup();
    await openKnowledge(kb.dir, { snapshotDir: cache });
    kb.write('topics.yaml', `${fs.readFileSync(path.join(kb.dir, 'topics.yaml'), 'utf8')}\n- id: orphan\n  title: 无条目\n`);
    await expect(openKnowledge(kb.dir, { snapshotDir: cache })).rejects.toMatchObject({
      code: ErrorCodes.KNOWLEDGE_INVALID,
      message: expect.stringMatching(/topics.yaml: id=orphan: /),
    });
  });

  it('is missed under other size limits, and when its own file was tampered with', () => {
    const { kb, cache } = setup();
    snapshot(kb, cache);
    expect(readKnowledgeSnapshot(cache, kb.dir, { ...DEFAULT_KNOWLEDGE_LIMITS, maxFileBytes: 1024 })).toBeUndefined();
    const file = snapshotFile(cache, kb.dir);
    const text = fs.readFileSync(file).toString('utf16le');
    expect(text).toContain('"法律援助');
    fs.writeFileSync(file, Buffer.from(text.replace('"法律援助', '"法律支援'), 'utf16le'));
    expect(readKnowledgeSnapshot(cache, kb.dir)).toBeUndefined();
  });

  it('keeps the loader errors: a missing folder is not found', async () => {
    const { cache } = setup();
    await expect(openKnowledge(path.join(cache, 'nowhere'), { snapshotDir: cache })).rejects.toMatchObject({
      code: ErrorCodes.KNOWLEDGE_NOT_FOUND,
    });
  });

  it('lives in DATA_DIR/cache, or in a private temp folder when DATA_DIR cannot be written', () => {
    const { cache } = setup();
    expect(snapshotDirFor(cache)).toBe(path.join(cache, 'cache'));
    const blocked = path.join(cache, 'file');
    fs.writeFileSync(blocked, '');
    const fallback = snapshotDirFor(blocked);
    expect(fallback?.startsWith(os.tmpdir())).toBe(true);
    expect((fs.statSync(fallback as string).mode & 0o077) === 0).toBe(true);
  });

  it('answers on when the snapshot cannot be written, and says so in the log with its code', () => {
    const { kb, cache } = setup();
    const { knowledge, files } = loadCheckedKnowledge(kb.dir);
    const blocked = path.join(cache, 'file');
    fs.writeFileSync(blocked, '');
    const log = createLogSink('info');
    expect(() => saveKnowledgeSnapshot(path.join(blocked, 'cache'), knowledge, files, { logger: log.logger })).not.toThrow();
    expect(log.lines().map((line) => line.code)).toContain(ErrorCodes.SNAPSHOT_FAILED);
  });
});
