import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createStaffCommands, describeReload } from '../../../src/pipeline/staff-commands.js';
import { realEngine } from '../../doubles/harness.js';
import { createStaffBot } from '../../doubles/staff-bot.js';

beforeAll(async () => {
  await realEngine();
});

function staffBot() {
  const reload = vi.fn(async () => ({ ok: true as const, topics: 15, entries: 48, ms: 3 }));
  const explain = vi.fn(async (question: string) => `why: ${question}`);
  const staff = createStaffCommands({ staffIds: ['console:boss', 'telegram:12345'], explain, reload });
  return { reload, explain, staff };
}

describe('staff commands', () => {
  it('/why shows the explanation to staff', async () => {
    const { staff, explain } = staffBot();
    const b = await createStaffBot({ staff });
    const reply = await b.send('/why 法律援助在哪里', { senderId: 'boss' });
    expect(reply).toEqual({ kind: 'staff', text: 'why: 法律援助在哪里' });
    expect(explain).toHaveBeenCalledWith('法律援助在哪里', expect.objectContaining({ senderId: 'boss' }));
  });

  it('/reload reloads and says what it loaded', async () => {
    const { staff, reload } = staffBot();
    const b = await createStaffBot({ staff });
    const reply = await b.send('/reload', { adapter: 'telegram', senderId: '12345' });
    expect(reload).toHaveBeenCalledOnce();
    expect(reply.kind).toBe('staff');
    expect(reply.text).toMatch(/15 个主题,48 条/);
  });

  it('anyone else gets the normal answer path, and nothing runs', async () => {
    const { staff, reload, explain } = staffBot();
    const b = await createStaffBot({ staff });
    const why = await b.send('/why 法律援助在哪里申请', { senderId: 'someone' });
    expect(why.kind).not.toBe('staff');
    expect(why.entryId).toBe('legal-aid.where');
    // The same sender id on another adapter is someone else.
    expect((await b.send('/reload', { adapter: 'wechat', senderId: 'boss' })).kind).not.toBe('staff');
    expect(reload).not.toHaveBeenCalled();
    expect(explain).not.toHaveBeenCalled();
  });

  it('staff typing anything else are answered like everyone', async () => {
    const { staff } = staffBot();
    const b = await createStaffBot({ staff });
    expect((await b.send('法律援助在哪里申请', { senderId: 'boss' })).entryId).toBe('legal-aid.where');
    expect((await b.send('/whyever', { senderId: 'boss' })).kind).not.toBe('staff');
  });

  it('/why without a question says how to use it', async () => {
    const { staff } = staffBot();
    expect((await staff({ adapter: 'console', conversationId: 'c', senderId: 'boss', kind: 'text', text: '/why' }))?.text).toMatch(
      /用法/,
    );
  });

  it('a refused reload lists the problems, file and field first', () => {
    const text = describeReload({ ok: false, problems: ['entries/a.yaml: [0](id=x).questions: 至少要有 6 个示例问题'] });
    expect(text).toMatch(/1 处问题/);
    expect(text).toContain('entries/a.yaml: [0](id=x).questions');
  });
});
