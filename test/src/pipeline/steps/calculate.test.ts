import { beforeEach, describe, expect, it } from 'vitest';
import { calculate } from '../../../../src/pipeline/steps/calculate.js';
import { createHarness, type Harness } from '../../../doubles/harness.js';

// 2026-12-08 10:00 in 曲江区 (UTC+8): the bot's today.
const TODAY = Date.UTC(2026, 11, 8, 2, 0);

let bot: Harness;
beforeEach(async () => {
  bot = await createHarness({ start: TODAY });
});

describe('the calculate step', () => {
  it('computes a question that carries its inputs: figure, working, articles, what would change it', async () => {
    const reply = await bot.send('我2026年3月2日被辞退,最晚哪天申请仲裁');
    expect(reply).toMatchObject({ kind: 'answer', entryId: 'calc.labour-arbitration' });
    expect(reply.text).toContain('2027年3月2日');
    expect(reply.text).toMatch(/如果/u);
    expect(reply.source).toMatch(/^计算依据:.*劳动争议调解仲裁法.*第二十七条/u);
    expect(reply.calculation).toMatchObject({ kind: 'result', calculation: 'deadline:labour-arbitration' });
  });

  it('answers the route first, asks for a vague date below it in one short question, and reads the next message as its answer', async () => {
    const asked = await bot.send('我去年三月被辞退,还能申请仲裁吗');
    expect(asked).toMatchObject({ kind: 'answer', calculation: { kind: 'ask', missing: 'event' } });
    expect(asked.entryId ?? '').not.toMatch(/^calc\./u);
    expect(asked.text.trimEnd().endsWith('（期限要从具体哪一天算起）')).toBe(true);
    expect(asked.text).toContain('2025年3月的几号');
    const answered = await bot.send('5号');
    expect(answered).toMatchObject({ kind: 'answer', entryId: 'calc.labour-arbitration' });
    expect(answered.text).toContain('2026年3月5日');
  });

  it('asks for the one missing amount and computes with the answer (3年8个月 at 6000: 48,000)', async () => {
    const asked = await bot.send('我在公司做了3年8个月,被违法辞退,能赔多少');
    expect(asked).toMatchObject({ kind: 'answer', calculation: { kind: 'ask', missing: 'wage' } });
    const answered = await bot.send('6000');
    expect(answered).toMatchObject({ kind: 'answer', entryId: 'calc.unlawful-termination' });
    expect(answered.text).toContain('48,000元');
    expect(answered.source).toContain('第八十七条');
  });

  it('leaves the pending calculation for a new, unrelated question', async () => {
    await bot.send('我去年三月被辞退,还能申请仲裁吗');
    const other = await bot.send('法律援助在哪里申请');
    expect(other).toMatchObject({ kind: 'answer', entryId: 'legal-aid.where' });
    const late = await bot.send('5号');
    expect(late.entryId ?? '').not.toMatch(/^calc\./u);
  });

  it('lets danger come first while a calculation waits, and keeps it waiting', async () => {
    await bot.send('我去年三月被辞退,还能申请仲裁吗');
    const danger = await bot.send('老板拿刀要杀我');
    expect(danger.kind).toBe('emergency');
    const answered = await bot.send('5号');
    expect(answered).toMatchObject({ kind: 'answer', entryId: 'calc.labour-arbitration' });
  });

  it('after a problem\'s route, "还来得及吗?" is computed for that problem: one question, then the date', async () => {
    const route = await bot.send('被公司辞退了怎么办');
    expect(route.entryId).toBe('problem.dismissal');
    const asked = await bot.send('还来得及吗?');
    expect(asked).toMatchObject({ kind: 'clarify', calculation: { kind: 'ask', calculation: expect.stringContaining('labour-arbitration') } });
    const answered = await bot.send('2026年3月2日');
    expect(answered).toMatchObject({ kind: 'answer', entryId: 'calc.labour-arbitration' });
    expect(answered.text).toContain('2027年3月2日');
  });

  it('refuses a date in the future politely, without a figure', async () => {
    const reply = await bot.send('我2027年5月1日被辞退,最晚哪天申请仲裁');
    expect(reply).toMatchObject({ kind: 'clarify', calculation: { kind: 'refuse' } });
  });

  it('passes over what is not a calculation', async () => {
    const reply = await bot.send('法律援助在哪里申请');
    expect(reply).toMatchObject({ kind: 'answer', entryId: 'legal-aid.where' });
    expect(reply.calculation).toBeUndefined();
  });
});

describe('when the calculate step applies', () => {
  it('only to a text with a question in it', () => {
    const { when } = calculate();
    const turn = (kind: string, question?: string) => ({ message: { kind }, question }) as unknown as Parameters<NonNullable<typeof when>>[0];
    expect(when?.(turn('text', '我2026年3月2日被辞退,最晚哪天申请仲裁'))).toBe(true);
    expect(when?.(turn('text', ' '))).toBe(false);
    expect(when?.(turn('sticker'))).toBe(false);
    expect(when?.(turn('choice'))).toBe(false);
  });
});
