/**
 * The "done when", against the real core and knowledge base: a signed question gets the
 * bot's answer as a passive XML reply in under 5 s, in plaintext and in safe mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { startMp, type StartedMp } from './wechat-mp-setup.js';

describe('official account over the real core', () => {
  let app: App;
  let t: StartedMp;
  beforeAll(async () => {
    app = await createApp(loadConfig({ KNOWLEDGE_DIR: new URL('../../../knowledge', import.meta.url).pathname }), silentLogger());
    t = await startMp(app.handler);
  });
  afterAll(async () => {
    await t.close();
    await app.close();
  });

  const direct = async (conversationId: string, text: string) =>
    (await app.handler({ adapter: 'wechat-mp', conversationId, senderId: conversationId, kind: 'text', text, capabilities: { handoff: true } })).text;

  it('answers "工资被拖欠找谁" as the core does, passively and in time, in both modes', async () => {
    const expected = await direct('o-direct-1', '工资被拖欠找谁');
    expect(expected).toMatch(/\S/);
    for (const [mode, openId] of [['plain', 'o-resident-1'], ['safe', 'o-resident-2']] as const) {
      const started = Date.now();
      const pushed = await t.push.text(openId, '工资被拖欠找谁', { mode });
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(pushed.encrypted).toBe(mode === 'safe');
      expect(pushed.reply).toMatchObject({ ToUserName: openId, MsgType: 'text', Content: expected.trim() });
    }
    expect(t.api.calls).toEqual([]);
  });
});
