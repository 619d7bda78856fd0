/**
 * The "done when", against the real core and knowledge base: a signed question gets the
 * bot's answer as a passive XML reply in under 5 s, in plaintext and in safe mode; following,
 * menu buttons and "转人工" do what the resident expects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import type { InboundMessage } from '../../../src/types.js';
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

  const direct = async (conversationId: string, text: string, extra: Partial<InboundMessage> = {}) =>
    (await app.handler({ adapter: 'wechat-mp', conversationId, senderId: conversationId, kind: 'text', text, capabilities: { handoff: true }, ...extra })).text;

  it('answers "工资被拖欠找谁" as the core does, passively and in time, in both modes', async () => {
    const expected = await direct('o-direct-1', '工资被拖欠找谁');
    expect(expected).toMatch(/\S/);
    // With a key only safe (or compatible) mode is read: plaintext mode is an account without one.
    const plaintext = await startMp(app.handler, { aes: false });
    try {
      for (const [mp, mode, openId] of [[plaintext, 'plain', 'o-resident-1'], [t, 'safe', 'o-resident-2']] as const) {
        const started = Date.now();
        const pushed = await mp.push.text(openId, '工资被拖欠找谁', { mode });
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(pushed.encrypted).toBe(mode === 'safe');
        expect(pushed.reply).toMatchObject({ ToUserName: openId, MsgType: 'text', Content: expected.trim() });
      }
      expect(plaintext.api.calls).toEqual([]);
      expect(t.api.calls).toEqual([]);
    } finally {
      await plaintext.close();
    }
  });

  it('greets a new follower with the menu, and a menu button opens its topic', async () => {
    const menu = await t.push.event('o-follower', 'subscribe');
    expect(menu.reply?.Content).toBe((await direct('o-direct-2', '', { kind: 'command', command: 'start' })).trim());
    const topic = await t.push.event('o-follower', 'CLICK', 't:legal-aid');
    expect(topic.reply?.Content).toBe((await direct('o-direct-3', '', { kind: 'choice', choiceId: 't:legal-aid' })).trim());
    expect(topic.reply?.Content).toContain('法律援助');
    expect(topic.reply?.Content).not.toBe(menu.reply?.Content);
  });

  it('hands "转人工" to customer service with the core\'s note; with handoff off the core refers to 12348', async () => {
    const pushed = await t.push.text('o-wants-person', '转人工');
    expect(pushed.reply?.MsgType).toBe('transfer_customer_service');
    const [note] = await t.api.waitFor(() => t.api.textsTo('o-wants-person').length > 0 && t.api.textsTo('o-wants-person'));
    expect(note).toContain('人工');
    const off = await startMp(app.handler, { handoff: false });
    try {
      const referred = await off.push.text('o-wants-person-2', '转人工');
      expect(referred.reply?.MsgType).toBe('text');
      expect(referred.reply?.Content).toContain('12348');
      expect(off.api.calls).toEqual([]);
    } finally {
      await off.close();
    }
  });
});
