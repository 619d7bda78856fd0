/**
 * Live reload applies the fact check too: an edit that invents a fact is refused, and the
 * knowledge already loaded keeps serving.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src/app.js';
import { loadConfig } from '../../../../src/service/config/config.js';
import { DISHONEST_EDITS } from '../../../doubles/dishonest-edits.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';
import { createLogSink } from '../../../doubles/log-sink.js';

describe('live reload of a knowledge base edited to invent a fact', () => {
  let copy: KnowledgeCopy;
  let dataDir: string;
  let app: App;
  let n = 0;
  const ask = (text: string) => app.handler({ adapter: 'test', conversationId: `c${(n += 1)}`, senderId: 'u', kind: 'text', text });

  beforeAll(async () => {
    copy = copyKnowledge();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-honesty-data-'));
    app = await createApp(loadConfig({ KNOWLEDGE_DIR: copy.dir, DATA_DIR: dataDir }), createLogSink('warn').logger);
  });
  afterAll(async () => {
    await app.close();
    copy.cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  for (const edit of DISHONEST_EDITS) {
    it(`refuses ${edit.name}; the old answers keep serving`, async () => {
      const file = path.join('entries', edit.file);
      const original = copy.read(file);
      const engine = app.bot.engine;
      const before = await ask('法律援助在哪里申请');
      edit.apply(copy);
      try {
        const outcome = await app.reload('test');
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        const { entry, field, text } = edit.refusal;
        expect(outcome.problems.join('\n')).toContain(`${file}: id=${entry}.${field}: 「`);
        expect(outcome.problems.join('\n')).toContain(text);
        expect(app.bot.engine).toBe(engine);
        expect((await ask('法律援助在哪里申请')).text).toBe(before.text);
      } finally {
        copy.write(file, original);
      }
      expect((await app.reload('test')).ok).toBe(true);
    });
  }
});
