/**
 * `why` tells staff whether a message was taken for an emergency, in which category and by
 * which rule of emergency.yaml, so they know which list to edit.
 */
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
