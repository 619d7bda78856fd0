import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../../../doubles/eventually.js';
import { createApp, type App } from '../../../../src/app.js';
import { loadConfig } from '../../../../src/service/config/config.js';
import { ErrorCodes } from '../../../../src/errors.js';
import { loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import type { Reply } from '../../../../src/types.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';
import { createLogSink, type LogSink } from '../../../doubles/log-sink.js';

const QUESTION = '法律援助在哪里申请';
const MARK = '【测试修改】请到区政务服务中心大厅的区公共法律服务窗口。';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(): Promise<{ app: App; copy: KnowledgeCopy; log: LogSink; ask(text?: string): Promise<Reply> }> {
  const copy = copyKnowledge();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-reload-data-'));
  const log = createLogSink('info');
  const app = await createApp(loadConfig({ KNOWLEDGE_DIR: copy.dir, DATA_DIR: dataDir }), log.logger);
  cleanups.push(copy.cleanup, () => fs.rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  let n = 0;
  const ask = (text = QUESTION) => app.handler({ adapter: 'test', conversationId: `c${(n += 1)}`, senderId: 'u', kind: 'text', text });
  return { app, copy, log, ask };
}

const markAnswer = (copy: KnowledgeCopy) =>
  copy.editEntries('legal-aid.yaml', (entries) => entries.map((e) => (e.id === 'legal-aid.where' ? { ...e, answer: MARK } : e)));

/** An entry no other entry relates to, in a topic that keeps other entries: deleting it leaves a valid base. */
function deletable(dir: string) {
  const knowledge = loadKnowledge(dir);
  const related = new Set(knowledge.entries.flatMap((e) => e.related));
  const entry = knowledge.entries.find(
    (e) => !related.has(e.id) && knowledge.entries.some((o) => o.topic === e.topic && o.id !== e.id),
  );
  if (!entry) throw new Error('no deletable entry');
  return entry;
}

describe('live knowledge reload', () => {
  it('a valid edit changes the answer from the next message on', async () => {
    const { app, copy, ask } = await setUp();
    expect((await ask()).text).not.toContain(MARK);
    markAnswer(copy);
    const outcome = await app.reload('test');
    expect(outcome).toMatchObject({ ok: true, topics: 16 });
    const reply = await ask();
    expect(reply.entryId).toBe('legal-aid.where');
    expect(reply.text).toContain(MARK);
  });

  it('a broken file keeps the old knowledge serving and logs file and field', async () => {
    const { app, copy, log, ask } = await setUp();
    const before = app.bot.engine;
    copy.write('entries/broken.yaml', '- id: Bad Id\n  topic: legal-aid\n');
    const outcome = await app.reload('test');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toContain('entries/broken.yaml: [0](id=Bad Id).id: 只能用小写字母、数字、点和短横线');
    expect(app.bot.engine).toBe(before);
    expect((await ask()).entryId).toBe('legal-aid.where');
    const error = log.lines().find((line) => line.code === ErrorCodes.KNOWLEDGE_INVALID);
    expect(error?.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^entries\/broken\.yaml: \[0\]\(id=Bad Id\)\.questions:/)]));

    // Fixed again: the next reload goes through.
    copy.remove('entries/broken.yaml');
    expect((await app.reload('test')).ok).toBe(true);
  });

  it('a 50 MB file in entries/ is refused in seconds; the old knowledge serves; the log line is short', async () => {
    const { app, copy, log, ask } = await setUp();
    const before = app.bot.engine;
    const chunk = Buffer.from('- a: 1\n  b: [x, y]\n'.repeat(4096));
    const fd = fs.openSync(path.join(copy.dir, 'entries', 'huge.yaml'), 'w');
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
    // The knowledge thread started, as in a bot that has checked once (from the sources it compiles them first).
    await app.checkKnowledge();
    const started = performance.now();
    const [outcome, reply] = await Promise.all([app.reload('watch'), ask()]);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join('\n')).toMatch(/^entries\/huge\.yaml: \(大小\): .*超过了每个文件 512 KB 的上限$/m);
    expect(reply.entryId).toBe('legal-aid.where');
    expect(app.bot.engine).toBe(before);
    expect((await ask()).entryId).toBe('legal-aid.where');
    const refusal = log.text().split('\n').find((line) => line.includes(ErrorCodes.KNOWLEDGE_INVALID)) ?? '';
    expect(refusal).toMatch(/huge\.yaml/);
    expect(refusal.length).toBeLessThan(1_000);
  });

  it('a refusal with thousands of problems logs the first few and how many more', async () => {
    const { app, copy, log } = await setUp();
    copy.write('entries/many.yaml', '- id: Bad Id\n'.repeat(5_000));
    expect((await app.reload('test')).ok).toBe(false);
    const refusal = log.lines().find((line) => line.code === ErrorCodes.KNOWLEDGE_INVALID);
    expect(refusal?.count).toBeGreaterThan(5_000);
    expect((refusal?.problems as string[]).at(-1)).toMatch(/^(……|\.{6})另有 \d+ 个问题\(运行 legal-bot check 查看全部\)$/); // the log is NFKC-normalized
    expect(JSON.stringify(refusal).length).toBeLessThan(8_000);
  });

  it('a YAML syntax error is refused too, naming the file', async () => {
    const { app, copy } = await setUp();
    copy.write('entries/legal-aid.yaml', '- id: legal-aid.where\n  questions: [unclosed\n');
    const outcome = await app.reload('test');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join('\n')).toMatch(/^entries\/legal-aid\.yaml: \(yaml\):/m);
  });

  it('a deleted entry is no longer answered', async () => {
    const { app, copy, ask } = await setUp();
    const gone = deletable(copy.dir);
    const question = gone.questions[0] as string;
    expect(app.bot.engine.knowledge.byId.has(gone.id)).toBe(true);
    copy.editEntries(path.basename(gone.file), (entries) => entries.filter((e) => e.id !== gone.id));
    expect((await app.reload('test')).ok).toBe(true);
    expect(app.bot.engine.knowledge.byId.has(gone.id)).toBe(false);
    expect((await ask(question)).entryId).not.toBe(gone.id);
  });

  it('deleting a whole entry file that others depend on is refused; the old knowledge serves', async () => {
    const { app, copy, ask } = await setUp();
    copy.remove('entries/legal-aid.yaml');
    const outcome = await app.reload('test');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems.join('\n')).toMatch(/topics\.yaml: id=legal-aid: 这个主题下没有任何答案/);
    expect((await ask()).entryId).toBe('legal-aid.where');
  });

  it('reloads requested together run one after another and all see the latest files', async () => {
    const { app, copy, ask } = await setUp();
    markAnswer(copy);
    const outcomes = await Promise.all([app.reload('a'), app.reload('b'), app.reload('c')]);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect((await ask()).text).toContain(MARK);
  });

  it('new domain words load a new segmenter; unchanged ones keep it', async () => {
    const { app, copy } = await setUp();
    const first = app.segmenter;
    await app.reload('test');
    expect(app.segmenter).toBe(first);
    fs.appendFileSync(path.join(copy.dir, 'lexicon/domain-words.txt'), '\n测试新词语\n');
    expect((await app.reload('test')).ok).toBe(true);
    expect(app.segmenter).not.toBe(first);
    expect(app.segmenter.cut('测试新词语')).toEqual(['测试新词语']);
  });
});

describe('watching the knowledge directory', () => {
  const until = (check: () => Promise<boolean>) => eventually(check, 8_000, 50);

  it('an edit is served without a restart; a broken edit is not', async () => {
    const { app, copy, log, ask } = await setUp();
    app.watchKnowledge({ debounceMs: 50 });
    markAnswer(copy);
    expect(await until(async () => (await ask()).text.includes(MARK))).toBe(true);

    copy.write('entries/broken.yaml', '- id: Bad Id\n');
    expect(await until(async () => log.lines().some((line) => line.code === ErrorCodes.KNOWLEDGE_INVALID))).toBe(true);
    expect((await ask()).text).toContain(MARK);
  });

  it('stops watching when closed', async () => {
    const { app, copy, log } = await setUp();
    const stop = app.watchKnowledge({ debounceMs: 20 });
    stop();
    markAnswer(copy);
    await new Promise((resolve) => setTimeout(resolve, 300)); // nothing must happen: only time can show it
    expect(log.lines().some((line) => line.msg === 'knowledge reloaded')).toBe(false);
  });
});
