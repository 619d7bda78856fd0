/**
 * Guided flows through the whole bot, as a new user meets them: started by their words, answered
 * by digits and by buttons, back and edit in the review, an outcome that cites its article with a
 * materials list; danger in the middle gets 110 first and the flow waits; a new question leaves
 * it politely and "继续" comes back.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../../src/bot.js';
import type { Engine } from '../../../../src/answer/engine.js';
import { silentLogger } from '../../../../src/logger.js';
import type { Reply } from '../../../../src/types.js';
import { realEngine } from '../../../doubles/harness.js';
import { clockReading } from '../../../doubles/manual-clock.js';

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await realEngine());
});

function person() {
  const bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000, clock: clockReading(() => Date.UTC(2026, 11, 8, 2)) });
  const base = { adapter: 'test', conversationId: 'c1', senderId: 'u1' } as const;
  return {
    say: (text: string): Promise<Reply> => bot.handle({ ...base, kind: 'text', text }),
    press: (choiceId: string): Promise<Reply> => bot.handle({ ...base, kind: 'choice', text: '', choiceId }),
  };
}

/** The id of the choice whose label contains `words`. */
const idOf = (reply: Reply, words: string): string => {
  const choice = reply.choices?.find((c) => c.label.includes(words));
  if (!choice) throw new Error(`no choice “${words}” in: ${reply.text}`);
  return choice.id;
};
const nOf = (reply: Reply, words: string): string => String(reply.choices?.find((c) => c.label.includes(words))?.n);

describe('the legal-aid pre-screen', () => {
  it('a domestic-violence victim reaches 第三十二条 with 身份证 on the list, by digits', async () => {
    const p = person();
    const first = await p.say('我能不能申请法律援助');
    expect(first).toMatchObject({ kind: 'flow', awaits: 'pick', flow: { id: 'legal-aid', step: 'matter', event: 'start' } });
    const second = await p.say(nOf(first, '家庭暴力'));
    expect(second.flow).toMatchObject({ event: 'ask' });
    const review = await p.say(nOf(second, '还没有'));
    expect(review.flow).toMatchObject({ step: '#review', event: 'review' });
    const done = await p.say('确认');
    expect(done.flow).toMatchObject({ id: 'legal-aid', event: 'done' });
    expect(done.text).toContain('第三十二条');
    expect(done.text).toContain('身份证');
    expect(done.text).not.toMatch(/批准|保证/);
    expect(done.source).toMatch(/^来源:.*法律援助法/);
  });

  it('goes back and edits an answer in the review, by buttons', async () => {
    const p = person();
    const first = await p.say('我能不能申请法律援助');
    const second = await p.press(idOf(first, '家庭暴力'));
    const back = await p.press(idOf(second, '上一步'));
    expect(back.flow).toMatchObject({ step: 'matter' });
    expect(back.text).toContain('上次答的是');
    const again = await p.press(idOf(back, '家庭暴力'));
    const review = await p.press(idOf(again, '还没有'));
    const edit = await p.press(review.choices!.find((c) => c.id.includes('#edit:'))!.id);
    expect(edit.flow).toMatchObject({ event: 'ask' });
  });

  it('answers danger in the middle with 110 first, and the flow waits', async () => {
    const p = person();
    await p.say('我能不能申请法律援助');
    const danger = await p.say('他拿着刀在门口');
    expect(danger.kind).toBe('emergency');
    expect(danger.text.split('\n')[0]).toContain('110');
    const resumed = await p.say('继续');
    expect(resumed.flow).toMatchObject({ id: 'legal-aid', step: 'matter' });
  });

  it('leaves for an unrelated question, answers it, and 继续 comes back', async () => {
    const p = person();
    await p.say('我能不能申请法律援助');
    const other = await p.say('公证处在哪里');
    expect(other.kind).not.toBe('flow');
    expect(other.flow).toMatchObject({ id: 'legal-aid', event: 'paused' });
    expect(other.text).toContain('继续');
    const resumed = await p.say('继续');
    expect(resumed).toMatchObject({ kind: 'flow', flow: { id: 'legal-aid', step: 'matter' } });
  });

  it('退出 ends the flow', async () => {
    const p = person();
    await p.say('我能不能申请法律援助');
    const out = await p.say('退出');
    expect(out.flow).toMatchObject({ event: 'exit' });
    expect((await p.say('继续')).kind).not.toBe('flow');
  });
});

describe('法律明白人 mode', () => {
  it('asks about the person, not "you", once a helper says so, and ends with what to tell them', async () => {
    const p = person();
    const on = await p.say('我是法律明白人');
    expect(on.text).toContain('法律明白人模式');
    const first = await p.say('我能不能申请法律援助');
    expect(first.text).toContain('当事人想为哪一类事情申请法律援助');
    expect(first.text).not.toContain('您想为哪一类事情');
    const second = await p.say(nOf(first, '家庭暴力'));
    expect(second.text).toContain('这件事当事人现在请了律师');
    await p.say(nOf(second, '还没有'));
    const done = await p.say('确认');
    expect(done.text.split('\n')[0]).toBe('可以这样告诉村民(当事人):');
    expect(done.text).toContain('第三十二条');
  });

  it('switches mid-flow: the question is asked again in the new voice; 我自己问 switches back', async () => {
    const p = person();
    await p.say('我能不能申请法律援助');
    const helper = await p.say('帮村民问');
    expect(helper).toMatchObject({ kind: 'flow', flow: { step: 'matter' } });
    expect(helper.text).toContain('当事人想为哪一类事情');
    const self = await p.say('我自己问');
    expect(self.text).toContain('您想为哪一类事情');
  });

  it('keeps the mode across other questions, and a question naming 村民 does not switch it', async () => {
    const p = person();
    await p.say('我是法律明白人');
    await p.say('公证处在哪里');
    expect((await p.say('我能不能申请法律援助')).text).toContain('当事人想为哪一类事情');
    const q = person();
    await q.say('村民被拖欠工资怎么办');
    expect((await q.say('我能不能申请法律援助')).text).toContain('您想为哪一类事情');
  });
});

describe('/mode', () => {
  it('switches 法律明白人 mode over, each time it is sent', async () => {
    const p = person();
    expect((await p.say('/mode')).text).toContain('法律明白人模式');
    expect((await p.say('我能不能申请法律援助')).text).toContain('当事人想为哪一类事情');
    expect((await p.say('/mode')).text).toContain('按您自己的情况');
    expect((await p.say('继续')).text).toContain('您想为哪一类事情');
  });
});
