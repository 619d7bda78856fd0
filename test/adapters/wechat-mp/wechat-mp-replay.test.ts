/**
 * Replays and downgrades on one instance: a signed URL (timestamp, nonce, signature) serves
 * one request within the window: sent again with the same body (WeChat's retry, or an
 * identical replay) it reaches the message dedup and gets the answer already given, never a
 * second one from the core; with any other body it is refused. Timestamps ahead of our clock
 * are refused beyond a small skew; with an EncodingAESKey only encrypted bodies are read.
 * Each refusal answers WeChat `success` (no retries) or 403, logs one coded line and never
 * reaches the core.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createLocalLocks, createMemoryCache } from '../../../src/service/shared-state/memory-state.js';
import { ErrorCodes } from '../../../src/errors.js';
import { scriptedCore, startMp, type StartedMp } from './wechat-mp-setup.js';
import { clockReading } from '../../doubles/manual-clock.js';

const ALICE = 'oQJ-alice-openid';
const BOB = 'oQJ-bob-openid';
const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('official account: replays, clock skew and downgrades', () => {
  let t: StartedMp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  const codes = () => (t?.logs.lines() ?? []).map((line) => line.code).filter(Boolean);
  const textFrom = (openId: string, content: string, msgId: string) => ({
    ToUserName: 'gh_qujiang000001', FromUserName: openId, CreateTime: nowSeconds(), MsgType: 'text', Content: content, MsgId: msgId,
  });

  it('answers a WeChat retry of the same request (same query, same body) with the same passive reply; the core is asked once', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const request = t.push.request(textFrom(ALICE, '救命,有人要跳楼', '9001'), 'safe', { timestamp: nowSeconds(), nonce: '1234567' });
    const first = await t.push.send(request);
    expect(first.reply?.Content).toBe('echo:救命,有人要跳楼');
    const retries = [await t.push.send(request), await t.push.send(request)];
    for (const retry of retries) expect(retry).toMatchObject({ status: 200, reply: { Content: 'echo:救命,有人要跳楼' } });
    expect(core.received).toHaveLength(1);
    expect(codes()).toEqual([]);
  });

  it('answers a retry that comes while the core is still thinking with the one answer', async () => {
    const core = scriptedCore({}, { 慢: 60 });
    t = await startMp(core.handler);
    const request = t.push.request(textFrom(ALICE, '慢', '9011'), 'safe', { timestamp: nowSeconds(), nonce: '1234568' });
    const [first, retry] = await Promise.all([t.push.send(request), t.push.send(request)]);
    expect([first.reply?.Content, retry.reply?.Content]).toEqual(['echo:慢', 'echo:慢']);
    expect(core.received).toHaveLength(1);
  });

  it('never hands an identical replay to the core again, even minutes later while its timestamp is still accepted', async () => {
    let now = Date.now();
    const clock = clockReading(() => now);
    const core = scriptedCore();
    t = await startMp(core.handler, { clock, shared: { cache: createMemoryCache({ clock }), locks: createLocalLocks('test') } });
    const request = t.push.request(textFrom(ALICE, '你好', '9021'), 'safe', { timestamp: Math.floor(now / 1000), nonce: '1234569' });
    expect((await t.push.send(request)).reply?.Content).toBe('echo:你好');
    now += 61_000; // the old dedup (60 s) has forgotten the message
    expect((await t.push.send(request)).reply?.Content).toBe('echo:你好');
    now += 238_000; // 299 s after: the last second the timestamp is accepted
    expect((await t.push.send(request)).reply?.Content).toBe('echo:你好');
    expect(core.received).toHaveLength(1);
    now += 2_000;
    expect((await t.push.send(request)).status).toBe(403);
    expect(core.received).toHaveLength(1);
  });

  it('refuses a used signed URL with any other body, every time: a forged 转人工 for another person never reaches the core', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler, { aes: false });
    const push = { timestamp: nowSeconds(), nonce: '7654321' };
    expect((await t.push.post(textFrom(ALICE, '你好', '9101'), 'plain', push)).reply?.Content).toBe('echo:你好');
    const forged = t.push.request(textFrom(BOB, '转人工', '9102'), 'plain', push);
    expect(await t.push.send(forged)).toMatchObject({ status: 200, body: 'success' });
    expect(await t.push.send(forged)).toMatchObject({ status: 200, body: 'success' });
    expect(core.received.map((message) => message.text)).toEqual(['你好']);
    expect(t.api.calls).toEqual([]);
    expect(codes()).toEqual([ErrorCodes.WECHAT_MP_REPLAYED, ErrorCodes.WECHAT_MP_REPLAYED]);
  });

  it('refuses a POST (or another echostr) signed with the timestamp and nonce of an earlier GET handshake', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler, { aes: false });
    const push = { timestamp: nowSeconds(), nonce: '24680' };
    expect((await t.push.verifyUrl({ ...push, echostr: '42' })).body).toBe('42');
    expect((await t.push.post(textFrom(ALICE, '你好', '9201'), 'plain', push)).body).toBe('success');
    expect(core.received).toEqual([]);
    // The handshake's echostr is not signed either: the pair does not echo another one.
    expect((await t.push.verifyUrl({ ...push, echostr: '<script>' })).body).toBe('success');
    expect(codes()).toEqual([ErrorCodes.WECHAT_MP_REPLAYED, ErrorCodes.WECHAT_MP_REPLAYED]);
  });

  it('does not use up a URL answered 503 before start, which WeChat sends again', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler, { started: false });
    const request = t.push.request(textFrom(ALICE, '早到', '9250'), 'safe', { timestamp: nowSeconds(), nonce: '13579' });
    expect((await t.push.send(request)).status).toBe(503);
    await t.adapter.start(core.handler);
    expect((await t.push.send(request)).reply?.Content).toBe('echo:早到');
    expect(codes()).toEqual([]);
  });

  it('refuses a timestamp 4 minutes in the future, accepts one 5 s ahead', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const ahead = await t.push.post(textFrom(ALICE, '未来', '9301'), 'safe', { timestamp: nowSeconds() + 240 });
    expect(ahead.status).toBe(403);
    expect((await t.push.verifyUrl({ timestamp: nowSeconds() + 240 })).status).toBe(403);
    const close = await t.push.post(textFrom(ALICE, '稍快', '9302'), 'safe', { timestamp: nowSeconds() + 5 });
    expect(close.reply?.Content).toBe('echo:稍快');
    expect(core.received.map((message) => message.text)).toEqual(['稍快']);
    expect(codes()).toEqual([ErrorCodes.WECHAT_MP_TIMESTAMP_STALE, ErrorCodes.WECHAT_MP_TIMESTAMP_STALE]);
  });

  it('takes the skew and the window from its options', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler, { clockSkewSeconds: 300, replayWindowSeconds: 60 });
    expect((await t.push.post(textFrom(ALICE, '未来', '9401'), 'safe', { timestamp: nowSeconds() + 240 })).reply?.Content).toBe('echo:未来');
    expect((await t.push.post(textFrom(ALICE, '过去', '9402'), 'safe', { timestamp: nowSeconds() - 90 })).status).toBe(403);
    expect(core.received.map((message) => message.text)).toEqual(['未来']);
  });

  it('with an AES key, refuses plaintext bodies (no encrypt_type=aes, or no <Encrypt>) and reads only encrypted ones', async () => {
    const core = scriptedCore();
    t = await startMp(core.handler);
    const plain = await t.push.post(textFrom(ALICE, '明文', '9501'), 'plain');
    expect(plain).toMatchObject({ status: 200, body: 'success' });
    const claimed = t.push.request(textFrom(ALICE, '假装加密', '9502'), 'plain');
    const noEncrypt = await t.push.send({ ...claimed, query: { ...claimed.query, encrypt_type: 'aes', msg_signature: 'a'.repeat(40) } });
    expect(noEncrypt.body).toBe('success');
    expect(core.received).toEqual([]);
    expect(codes()).toEqual([ErrorCodes.WECHAT_MP_PLAINTEXT_REFUSED, ErrorCodes.WECHAT_MP_PLAINTEXT_REFUSED]);
    expect((await t.push.text(ALICE, '安全', { mode: 'safe' })).reply?.Content).toBe('echo:安全');
    expect((await t.push.text(ALICE, '兼容', { mode: 'compatible' })).reply?.Content).toBe('echo:兼容');
  });
});
