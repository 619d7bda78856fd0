/**
 * 接待 on Telegram's fake Bot API: 转人工 with staff on duty opens a handoff for the chat; the
 * staff reply is pushed to the chat as "工作人员 1 号:…"; the bot is silent meanwhile; ending
 * tells the chat the bot answers again.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { relayStaffLines } from '../../../adapters/shared/relay-staff-lines.js';
import { createBot } from '../../../src/bot.js';
import type { Engine } from '../../../src/answer/engine.js';
import { silentLogger } from '../../../src/logger.js';
import { createHandoffDesk } from '../../../src/service/handoff/handoff-desk.js';
import { createMemoryCache } from '../../../src/service/shared-state/memory-state.js';
import { realEngine } from '../../doubles/harness.js';
import { alice, textUpdate } from '../../doubles/telegram-updates.js';
import { repliesAfter, startTelegram, type Started } from './telegram-setup.js';

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await realEngine());
});

describe('接待 on Telegram', () => {
  let t: Started | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('relays the staff reply to the chat and returns to the bot when ended', async () => {
    let n = 0;
    const desk = createHandoffDesk(createMemoryCache(), { now: Date.now, newId: () => `h${(n += 1)}` });
    const bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000, desk });
    t = await startTelegram((message) => bot.handle(message));
    relayStaffLines(desk, [t.adapter], silentLogger());
    await desk.setOnDuty('1', true);

    t.api.push(textUpdate(alice, '转人工'));
    expect((await repliesAfter(t.api, alice.id, 0))[0]).toContain('正在为您转接人工客服');
    const [handoff] = await desk.list();
    expect(handoff).toMatchObject({ adapter: 'telegram', conversationId: String(alice.id), status: 'waiting' });
    expect(await desk.take(handoff!.id, '1')).toBe(true);

    await desk.say(handoff!.id, { from: 'staff', text: '您好,请说说情况。', at: Date.now(), staffNo: '1' });
    expect(await repliesAfter(t.api, alice.id, 1)).toEqual(['工作人员 1 号:您好,请说说情况。']);

    t.api.push(textUpdate(alice, '老板欠我工资'));
    await expect.poll(async () => (await desk.lines(handoff!.id)).map((line) => line.text)).toContain('老板欠我工资');
    expect(t.api.textsTo(alice.id)).toHaveLength(2);

    await desk.end(handoff!.id, 'staff', Date.now(), engine.knowledge.meta.messages.handoffEnded);
    expect((await repliesAfter(t.api, alice.id, 2))[0]).toContain('机器人助手继续为您服务');
  });
});
