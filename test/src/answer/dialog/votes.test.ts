import { beforeAll, describe, expect, it } from 'vitest';
import { realEngine } from '../../../doubles/harness.js';
import { createStaffBot, findClarify } from '../../../doubles/staff-bot.js';

const HINT = '有用回复1,没用回复0';
const QUESTION = '法律援助在哪里申请';

beforeAll(async () => {
  await realEngine();
});

describe('typed feedback (WeChat, console): 有用回复1,没用回复0', () => {
  it('an answer ends with the hint, after its source line', async () => {
    const b = await createStaffBot();
    const lines = (await b.send(QUESTION)).text.split('\n');
    expect(lines.at(-1)).toBe(HINT);
    expect(lines.at(-2)).toMatch(/^来源:/);
  });

  it('a bare 1 right after an answer is a 👍, stored and thanked', async () => {
    const b = await createStaffBot();
    await b.send(QUESTION);
    const thanks = await b.send('1');
    expect(thanks.text).toBe('谢谢您的反馈!');
    expect(b.store.feedback).toEqual([expect.objectContaining({ useful: true, entry: 'legal-aid.where' })]);
  });

  it('a bare 0 is a 👎 and keeps the question; full-width ０ too', async () => {
    const b = await createStaffBot();
    await b.send(`我叫王小明,${QUESTION}`);
    await b.send('０');
    expect(b.store.feedback).toEqual([
      expect.objectContaining({ useful: false, entry: 'legal-aid.where', question: `我叫[姓名],${QUESTION}` }),
    ]);
  });

  it('one vote per answer: a second 1 is no vote', async () => {
    const b = await createStaffBot();
    await b.send(QUESTION);
    await b.send('1');
    const again = await b.send('1');
    expect(again.kind).toBe('fallback');
    expect(b.store.feedback).toHaveLength(1);
  });

  it('after the window a 1 is no longer a vote', async () => {
    const b = await createStaffBot({ feedbackWindowMs: 120_000 });
    await b.send(QUESTION);
    b.advance(121_000);
    expect((await b.send('1')).kind).toBe('fallback');
    expect(b.store.feedback).toHaveLength(0);
  });

  it('after a menu digits still pick, even right after an answer', async () => {
    const b = await createStaffBot();
    const { engine } = await realEngine();
    await b.send(QUESTION);
    await b.send('菜单');
    // Topic 2: a service topic, whose answers end without a numbered list of next steps.
    const topic = await b.send('2');
    expect(topic.kind).toBe('menu');
    expect(topic.text).toContain(engine.knowledge.topics[1]?.title);
    const answer = await b.send('1');
    expect(answer.kind).toBe('answer');
    expect(b.store.feedback).toHaveLength(0);
    // …and that answer can be rated in turn.
    await b.send('0');
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
    await b.send('0', { conversationId: 'c' });
    expect(b.store.feedback[0]).toMatchObject({ useful: false, question });
  });

  it('adapters with buttons (Telegram) get no hint, and a typed 1 is no vote there', async () => {
    const b = await createStaffBot();
    const telegram = { adapter: 'telegram', capabilities: { buttons: true } };
    const reply = await b.send(QUESTION, telegram);
    expect(reply.text).not.toContain(HINT);
    expect(reply.text.split('\n').at(-1)).toMatch(/^来源:/);
    expect((await b.send('1', telegram)).kind).toBe('fallback');
    expect(b.store.feedback).toHaveLength(0);
  });

  it('is off when the window is 0: no hint, no vote', async () => {
    const b = await createStaffBot({ feedbackWindowMs: 0 });
    expect((await b.send(QUESTION)).text).not.toContain(HINT);
    expect((await b.send('1')).kind).toBe('fallback');
  });
});
