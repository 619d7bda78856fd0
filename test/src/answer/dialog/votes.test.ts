import { beforeAll, describe, expect, it } from 'vitest';
import { typedVote } from '../../../../src/answer/dialog/votes.js';
import { realEngine } from '../../../doubles/harness.js';
import { createStaffBot, findClarify } from '../../../doubles/staff-bot.js';

/** The hint under an answer that opened a numbered list (its suggestions): digits pick there, words rate. */
const WORDS_HINT = '有用回复"有用",没用回复"没用"';
const DIGITS_HINT = '有用回复1,没用回复0';
const QUESTION = '法律援助在哪里申请';
const WORDS = { useful: ['有用'], notUseful: ['没用'] };
const console_ = { adapter: 'console', conversationId: 'c', senderId: 's', kind: 'text' as const, text: '' };

beforeAll(async () => {
  await realEngine();
});

describe('a typed vote and a typed pick never collide (issue 26)', () => {
  const last = { lastAnswer: { entryId: 'legal-aid.where', at: 0 } };
  it('with no list open a bare 1 / 0 rates; with a list open a digit is no vote (it picks), the words rate', () => {
    expect(typedVote(console_, '1', last, 1, 60_000, WORDS)).toMatchObject({ useful: true, entryId: 'legal-aid.where' });
    expect(typedVote(console_, '０', last, 1, 60_000, WORDS)).toMatchObject({ useful: false });
    const open = { ...last, choices: ['e:legal-aid.eligibility'] };
    expect(typedVote(console_, '1', open, 1, 60_000, WORDS)).toBeUndefined();
    expect(typedVote(console_, '0', open, 1, 60_000, WORDS)).toBeUndefined();
    expect(typedVote(console_, '有用', open, 1, 60_000, WORDS)).toMatchObject({ useful: true });
    expect(typedVote(console_, '没用。', open, 1, 60_000, WORDS)).toMatchObject({ useful: false });
    // Buttons rate on Telegram and the web; outside the window nothing rates.
    expect(typedVote({ ...console_, capabilities: { buttons: true } }, '有用', open, 1, 60_000, WORDS)).toBeUndefined();
    expect(typedVote(console_, '有用', open, 60_001, 60_000, WORDS)).toBeUndefined();
  });
});

describe('typed feedback (WeChat, console): an answer with suggestions', () => {
  it('numbers its suggestions (a digit picks them) and ends with the words that rate it, after its source line', async () => {
    const b = await createStaffBot();
    const reply = await b.send(QUESTION);
    const lines = reply.text.split('\n');
    expect(lines.at(-1)).toBe(WORDS_HINT);
    expect(lines.at(-2)).toMatch(/^来源:/);
    expect(reply.text).not.toContain(DIGITS_HINT);
    expect(reply.awaits).toBe('pick');
    const at = lines.indexOf('您还可以问(回复数字):');
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 1 + (reply.choices?.length ?? 0))).toEqual(reply.choices?.map((c) => `${c.n}. ${c.label}`));
  });

  it('a bare 1 right after it picks the first suggestion, and is no vote', async () => {
    const b = await createStaffBot();
    const answer = await b.send(QUESTION);
    const picked = await b.send('1');
    expect(picked).toMatchObject({ kind: 'answer', entryId: answer.choices?.[0]?.id.slice(2) });
    expect(b.store.feedback).toHaveLength(0);
  });

  it('"有用" right after it is a 👍, stored and thanked', async () => {
    const b = await createStaffBot();
    await b.send(QUESTION);
    const thanks = await b.send('有用');
    expect(thanks.text).toBe('谢谢您的反馈!');
    expect(b.store.feedback).toEqual([expect.objectContaining({ useful: true, entry: 'legal-aid.where' })]);
  });

  it('"没用" is a 👎 and keeps the question', async () => {
    const b = await createStaffBot();
    await b.send(`我叫王小明,${QUESTION}`);
    await b.send('没用');
    expect(b.store.feedback).toEqual([
      expect.objectContaining({ useful: false, entry: 'legal-aid.where', question: `我叫[姓名],${QUESTION}` }),
    ]);
  });

  it('one vote per answer: a second 有用 is no vote', async () => {
    const b = await createStaffBot();
    await b.send(QUESTION);
    await b.send('有用');
    await b.send('有用');
    expect(b.store.feedback).toHaveLength(1);
  });

  it('after the window 有用 is no longer a vote', async () => {
    const b = await createStaffBot({ feedbackWindowMs: 120_000 });
    await b.send(QUESTION);
    b.advance(121_000);
    await b.send('有用');
    expect(b.store.feedback).toHaveLength(0);
  });

  it('after a menu digits still pick, even right after an answer; the answer picked is rated with words', async () => {
    const b = await createStaffBot();
    const { engine } = await realEngine();
    await b.send(QUESTION);
    await b.send('菜单');
    const topic = await b.send('2');
    expect(topic.kind).toBe('menu');
    expect(topic.text).toContain(engine.knowledge.topics[1]?.title);
    const answer = await b.send('1');
    expect(answer.kind).toBe('answer');
    expect(b.store.feedback).toHaveLength(0);
    await b.send('没用');
    expect(b.store.feedback).toEqual([expect.objectContaining({ useful: false, entry: answer.entryId })]);
  });

  it('after a clarify list digits pick', async () => {
    const b = await createStaffBot();
    const question = await findClarify(b, { conversationId: 'c' });
    await b.send(QUESTION, { conversationId: 'c' });
    const clarify = await b.send(question, { conversationId: 'c' });
    expect(clarify.kind).toBe('clarify');
    const picked = await b.send('1', { conversationId: 'c' });
    expect(picked.kind).toBe('answer');
    expect(b.store.feedback).toHaveLength(0);
    // A 👎 on the picked answer keeps the question the list was offered for.
    await b.send('没用', { conversationId: 'c' });
    expect(b.store.feedback[0]).toMatchObject({ useful: false, question });
  });

  it('adapters with buttons (Telegram) get no hint and the suggestions as a line with their choices; a typed 1 picks there too', async () => {
    const b = await createStaffBot();
    const telegram = { adapter: 'telegram', capabilities: { buttons: true } };
    const reply = await b.send(QUESTION, telegram);
    expect(reply.text).not.toContain('有用回复');
    expect(reply.text.split('\n').at(-1)).toMatch(/^来源:/);
    expect(reply.text).toContain(`您还可以问:${reply.choices?.map((c) => c.label).join(' / ')}`);
    expect((await b.send('1', telegram)).entryId).toBe(reply.choices?.[0]?.id.slice(2));
    expect((await b.send('有用', telegram)).text).not.toBe('谢谢您的反馈!');
    expect(b.store.feedback).toHaveLength(0);
  });

  it('is off when the window is 0: no hint, no vote', async () => {
    const b = await createStaffBot({ feedbackWindowMs: 0 });
    expect((await b.send(QUESTION)).text).not.toContain('有用回复');
    await b.send('有用');
    expect(b.store.feedback).toHaveLength(0);
  });
});

describe('"您还可以问" are choices with ids (issue 26)', () => {
  it('on the web the answer offers them as choices, and 第一个 / 第二个 / 2 pick them', async () => {
    const web = { adapter: 'web', capabilities: { buttons: true, neverSilent: true } };
    for (const [typed, index] of [['第一个', 0], ['第二个', 1], ['2', 1]] as const) {
      const b = await createStaffBot();
      const answer = await b.send(QUESTION, web);
      expect(answer.choices?.map((c) => c.id.slice(0, 2))).toEqual(answer.choices?.map(() => 'e:'));
      expect(answer.text).toContain(`您还可以问:${answer.choices?.map((c) => c.label).join(' / ')}`);
      const picked = await b.send(typed, web);
      expect(picked).toMatchObject({ kind: 'answer', entryId: answer.choices?.[index]?.id.slice(2) });
    }
  });
});

describe('a typed pick is read as a pick, not for danger (issue 26)', () => {
  it('第一个 after an answer gets the first suggestion with no safety line on top', async () => {
    const b = await createStaffBot();
    const web = { adapter: 'web', capabilities: { buttons: true, neverSilent: true } };
    const answer = await b.send(QUESTION, web);
    const picked = await b.send('第一个', web);
    expect(picked.text.split('\n')[0]).toBe(`【${answer.choices?.[0]?.label}】`);
    expect(picked.call).toBeUndefined();
  });
});
