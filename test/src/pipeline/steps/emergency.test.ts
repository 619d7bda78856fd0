/**
 * Safety first, through the whole bot: danger now is answered before the conversation's state,
 * the rate limit or a pending list is looked at, whatever else the message says; a danger word
 * told after the fact puts its safety line on top of any other reply.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../../src/bot.js';
import type { Engine } from '../../../../src/answer/engine.js';
import { silentLogger } from '../../../../src/logger.js';
import type { SessionStore } from '../../../../src/service/session/session-store.js';
import type { Reply } from '../../../../src/types.js';
import { realEngine } from '../../../doubles/harness.js';
import { clockReading } from '../../../doubles/manual-clock.js';

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await realEngine());
});

const KNIFE_AT_DOOR = '他拿着刀在门口';
const firstLine = (reply: Reply) => reply.text.split('\n')[0] ?? '';

function bot(options: { ratePerMinute?: number; sessions?: SessionStore } = {}): { bot: Bot; send(text: string): Promise<Reply> } {
  const made = createBot({
    engine,
    logger: silentLogger(),
    maxMessageChars: 500,
    sessionIdleMs: 600_000,
    clock: clockReading(() => 1_700_000_000_000),
    ...options,
  });
  return { bot: made, send: (text) => made.handle({ adapter: 'test', conversationId: 'c1', senderId: 'u1', kind: 'text', text }) };
}

describe('danger now comes first', () => {
  it('is answered over the rate limit, every time it is sent', async () => {
    const b = bot({ ratePerMinute: 2 });
    await b.send('法律援助在哪里申请');
    await b.send('法律援助要什么材料');
    expect((await b.send('公证处在哪')).kind).toBe('limited');
    for (let i = 0; i < 3; i += 1) {
      const reply = await b.send(KNIFE_AT_DOOR);
      expect(reply.kind).toBe('emergency');
      expect(firstLine(reply)).toContain('110');
      expect(reply.call?.[0]).toBe('110');
    }
  });

  it('is answered while a numbered list waits, and the list still picks after it', async () => {
    const b = bot();
    const menu = await b.send('菜单');
    expect(menu.kind).toBe('menu');
    expect((await b.send(KNIFE_AT_DOOR)).kind).toBe('emergency');
    expect((await b.send('1')).kind).not.toBe('fallback');
  });

  it('is answered right after asking for a person', async () => {
    const b = bot();
    expect((await b.send('转人工')).kind).toBe('handoff');
    expect((await b.send(KNIFE_AT_DOOR)).kind).toBe('emergency');
  });

  it('is answered when the conversation store hangs or fails', async () => {
    const hanging: SessionStore = { read: () => new Promise(() => {}), write: async () => {}, delete: async () => {} };
    expect((await bot({ sessions: hanging }).send(KNIFE_AT_DOOR)).kind).toBe('emergency');
    const failing: SessionStore = {
      read: async () => Promise.reject(new Error('redis down')),
      write: async () => Promise.reject(new Error('redis down')),
      delete: async () => {},
    };
    expect((await bot({ sessions: failing }).send(KNIFE_AT_DOOR)).kind).toBe('emergency');
  });

  it('stays an emergency when a legal question follows in the next clause, and answers it below', async () => {
    const b = bot();
    for (const question of ['我想找律师', '我要离婚', '能申请法律援助吗']) {
      const reply = await b.send(`${KNIFE_AT_DOOR},${question}`);
      expect(reply.kind, question).toBe('emergency');
      expect(firstLine(reply)).toContain('110');
    }
    const asked = await b.send(`${KNIFE_AT_DOOR},我想找律师`);
    expect(asked.text).toContain(engine.knowledge.meta.messages.emergencyAnswerHeader);
    expect(asked.entryId).toBeDefined();
    expect(asked.text.indexOf('110')).toBeLessThan(asked.text.indexOf(engine.knowledge.meta.messages.emergencyAnswerHeader));
  });

  it('a medical collapse gives 120 first', async () => {
    const reply = await bot().send('我爸突然倒在地上叫不醒');
    expect(reply.kind).toBe('emergency');
    expect(reply.call?.[0]).toBe('120');
  });
});

describe('a danger word told after the fact', () => {
  it('keeps its answer, with the safety line on top', async () => {
    const reply = await bot().send('上个月被人拿刀砍伤了,能要赔偿吗');
    expect(reply.kind).toBe('answer');
    expect(firstLine(reply)).toMatch(/110/);
    expect(reply.call).toContain('110');
  });

  it('a danger the message says is over is an answer with the safety line', async () => {
    const reply = await bot().send('阿姨吃了安眠药,已经抢救回来了,医药费怎么报');
    expect(reply.kind).not.toBe('emergency');
    expect(firstLine(reply)).toMatch(/120/);
  });

  it('a danger told after "it is over" still alarms', async () => {
    const reply = await bot().send('他刚才走了,已经没事了,但他说今晚还要回来砍死我');
    expect(reply.kind).toBe('emergency');
  });

  it('never gets the plain "答不上来", nor the rate limit\'s silence', async () => {
    const b = bot({ ratePerMinute: 1 });
    await b.send('法律援助在哪里申请');
    await b.send('公证处在哪');
    const limited = await b.send('去年他拿刀追过我');
    expect(limited.kind).toBe('limited');
    expect(limited.text).toMatch(/110/);
    const fallback = await bot().send('以前他拿刀追过我');
    expect(firstLine(fallback)).toMatch(/110/);
  });

  it('a message without danger words gets no safety line', async () => {
    const reply = await bot().send('法律援助在哪里申请');
    expect(reply.text).not.toMatch(/马上打/);
    expect(reply.call).toBeUndefined();
  });
});
