import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/errors.js';
import { PATH, scriptedCore, startMp, type StartedMp } from './wechat-mp-setup.js';

const ALICE = 'oQJ-alice-openid';

describe('official account: server verification and message modes', () => {
  let t: StartedMp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const codes = () => (t?.logs.lines() ?? []).map((line) => line.code).filter(Boolean);

  it('answers the GET handshake with echostr only when the signature and timestamp hold', async () => {
    t = await startMp(scriptedCore().handler);
    expect(await t.push.verifyUrl({ echostr: '5837397749332118461' })).toEqual({ status: 200, body: '5837397749332118461' });
    expect((await t.push.verifyUrl({ signature: 'a'.repeat(40) })).status).toBe(403);
    expect((await t.push.verifyUrl({ timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(403);
    expect(codes()).toEqual([ErrorCodes.WECHAT_MP_SIGNATURE_INVALID, ErrorCodes.WECHAT_MP_TIMESTAMP_STALE]);
  });

  it('answers a signed plaintext text message with a passive XML reply, well within 5 s', async () => {
    const core = scriptedCore({ 工资被拖欠找谁: { kind: 'answer', text: '可以向劳动保障监察投诉,或拨打12333。', entryId: 'wage-arrears.who' } });
    t = await startMp(core.handler, { aes: false });
    const started = Date.now();
    const pushed = await t.push.text(ALICE, '工资被拖欠找谁');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(pushed.status).toBe(200);
    expect(pushed.encrypted).toBe(false);
    expect(pushed.reply).toMatchObject({
      ToUserName: ALICE,
      FromUserName: t.push.account,
      MsgType: 'text',
      Content: '可以向劳动保障监察投诉,或拨打12333。',
    });
    expect(Number(pushed.reply?.CreateTime)).toBeGreaterThan(1_700_000_000);
    expect(core.received).toEqual([
      expect.objectContaining({
        adapter: 'wechat-mp',
        conversationId: ALICE,
        senderId: ALICE,
        kind: 'text',
        text: '工资被拖欠找谁',
        isGroup: false,
        capabilities: { buttons: false, handoff: true },
      }),
    ]);
    expect(t.api.calls).toEqual([]);
  });

  it('refuses a POST with a wrong signature or a replayed (old) timestamp, before the core sees it', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const fields = { ToUserName: t.push.account, FromUserName: ALICE, CreateTime: 1, MsgType: 'text', Content: '你好', MsgId: '1' };
    expect((await t.push.post(fields, 'plain', { signature: 'f'.repeat(40) })).status).toBe(403);
    expect((await t.push.post(fields, 'plain', { timestamp: Math.floor(Date.now() / 1000) - 301 })).status).toBe(403);
    expect((await t.push.post(fields, 'safe', { msgSignature: '0'.repeat(40) })).status).toBe(403);
    expect(core.received).toEqual([]);
    expect(codes()).toEqual([
      ErrorCodes.WECHAT_MP_SIGNATURE_INVALID,
      ErrorCodes.WECHAT_MP_TIMESTAMP_STALE,
      ErrorCodes.WECHAT_MP_SIGNATURE_INVALID,
    ]);
  });

  it('in safe mode decrypts the message and encrypts the reply, which decrypts to the same answer', async () => {
    const core = scriptedCore({ 法律援助在哪里: { kind: 'answer', text: '到区公共法律服务窗口申请。' } });
    t = await startMp(core.handler);
    const pushed = await t.push.text(ALICE, '法律援助在哪里', { mode: 'safe' });
    expect(pushed.status).toBe(200);
    expect(pushed.encrypted).toBe(true);
    expect(pushed.body).not.toContain('区公共法律服务窗口');
    expect(pushed.reply).toMatchObject({ ToUserName: ALICE, MsgType: 'text', Content: '到区公共法律服务窗口申请。' });
    expect(core.received[0]?.text).toBe('法律援助在哪里');
  });

  it('in compatible mode reads the encrypted copy and answers encrypted', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const pushed = await t.push.text(ALICE, '兼容模式', { mode: 'compatible' });
    expect(pushed.encrypted).toBe(true);
    expect(pushed.reply?.Content).toBe('echo:兼容模式');
  });

  it('refuses encrypted messages when no EncodingAESKey is configured, naming the key', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler, { aes: false });
    expect((await t.push.text(ALICE, '你好', { mode: 'safe' })).status).toBe(500);
    expect(codes()).toEqual([ErrorCodes.WECHAT_MP_AES_KEY_MISSING]);
    expect((await t.push.text(ALICE, '明文可以')).reply?.Content).toBe('echo:明文可以');
  });

  it('refuses bodies that are not WeChat XML, and oversized ones', async () => {
    t = await startMp(scriptedCore().handler);
    const signedUrl = async (payload: string) => {
      const { sha1Signature } = await import('../../../adapters/wechat-mp/signature.js');
      const timestamp = String(Math.floor(Date.now() / 1000));
      const query = { signature: sha1Signature('QDG6eK', timestamp, '1'), timestamp, nonce: '1' };
      return t?.server.inject({ method: 'POST', url: PATH, query, headers: { 'content-type': 'text/xml' }, payload });
    };
    expect((await signedUrl('{"not":"xml"}'))?.statusCode).toBe(400);
    expect((await signedUrl(`<xml><Content>${'长'.repeat(70_000)}</Content></xml>`))?.statusCode).toBe(413);
    expect(codes()).toEqual([ErrorCodes.WECHAT_MP_XML_INVALID]);
  });

  it('answers 503 (WeChat tries again) before start and after stop, and stops twice cleanly', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler, { started: false });
    expect((await t.push.text(ALICE, '早了')).status).toBe(503);
    await t.adapter.start(core.handler);
    expect((await t.push.text(ALICE, '现在')).reply?.Content).toBe('echo:现在');
    await t.adapter.stop();
    await t.adapter.stop();
    expect((await t.push.text(ALICE, '晚了')).status).toBe(503);
    expect(core.received.map((m) => m.text)).toEqual(['现在']);
  });

  it('logs neither what people write, nor their OpenID, nor the token or secret', async () => {
    t = await startMp(scriptedCore({}, { 我的私事很长很长: 100 }).handler, { replyBudgetMs: 20 });
    await t.push.text(ALICE, '我的私事很长很长');
    await t.push.verifyUrl({ signature: 'b'.repeat(40) });
    await t.api.waitFor(() => t?.api.textsTo(ALICE).length);
    await t.adapter.stop();
    const logged = t.logs.text();
    expect(logged).toMatch(/wechat-mp/);
    for (const secret of [ALICE, '我的私事', 'QDG6eK', t.api.secret, 'FAKE-TOKEN', 'jWmYm7qr']) expect(logged).not.toContain(secret);
  });
});
