import { beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../src/service/limits/rate-limiter.js';
import { realEngine } from '../../../doubles/harness.js';
import { createManualClock } from '../../../doubles/manual-clock.js';
import { createStaffBot } from '../../../doubles/staff-bot.js';

beforeAll(async () => {
  await realEngine();
});

describe('rate limiter', () => {
  it('admits perMinute messages, then one notice, then silence, then admits again after a minute', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ limit: 3, clock });
    expect([1, 2, 3].map(() => limiter.admit('a'))).toEqual(['ok', 'ok', 'ok']);
    expect(limiter.admit('a')).toBe('notice');
    expect(limiter.admit('a')).toBe('silent');
    expect(limiter.admit('b')).toBe('ok');
    await clock.advance(60_001);
    expect(limiter.admit('a')).toBe('ok');
  });

  it('is a sliding window: room comes back as the oldest message ages out', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ limit: 2, clock });
    limiter.admit('a');
    await clock.advance(30_000);
    limiter.admit('a');
    expect(limiter.admit('a')).toBe('notice');
    await clock.advance(30_001);
    expect(limiter.admit('a')).toBe('ok');
    expect(limiter.admit('a')).toBe('notice');
  });

  it('0 means no limit', () => {
    const limiter = createRateLimiter({ limit: 0 });
    expect(Array.from({ length: 1_000 }, () => limiter.admit('a')).every((v) => v === 'ok')).toBe(true);
  });

  it('tracks a bounded number of conversations', () => {
    const limiter = createRateLimiter({ limit: 1, maxKeys: 2, clock: createManualClock(0) });
    limiter.admit('a');
    limiter.admit('b');
    limiter.admit('c'); // drops a
    expect(limiter.admit('a')).toBe('ok');
  });

  it('takes any window (a day for an account cap) and says whether a key has room without counting', async () => {
    const clock = createManualClock(0);
    const limiter = createRateLimiter({ limit: 2, windowMs: 24 * 60 * 60_000, clock });
    expect(limiter.hasRoom('account')).toBe(true);
    limiter.admit('account');
    await clock.advance(12 * 60 * 60_000);
    expect(limiter.hasRoom('account')).toBe(true);
    expect(limiter.hasRoom('account')).toBe(true); // asking counts nothing
    limiter.admit('account');
    expect(limiter.hasRoom('account')).toBe(false);
    expect(limiter.admit('account')).toBe('notice');
    await clock.advance(12 * 60 * 60_000 + 1); // the first message aged out of the 24 hours
    expect(limiter.hasRoom('account')).toBe(true);
  });
});

describe('rate limit in the core', () => {
  it('over the limit a conversation gets one polite notice, then empty replies; others are unaffected', async () => {
    const b = await createStaffBot({ ratePerMinute: 2 });
    expect((await b.send('法律援助在哪里申请')).kind).toBe('answer');
    expect((await b.send('法律援助在哪里申请')).kind).toBe('answer');
    const notice = await b.send('法律援助在哪里申请');
    expect(notice.kind).toBe('limited');
    expect(notice.text).toContain('12348');
    expect(await b.send('法律援助在哪里申请')).toEqual({ kind: 'limited', text: '' });
    expect((await b.send('法律援助在哪里申请', { conversationId: 'other' })).kind).toBe('answer');
    b.advance(60_001);
    expect((await b.send('法律援助在哪里申请')).kind).toBe('answer');
    expect(b.store.messages.filter((m) => m.kind === 'limited')).toHaveLength(2);
  });

  it('over the limit an emergency is still answered with the emergency reply, never silence', async () => {
    const b = await createStaffBot({ ratePerMinute: 1 });
    await b.send('法律援助在哪里申请');
    expect((await b.send('法律援助在哪里申请')).kind).toBe('limited');
    expect(await b.send('法律援助在哪里申请')).toEqual({ kind: 'limited', text: '' });
    for (let i = 0; i < 3; i += 1) {
      const reply = await b.send('救命,有人拿刀要杀我');
      expect(reply.kind).toBe('emergency');
      expect(reply.call).toContain('110');
    }
    expect(await b.send('法律援助在哪里申请')).toEqual({ kind: 'limited', text: '' });
  });

  it('in a group each person has a limit of their own', async () => {
    const b = await createStaffBot({ ratePerMinute: 1 });
    await b.send('你好', { isGroup: true, conversationId: 'room', senderId: 'a' });
    expect((await b.send('你好', { isGroup: true, conversationId: 'room', senderId: 'b' })).kind).toBe('menu');
    expect((await b.send('你好', { isGroup: true, conversationId: 'room', senderId: 'a' })).kind).toBe('limited');
  });
});

describe('bounded session store', () => {
  it('remembers at most sessionMax conversations, forgetting the least recently active', async () => {
    const b = await createStaffBot({ sessionMax: 2 });
    await b.send('法律援助在哪里申请', { conversationId: 'a' });
    await b.send('法律援助在哪里申请', { conversationId: 'b' });
    expect((await b.send('收费吗?', { conversationId: 'b' })).entryId).toBe('legal-aid.cost');
    await b.send('你好', { conversationId: 'c' });
    expect((await b.send('收费吗?', { conversationId: 'a' })).entryId).not.toBe('legal-aid.cost');
  });
});
