/**
 * The log step's debug line of the message text, the stored question and the question kept for
 * a 👎 are masked with the engine's lists and tags (names with no cue word, village groups,
 * WeChat ids, plates, birth dates); the steps that read the message see it as written.
 */
import { describe, expect, it } from 'vitest';
import { createHarness } from '../../../doubles/harness.js';
import { createStaffBot } from '../../../doubles/staff-bot.js';

const TEXT = '我朋友张伟住马坝镇石堡村三组,微信号 zhang_wei88,车牌粤F12345,1985年3月2日出生,今天天气怎么样';
const MASKED = '我朋友[姓名]住马坝镇[地址],微信号 [微信号],车牌[车牌],[出生日期]出生,今天天气怎么样';
const SECRETS = ['张伟', '石堡村', 'zhang_wei88', '粤F12345', '1985年3月2日'];

describe('observe: what is logged and kept of a message', () => {
  it('the debug line of the message text is masked with the lists and tags', async () => {
    const h = await createHarness({ logLevel: 'debug' });
    await h.send(TEXT);
    expect(h.logs().find((entry) => entry.msg === 'message text')?.text).toBe(MASKED);
    const all = JSON.stringify(h.logs());
    for (const secret of SECRETS) expect(all, secret).not.toContain(secret);
  });

  it('the store keeps a fallback question masked the same way', async () => {
    const b = await createStaffBot();
    expect((await b.send(TEXT)).kind).toBe('fallback');
    expect(b.store.messages[0]?.question).toBe(MASKED);
  });

  it('a 👎 keeps the question that got the answer masked, names with no cue word too', async () => {
    const b = await createStaffBot();
    await b.send('房东黄建国叫我去申请法律援助,在哪里申请', { adapter: 'telegram', capabilities: { buttons: true } });
    await b.deliver({ adapter: 'telegram', kind: 'feedback', feedback: { useful: false, entryId: 'legal-aid.where' } });
    expect(b.store.feedback[0]?.question).toBe('房东[姓名]叫我去申请法律援助,在哪里申请');
  });

  it('matching reads the message as written', async () => {
    const h = await createHarness({ logLevel: 'silent' });
    const run = await h.bot.run({ adapter: 'test', conversationId: 'c2', senderId: 's2', kind: 'text', text: TEXT }, { dryRun: true });
    expect(JSON.stringify(run.trace)).toContain('张伟');
  });
});
