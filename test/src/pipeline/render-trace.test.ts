/**
 * `why` tells staff whether a message was taken for an emergency, in which category and by
 * which rule of emergency.yaml, so they know which list to edit; and for a calculation, the
 * inputs it read, what it assumed, how it computed and the articles it applied.
 */
import { clockReading } from '../../doubles/manual-clock.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot.js';
import { silentLogger } from '../../../src/logger.js';
import { renderTrace } from '../../../src/pipeline/render-trace.js';
import { realEngine } from '../../doubles/harness.js';

let bot: Bot;
beforeAll(async () => {
  const { engine } = await realEngine();
  bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000 });
});

const why = async (text: string) =>
  renderTrace((await bot.run({ adapter: 'test', conversationId: 'w', senderId: 'p', kind: 'text', text }, { dryRun: true })).trace);

describe('why: the emergency line', () => {
  it.each([
    ['有人拿着铁棍守在我家楼道口', /紧急情况:\s*是\(violence,危险信号 cues/],
    ['我外婆倒在厕所里叫不醒', /紧急情况:\s*是\(medical,紧急信号 urgent\)/],
    ['救命', /紧急情况:\s*是\(violence,固定说法 patterns\)/],
    ['家暴受害人可以申请法律援助吗', /紧急情况:\s*否/],
  ])('%s', async (text, line) => {
    expect(await why(text)).toMatch(line);
  });
});

describe('why: a calculation', () => {
  let calculating: Bot;
  beforeAll(async () => {
    const { engine } = await realEngine();
    // 2026-12-08 in 曲江区: the day the calculation counts from.
    calculating = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000, clock: clockReading(() => Date.UTC(2026, 11, 8, 2, 0)) });
  });
  const whyCalc = async (text: string) =>
    renderTrace((await calculating.run({ adapter: 'test', conversationId: 'w', senderId: 'p', kind: 'text', text }, { dryRun: true })).trace);

  it('shows the inputs read, the assumptions made, the working and the articles applied', async () => {
    const said = await whyCalc('我3月2号被辞退,最晚哪天申请仲裁');
    expect(said).toMatch(/计算:\s*劳动争议仲裁时效\(labour-arbitration,规则 labour-arbitration;问题里问的\)/u);
    expect(said).toMatch(/读到:\s*起算日 2026-03-02/u);
    expect(said).toMatch(/假设:\s*.*2026年/u);
    expect(said).toMatch(/算法:\s*从2026年3月2日的第二天起算1年/u);
    expect(said).toMatch(/依据:\s*劳动争议调解仲裁法第二十七条/u);
    expect(said).toMatch(/calculate\.result/u);
  });

  it('shows the input a calculation asks for', async () => {
    const said = await whyCalc('我去年三月被辞退,还能申请仲裁吗');
    expect(said).toMatch(/缺少:\s*起算日期\(问一句,接在「[^」]+」的回答后面\)/u);
  });
});
