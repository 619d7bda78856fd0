/**
 * Questions another office handles are referred to it (issue 26, item 7), as data in
 * knowledge/referrals.yaml, each with its source; 12348 stays for legal questions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { createStaffBot } from '../../../doubles/staff-bot.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';

describe('referral to the office that handles it', () => {
  it.each([
    ['社保卡丢了怎么补办', '12333', /人力资源和社会保障/],
    ['养老保险断交了怎么补缴', '12333', /人力资源和社会保障/],
    ['户口怎么迁过来', undefined, /派出所/],
  ])('%s → %s', async (question, hotline, office) => {
    const b = await createStaffBot();
    const reply = await b.send(question);
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toMatch(office);
    expect(reply.text).not.toContain('12348');
    if (hotline) {
      expect(reply.text).toContain(hotline);
      expect(reply.call).toEqual([hotline]);
    } else expect(reply.call).toBeUndefined();
  });

  it('leaves legal questions and other fallbacks alone', async () => {
    const b = await createStaffBot();
    expect((await b.send('法律援助在哪里申请')).kind).toBe('answer');
    const weather = await b.send('明天天气怎么样');
    expect(weather.kind).toBe('fallback');
    expect(weather.text).not.toMatch(/12333|派出所/);
  });
});

describe('referrals.yaml is checked', () => {
  let copy: KnowledgeCopy | undefined;
  afterEach(() => copy?.cleanup());

  it('refuses a hotline not listed, a referral with neither hotline nor where, and a quote not in the law', () => {
    copy = copyKnowledge();
    copy.write(
      'referrals.yaml',
      copy
        .read('referrals.yaml')
        .replace("hotline: '12315'", "hotline: '12399'")
        .replace('户口登记工作，由各级公安机关主管。', '户口登记工作，由派出所主管。') +
        '- id: nowhere\n  office: 某部门\n  words: [某事]\n  source:\n    - kind: hotline\n      ref: 12345政务服务便民热线\n',
    );
    const found = checkKnowledge(copy.dir).problems.map((p) => `${p.file} ${p.field} ${p.rule ?? p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^referrals\.yaml \[4\]\(id=nowhere\) 要写 hotline/),
      ]),
    );
    copy.write('referrals.yaml', copy.read('referrals.yaml').replace(/- id: nowhere[\s\S]*$/, ''));
    const second = checkKnowledge(copy.dir).problems.map((p) => `${p.file} ${p.field} ${p.rule ?? p.message}`);
    expect(second).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^referrals\.yaml \[2\]\(id=consumer\)\.hotline 「12399」不是/),
        'referrals.yaml id=household-registration.source[0].quote law-quote-mismatch',
      ]),
    );
  });
});
