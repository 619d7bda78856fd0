import { afterEach, describe, expect, it } from 'vitest';
import { createMpApi, type MpApi } from '../../../adapters/wechat-mp/mp-api.js';
import { ErrorCodes, hasCode } from '../../../src/errors.js';
import { startFakeWechatMp, type FakeWechatMp } from '../../doubles/fake-wechat-mp.js';
import { createLogSink, type LogSink } from '../../doubles/log-sink.js';
import { clockReading } from '../../doubles/manual-clock.js';

const SEND = '/cgi-bin/message/custom/send';
const OPENID = 'oUSER-alice';

describe('official-account API client over a fake WeChat', () => {
  let fake: FakeWechatMp | undefined;
  let logs: LogSink;
  /** The token cache's time, moved by the test. */
  let now = Date.now();
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const start = async (expiresIn?: number, secret?: string): Promise<MpApi> => {
    fake = await startFakeWechatMp({ expiresIn });
    logs = createLogSink();
    return createMpApi({ apiRoot: fake.apiRoot, appId: fake.appId, secret: secret ?? fake.secret, logger: logs.logger, backoffMs: 5, clock: clockReading(() => now) });
  };
  const sends = () => fake?.calls.filter((call) => call.path === SEND).map((call) => call.errcode);
  const rejection = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);

  it('fetches a token once, caches it, and sends text as the customer-service API expects', async () => {
    const api = await start();
    await api.sendText(OPENID, '第一条');
    await api.sendText(OPENID, '第二条:中文不转义');
    expect(fake?.tokensIssued).toBe(1);
    expect(fake?.textsTo(OPENID)).toEqual(['第一条', '第二条:中文不转义']);
    expect(fake?.calls.find((call) => call.path === SEND)?.body).toEqual({ touser: OPENID, msgtype: 'text', text: { content: '第一条' } });
  });

  it('fetches a new token when the cached one runs out', async () => {
    const api = await start(1);
    await api.sendText(OPENID, '一');
    // Time passes for both: the client's clock and WeChat's tokens.
    now += 1_100;
    fake?.expireTokens();
    await api.sendText(OPENID, '二');
    expect(fake?.tokensIssued).toBe(2);
    expect(sends()).toEqual([0, 0]);
  });

  it('refreshes once when WeChat calls the token expired (42001) or invalid (40001), then repeats the call', async () => {
    const api = await start();
    await api.sendText(OPENID, '一');
    fake?.expireTokens();
    await api.sendText(OPENID, '二');
    fake?.revokeTokens();
    await api.sendText(OPENID, '三');
    expect(sends()).toEqual([0, 42001, 0, 40001, 0]);
    expect(fake?.tokensIssued).toBe(3);
    expect(fake?.textsTo(OPENID)).toEqual(['一', '二', '三']);
  });

  it('refreshes only once per call: a second invalid-token answer fails with its errcode', async () => {
    const api = await start();
    fake?.failNext(SEND, 40001, 2);
    const error = await rejection(api.sendText(OPENID, '一'));
    expect(hasCode(error, ErrorCodes.WECHAT_MP_API_FAILED)).toBe(true);
    expect((error as { details: string[] }).details).toContain('errcode=40001');
    expect(sends()).toEqual([40001, 40001]);
  });

  it('backs off and tries again when WeChat is busy (-1) or answers HTTP 500, within the attempts', async () => {
    const api = await start();
    fake?.failNext(SEND, -1);
    fake?.failNext(SEND, 'http500');
    await api.sendText(OPENID, '终于送达');
    expect(sends()).toEqual([-1, -500, 0]);
    fake?.failNext(SEND, -1, 3);
    expect(hasCode(await rejection(api.sendText(OPENID, '放弃')), ErrorCodes.WECHAT_MP_API_FAILED)).toBe(true);
    expect(logs.lines().filter((line) => line.errcode === -1).length).toBeGreaterThan(0);
  });

  it('does not repeat a 45015 (the person has not written for 48 hours) and says so by its code', async () => {
    const api = await start();
    fake?.failNext(SEND, 45015);
    const error = await rejection(api.sendText(OPENID, '迟到的答复'));
    expect(hasCode(error, ErrorCodes.WECHAT_MP_REPLY_WINDOW_CLOSED)).toBe(true);
    expect((error as { details: string[] }).details).toContain('errcode=45015');
    expect(sends()).toEqual([45015]);
  });

  it('fails with its own code when the AppSecret is wrong, and never logs the secret or a token', async () => {
    const api = await start(undefined, 'wrong-secret');
    const error = await rejection(api.sendText(OPENID, '一'));
    expect(hasCode(error, ErrorCodes.WECHAT_MP_TOKEN_FAILED)).toBe(true);
    expect((error as Error).message).toContain('40125');
    expect((error as Error).message).not.toContain('wrong-secret');
    expect(logs.text()).not.toMatch(/wrong-secret|FAKE-TOKEN/);
  });

  it('creates the menu with the body given', async () => {
    const api = await start();
    const menu = { button: [{ name: '法律服务', sub_button: [{ type: 'click' as const, name: '法律援助', key: 't:legal-aid' }] }] };
    await api.createMenu(menu);
    expect(fake?.menus()).toEqual([menu]);
  });
});
