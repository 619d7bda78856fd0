/**
 * Staff actions never stall residents (issue 28, build item 9): a reload checks and segments in
 * the knowledge worker thread, so a message sent while it runs is answered before it ends (by
 * the knowledge in service); a sample question added in the console, watched as well, builds
 * the engine once; a reload of a folder exactly as loaded (a Redis reconnect, a second trigger
 * of one save) builds nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppHooks } from '../../../../src/app-hooks.js';
import { createApp, type App } from '../../../../src/app.js';
import { loadConfig } from '../../../../src/service/config/config.js';
import type { ReloadOutcome } from '../../../../src/service/reload/knowledge-reloader.js';
import { createKnowledgeEditor } from '../../../../src/service/staff/add-sample-question.js';
import type { Reply } from '../../../../src/types.js';
import { eventually } from '../../../doubles/eventually.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';
import { createLogSink, type LogSink } from '../../../doubles/log-sink.js';

const QUESTION = '法律援助在哪里申请';
const MARK = '【测试修改】请到区政务服务中心大厅的区公共法律服务窗口。';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(hooks: AppHooks = {}): Promise<{ app: App; copy: KnowledgeCopy; log: LogSink; ask(): Promise<Reply> }> {
  const copy = copyKnowledge();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-off-thread-'));
  const log = createLogSink('debug');
  const app = await createApp(loadConfig({ KNOWLEDGE_DIR: copy.dir, DATA_DIR: dataDir }), log.logger, { hooks });
  cleanups.push(copy.cleanup, () => fs.rmSync(dataDir, { recursive: true, force: true }), () => app.close());
  let n = 0;
  const ask = () => app.handler({ adapter: 'test', conversationId: `c${(n += 1)}`, senderId: 'u', kind: 'text', text: QUESTION });
  return { app, copy, log, ask };
}

const builds = (log: LogSink) => log.lines().filter((line) => line.msg === 'knowledge reloaded');

describe('reloads off the event loop', () => {
  it('messages sent while a reload runs, one after another, are answered before the reload ends, by the knowledge in service', async () => {
    // From the moment the reload begins, a resident writes again as soon as the last reply came:
    // a reload that held the event loop would stop this chain until it ended.
    const CHAIN = 5;
    const replies: Reply[] = [];
    let reloaded = false;
    let repliesBeforeReload = -1;
    const chain = async () => {
      while (replies.length < CHAIN) replies.push(await world.ask());
    };
    let chained: Promise<void> | undefined;
    let measuring = false;
    const world = await setUp({ onReloadStart: () => void (measuring && (chained = chain())) });
    const { app, copy } = world;
    // Once, as a running bot has: whatever a reload loads the first time is loaded.
    await app.reload('first');
    measuring = true;
    copy.editEntries('legal-aid.yaml', (entries) => entries.map((e) => (e.id === 'legal-aid.where' ? { ...e, answer: MARK } : e)));
    const outcome = await app.reload('test').finally(() => {
      reloaded = true;
      repliesBeforeReload = replies.length;
    });
    await chained;
    expect(outcome).toMatchObject({ ok: true });
    expect(reloaded).toBe(true);
    expect(repliesBeforeReload).toBe(CHAIN);
    expect(replies.every((reply) => reply.entryId === 'legal-aid.where' && !reply.text.includes(MARK))).toBe(true);
    expect((await world.ask()).text).toContain(MARK);
  });

  it('an entry added (a class the serving model lacks) is trained for in the worker: residents are answered meanwhile, and the model knows it after', async () => {
    const CHAIN = 5;
    const replies: Reply[] = [];
    let repliesBeforeReload = -1;
    let chained: Promise<void> | undefined;
    let measuring = false;
    const chain = async () => {
      while (replies.length < CHAIN) replies.push(await world.ask());
    };
    const world = await setUp({ onReloadStart: () => void (measuring && (chained = chain())) });
    const { app, copy, log } = world;
    await app.reload('first');
    measuring = true;
    const trainedBefore = log.lines().filter((line) => line.msg === 'learned model trained').length;
    copy.editEntries('legal-aid.yaml', (entries) => {
      const model = entries.find((entry) => entry.id === 'legal-aid.where');
      return [...entries, { ...model, id: 'legal-aid.test-added', title: '测试新增的条目', questions: ['一', '二', '三', '四', '五', '六'].map((n) => `测试新增条目的第${n}个问法`) } as (typeof entries)[number]];
    });
    const outcome = await app.reload('test').finally(() => {
      repliesBeforeReload = replies.length;
    });
    await chained;
    expect(outcome).toMatchObject({ ok: true });
    expect(repliesBeforeReload).toBe(CHAIN);
    expect(app.bot.engine.model?.classes).toContain('legal-aid.test-added');
    // Nothing was trained on the thread that answers: the worker did it.
    expect(log.lines().filter((line) => line.msg === 'learned model trained')).toHaveLength(trainedBefore);
    // A training takes seconds (more on a loaded machine): the time is the worker's, not the residents'.
  }, 180_000);

  it('a sample question added in the console, the folder watched too, builds the engine exactly once', async () => {
    const outcomes: Array<{ reason: string; outcome: ReloadOutcome }> = [];
    const { app, log } = await setUp({ onReload: (outcome, reason) => outcomes.push({ reason, outcome }) });
    app.watchKnowledge({ debounceMs: 20 });
    // Wired as the staff console wires it.
    const editor = createKnowledgeEditor({
      knowledgeDir: app.config.knowledgeDir,
      knowledge: () => app.bot.engine.knowledge,
      reload: (reason) => app.reload(reason),
      mask: (text) => app.bot.engine.mask(text),
      plan: (request) => app.planSampleQuestion(request),
    });
    const before = app.bot.engine;
    const added = await editor.addSampleQuestion('legal-aid.where', '法援中心周六开门吗');
    expect(added).toMatchObject({ ok: true, reload: { ok: true } });
    expect(app.bot.engine).not.toBe(before);
    // The staff reload, and the watcher's reload of the same save.
    await eventually(() => outcomes.some((o) => o.reason === 'watch'));
    expect(outcomes.map((o) => o.reason).sort()).toEqual(['staff', 'watch']);
    expect(builds(log)).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome.ok && !o.outcome.unchanged)).toHaveLength(1);
  });

  it('a reload of a folder exactly as loaded (a Redis reconnect, a second trigger) builds nothing', async () => {
    const { app, log } = await setUp();
    const serving = app.bot.engine;
    const outcome = await app.reload('redis-reconnect');
    expect(outcome).toMatchObject({ ok: true, unchanged: true, topics: serving.knowledge.topics.length, entries: serving.knowledge.entries.length });
    expect(app.bot.engine).toBe(serving);
    expect(builds(log)).toHaveLength(0);
  });
});
