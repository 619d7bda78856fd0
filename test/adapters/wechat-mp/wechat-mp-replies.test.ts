import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../../../adapters/wechat-mp/plan-reply.js';
import { ErrorCodes } from '../../../src/errors.js';
import { scriptedCore, startMp, type StartedMp } from './wechat-mp-setup.js';

const ALICE = 'oQJ-alice-openid';
const SEND = '/cgi-bin/message/custom/send';
const LONG = Array.from({ length: 12 }, (_, i) => `第${i + 1}段:${'申请法律援助需要准备身份证明和经济困难状况说明,'.repeat(4)}`).join('\n');

describe('official account: the 5-second rule, retries, long replies, handoff, events', () => {
  let t: StartedMp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('answers a retried MsgId once: the core is asked once and every retry gets the same reply', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const first = await t.push.text(ALICE, '重试', { msgId: '6054768590064713728' });
    const retries = [await t.push.text(ALICE, '重试', { msgId: '6054768590064713728' }), await t.push.text(ALICE, '重试', { mode: 'safe', msgId: '6054768590064713728' })];
    expect(core.received).toHaveLength(1);
    for (const retry of retries) expect(retry.reply?.Content).toBe(first.reply?.Content);
    expect(t.api.calls).toEqual([]);
    await t.push.text(ALICE, '重试');
    expect(core.received).toHaveLength(2);
  });

  it('logs the conversation by the core\'s salted hash of its key, never the OpenID', async () => {
    const core = scriptedCore();
    const keys: string[] = [];
    t = await startMp(core.handler, { hashConversation: (key) => (keys.push(key), 'salted-1') });
    await t.push.text(ALICE, '重试', { msgId: '77' });
    await t.push.text(ALICE, '重试', { msgId: '77' });
    const retried = t.logs.lines().find((line) => String(line.msg).includes('retried'));
    expect(retried).toMatchObject({ conv: 'salted-1' });
    expect(keys).toEqual([`wechat-mp:${core.received[0]?.conversationId}`]);
    expect(t.logs.text()).not.toContain(ALICE);
  });

  it('when the core is slow answers `success` and sends the reply late through the API, once despite retries', async () => {
    const core = scriptedCore({}, { 慢问题: 300 });
    t = await startMp(core.handler, { replyBudgetMs: 50 });
    const first = await t.push.text(ALICE, '慢问题', { msgId: '42' });
    const retry = await t.push.text(ALICE, '慢问题', { msgId: '42' });
    expect([first.body, retry.body]).toEqual(['success', 'success']);
    expect(await t.api.waitFor(() => t?.api.textsTo(ALICE).length && t.api.textsTo(ALICE))).toEqual(['echo:慢问题']);
    await t.adapter.stop();
    expect(core.received).toHaveLength(1);
    expect(t.api.textsTo(ALICE)).toHaveLength(1);
  });

  it('sends a reply over 2048 bytes as numbered parts through the customer-service API, in order', async () => {
    t = await startMp(scriptedCore({ 长答复: { kind: 'answer', text: LONG } }).handler);
    const pushed = await t.push.text(ALICE, '长答复');
    expect(pushed.body).toBe('success');
    const parts = await t.api.waitFor(() => {
      const texts = t?.api.textsTo(ALICE) ?? [];
      return texts.length > 1 && texts.join('').length >= LONG.length && texts;
    });
    expect(parts.length).toBeLessThanOrEqual(5);
    parts.forEach((part, i) => {
      expect(part.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    });
    expect(parts.map((part) => part.replace(/^\(\d+\/\d+\) /, '')).join('\n')).toBe(LONG);
  });

  it('fetches the access token once for several sends, and a fresh one when WeChat says it expired', async () => {
    t = await startMp(scriptedCore({}, { 一: 60, 二: 60 }).handler, { replyBudgetMs: 10 });
    await t.push.text(ALICE, '一');
    await t.api.waitFor(() => t?.api.textsTo(ALICE).length === 1);
    t.api.expireTokens();
    await t.push.text(ALICE, '二');
    expect(await t.api.waitFor(() => t?.api.textsTo(ALICE).length === 2 && t.api.textsTo(ALICE))).toEqual(['echo:一', 'echo:二']);
    expect(t.api.calls.filter((call) => call.path === SEND).map((call) => call.errcode)).toEqual([0, 42001, 0]);
    expect(t.api.tokensIssued).toBe(2);
  });

  it('logs a 45015 (no message from the person for 48 h) with its code, does not retry, and keeps serving', async () => {
    t = await startMp(scriptedCore({}, { 迟到: 60 }).handler, { replyBudgetMs: 10 });
    t.api.failNext(SEND, 45015);
    await t.push.text(ALICE, '迟到');
    const warning = await t.api.waitFor(() => t?.logs.lines().find((line) => line.code === ErrorCodes.WECHAT_MP_REPLY_WINDOW_CLOSED));
    expect(warning.level).toBe(40);
    expect(t.api.calls.filter((call) => call.path === SEND)).toHaveLength(1);
    expect((await t.push.text(ALICE, '还在吗')).reply?.Content).toBe('echo:还在吗');
  });

  it('hands "转人工" to customer service: the note through the API, the message transferred', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const pushed = await t.push.text(ALICE, '转人工', { mode: 'safe' });
    expect(pushed.reply).toMatchObject({ ToUserName: ALICE, FromUserName: t.push.account, MsgType: 'transfer_customer_service' });
    expect(pushed.reply?.Content).toBeUndefined();
    expect(await t.api.waitFor(() => t?.api.textsTo(ALICE).length && t.api.textsTo(ALICE))).toEqual(['好的,正在为您转接人工客服,请稍候。']);
    expect(core.received[0]?.capabilities?.handoff).toBe(true);
  });

  it('with WECHAT_MP_HANDOFF off says the handoff text (the 12348 referral) and transfers nothing', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler, { handoff: false });
    const pushed = await t.push.text(ALICE, '转人工');
    expect(pushed.reply).toMatchObject({ MsgType: 'text', Content: '人工服务请拨打12348公共法律服务热线。' });
    expect(core.received[0]?.capabilities?.handoff).toBe(false);
    expect(t.api.calls).toEqual([]);
  });

  it('maps events: subscribe → start, menu clicks → their choice or command, unsubscribe and views ignored', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    expect((await t.push.event(ALICE, 'subscribe')).reply?.Content).toBe('command:start');
    expect((await t.push.event(ALICE, 'CLICK', 't:legal-aid')).reply?.Content).toBe('choice:t:legal-aid');
    expect((await t.push.event(ALICE, 'CLICK', 'e:legal-aid.where', 'safe')).reply?.Content).toBe('choice:e:legal-aid.where');
    expect((await t.push.event(ALICE, 'CLICK', 'c:menu')).reply?.Content).toBe('command:menu');
    expect((await t.push.event(ALICE, 'unsubscribe')).body).toBe('success');
    expect((await t.push.event(ALICE, 'VIEW', 'https://example.org/')).body).toBe('success');
    expect(core.received.map((m) => [m.kind, m.command ?? m.choiceId])).toEqual([
      ['command', 'start'],
      ['choice', 't:legal-aid'],
      ['choice', 'e:legal-aid.where'],
      ['command', 'menu'],
    ]);
  });

  it('answers recognised voice as text and the other kinds as what they are', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const base = { ToUserName: t.push.account, FromUserName: ALICE, CreateTime: Math.floor(Date.now() / 1000) };
    const voice = await t.push.post({ ...base, MsgType: 'voice', MediaId: 'm1', Format: 'amr', Recognition: '法律援助在哪里', MsgId: '9001' });
    expect(voice.reply?.Content).toBe('echo:法律援助在哪里');
    const kinds: Array<[string, string]> = [['voice', 'voice'], ['image', 'image'], ['location', 'location'], ['link', 'link'], ['shortvideo', 'video']];
    for (const [msgType, kind] of kinds) {
      const pushed = await t.push.post({ ...base, MsgType: msgType, MediaId: 'm2', MsgId: `90${msgType.length}${kind}` });
      expect(pushed.reply?.Content).toBe(`kind:${kind}`);
    }
    expect(core.received.map((m) => m.kind)).toEqual(['text', 'voice', 'image', 'location', 'link', 'video']);
  });

  it('asks the core in arrival order per person, so a digit never overtakes the list it picks from', async () => {
    const core = scriptedCore({}, { 菜单: 150 });
    const steps: string[] = [];
    t = await startMp(async (message) => {
      steps.push(`start:${message.text}`);
      const reply = await core.handler(message);
      steps.push(`end:${message.text}`);
      return reply;
    });
    const [menu, pick, other] = await Promise.all([t.push.text(ALICE, '菜单'), t.push.text(ALICE, '2'), t.push.text('oBOB', '你好')]);
    expect(steps.filter((step) => !step.endsWith('你好'))).toEqual(['start:菜单', 'end:菜单', 'start:2', 'end:2']);
    expect(steps.indexOf('end:你好')).toBeLessThan(steps.indexOf('end:菜单'));
    expect([menu.reply?.Content, pick.reply?.Content, other.reply?.Content]).toEqual(['echo:菜单', 'echo:2', 'echo:你好']);
  });
});
