import { beforeAll, describe, expect, it } from 'vitest';
import { realEngine } from '../../../doubles/harness.js';
import { createStaffBot, findClarify } from '../../../doubles/staff-bot.js';

beforeAll(async () => {
  await realEngine();
});

const PERSONAL = '我叫王小明,电话13812345678,身份证44020519900101123X,卡号6222 0202 0000 1234 567,今天天气怎么样';

describe('what the store keeps of a message', () => {
  it('an answer: kind, entry, topic, score, latency, a hashed conversation, and no text', async () => {
    const b = await createStaffBot();
    await b.send('法律援助在哪里申请', { adapter: 'wechat', conversationId: 'wxid_abc' });
    expect(b.store.messages).toHaveLength(1);
    const [record] = b.store.messages;
    expect(record).toMatchObject({ adapter: 'wechat', kind: 'answer', entry: 'legal-aid.where', topic: 'legal-aid' });
    expect(record?.score).toBeGreaterThan(0);
    expect(record?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(record?.question).toBeUndefined();
    expect(record?.conversation).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(b.store.messages)).not.toMatch(/wxid_abc|法律援助在哪里/);
  });

  it('a fallback keeps the question with phone, ID card, bank card and name masked', async () => {
    const b = await createStaffBot();
    const reply = await b.send(PERSONAL);
    expect(reply.kind).toBe('fallback');
    const question = b.store.messages[0]?.question ?? '';
    expect(question).toBe('我叫[姓名],电话[手机号],身份证[身份证号],卡号[银行卡号],今天天气怎么样');
    expect(question).not.toMatch(/王小明|13812345678|44020519900101123X|6222/);
  });

  it("a guided flow's reply keeps which flow, what happened and at which step, never the answer typed", async () => {
    const b = await createStaffBot();
    await b.send('抚养费问答');
    await b.send('1');
    await b.send('离婚了');
    await b.send('我叫王小明,每月1500元');
    expect(b.store.messages.map((m) => [m.kind, m.entry])).toEqual([
      ['flow', 'flow:intake-support:start:for'],
      ['flow', 'flow:intake-support:ask:divorced'],
      ['flow', 'flow:intake-support:ask:amount'],
      ['flow', 'flow:intake-support:ask:paid'],
    ]);
    expect(JSON.stringify(b.store.messages)).not.toMatch(/王小明|1500|离婚/);
  });

  it('a clarify keeps the question and the entry it came closest to', async () => {
    const b = await createStaffBot();
    const question = await findClarify(b);
    const record = b.store.messages.find((m) => m.kind === 'clarify');
    expect(record?.question).toBe(question);
    expect(record?.entry).toBeTruthy();
  });

  it('menus, picks and non-text keep no text', async () => {
    const b = await createStaffBot();
    await b.send('菜单');
    await b.send('2');
    await b.send('99');
    await b.deliver({ kind: 'sticker' });
    expect(b.store.messages.map((m) => m.kind)).toEqual(['menu', 'menu', 'fallback', 'unsupported']);
    expect(b.store.messages.every((m) => m.question === undefined)).toBe(true);
  });

  it('a 👎 button keeps the masked question that got the answer; a 👍 keeps none', async () => {
    const b = await createStaffBot();
    await b.send('我叫王小明,法律援助在哪里申请', { adapter: 'telegram', capabilities: { buttons: true } });
    await b.deliver({ adapter: 'telegram', kind: 'feedback', feedback: { useful: false, entryId: 'legal-aid.where' } });
    await b.send('法律援助在哪里申请', { adapter: 'telegram', capabilities: { buttons: true } });
    await b.deliver({ adapter: 'telegram', kind: 'feedback', feedback: { useful: true, entryId: 'legal-aid.where' } });
    expect(b.store.feedback).toEqual([
      expect.objectContaining({ useful: false, entry: 'legal-aid.where', question: '我叫[姓名],法律援助在哪里申请' }),
      expect.objectContaining({ useful: true, entry: 'legal-aid.where', question: undefined }),
    ]);
    expect(b.store.messages.map((m) => m.kind)).toEqual(['answer', 'feedback', 'answer', 'feedback']);
  });

  it('a 👎 on an older answer (not the last one) is kept without a question', async () => {
    const b = await createStaffBot();
    const older = await b.send('公证处在哪里', { adapter: 'telegram', capabilities: { buttons: true } });
    await b.send('法律援助在哪里申请', { adapter: 'telegram', capabilities: { buttons: true } });
    await b.deliver({ adapter: 'telegram', kind: 'feedback', feedback: { useful: false, entryId: older.entryId } });
    expect(b.store.feedback[0]).toMatchObject({ useful: false, entry: older.entryId });
    expect(b.store.feedback[0]?.question).toBeUndefined();
  });

  it('a 👍 / 👎 for an answer this conversation never got, or got and rated, is recorded nowhere', async () => {
    const b = await createStaffBot();
    const answer = await b.send('法律援助在哪里申请', { adapter: 'telegram', capabilities: { buttons: true } });
    const never = await b.deliver({ adapter: 'telegram', kind: 'feedback', feedback: { useful: false, entryId: 'notary.where' } });
    expect(never).toMatchObject({ voteCounted: false, text: expect.stringContaining('没有计入') });
    await b.deliver({ adapter: 'telegram', kind: 'feedback', feedback: { useful: true, entryId: answer.entryId } });
    const again = await b.deliver({ adapter: 'telegram', kind: 'feedback', feedback: { useful: false, entryId: answer.entryId } });
    expect(again.voteCounted).toBe(false);
    expect(b.store.feedback).toEqual([expect.objectContaining({ useful: true, entry: answer.entryId })]);
    expect(b.store.messages.map((m) => m.kind)).toEqual(['answer', 'feedback']);
  });
});
