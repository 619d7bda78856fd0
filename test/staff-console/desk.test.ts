/**
 * 接待 end to end over HTTP: a resident's 转人工 on the web API reaches the console when a staff
 * member is on duty; one staff member takes it (another cannot); the reply reaches the
 * resident's poll as "工作人员 X 号"; danger typed meanwhile still gets 110 from the bot; ending
 * returns the conversation to the bot. Nobody on duty: 12348 as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, FORM, form, login, startStaffWorld, type StaffWorld } from '../doubles/staff-console.js';

let world: StaffWorld;
const sessions: Record<string, { cookie: string; csrf: string }> = {};
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

const say = async (conversation: string, message: string) =>
  (await world.server.fastify.inject({ method: 'POST', url: '/api/v1/messages', payload: { conversation, text: message } })).json() as { kind: string; text: string; call?: string[] };
const poll = async (conversation: string, after = 0) =>
  (await world.server.fastify.inject({ method: 'POST', url: '/api/v1/handoff', payload: { conversation, after } })).json() as {
    status: string;
    staff?: string;
    lines: Array<{ from: string; text: string; staff?: string }>;
    next: number;
  };
const page = (who: string) => world.server.fastify.inject({ url: '/staff/desk', headers: { ...BROWSER, cookie: sessions[who]!.cookie } });
const post = (who: string, url: string, fields: Record<string, string>) =>
  world.server.fastify.inject({ method: 'POST', url, headers: { ...BROWSER, ...FORM, cookie: sessions[who]!.cookie }, payload: form({ _csrf: sessions[who]!.csrf, ...fields }) });

beforeAll(async () => {
  world = await startStaffWorld();
  for (const name of ['王芳', '李明']) {
    await world.addAccount(name);
    sessions[name] = await login(world, name);
  }
});
afterAll(() => world.close());

describe('接待: a person behind the bot', () => {
  it('nobody on duty: 转人工 is referred to 12348 and nothing is queued', async () => {
    const reply = await say('resident-nobody-1', '转人工');
    expect(reply.kind).toBe('handoff');
    expect(reply.text).toContain('12348');
    expect((await poll('resident-nobody-1')).status).toBe('none');
  });

  it('with staff on duty: queued with the conversation so far (masked), taken by one, replies relayed, danger first, ended', async () => {
    const conversation = 'resident-handoff-1';
    expect((await post('王芳', '/staff/desk/duty', { on: '1' })).statusCode).toBe(303);
    expect(text((await page('王芳')).body)).toContain('您是工作人员 1 号,现在在岗');

    expect((await say(conversation, '转人工')).text).toContain('正在为您转接人工客服');
    const waiting = await say(conversation, '我的电话是13800138000,工资被拖欠了');
    expect(waiting.text).toContain('已转给工作人员');

    const queued = (await page('李明')).body;
    expect(text(queued)).toContain('等待接待');
    expect(queued).not.toContain('13800138000');
    const id = /name="id" value="([^"]+)"/.exec(queued)?.[1];
    expect(id).toBeDefined();

    expect((await post('王芳', '/staff/desk/take', { id: id! })).statusCode).toBe(303);
    await post('李明', '/staff/desk/take', { id: id! });
    expect(text((await page('李明')).body)).toContain('已由工作人员 1 号接待');
    expect((await poll(conversation)).staff).toBe('工作人员 1 号');

    // Taken: the bot is silent on what the resident types…
    expect((await say(conversation, '您好,在吗')).text).toBe('');
    // …but danger still gets 110 from the bot first.
    const danger = await say(conversation, '他现在拿着刀在我家门口');
    expect(danger.kind).toBe('emergency');
    expect(danger.call?.[0]).toBe('110');

    await post('李明', '/staff/desk/say', { id: id!, text: '李明不能替别人回复' });
    await post('王芳', '/staff/desk/say', { id: id!, text: '您好,我是工作人员,请说说情况。' });
    const relayed = await poll(conversation);
    expect(relayed.lines.filter((line) => line.from === 'staff')).toEqual([{ from: 'staff', text: '您好,我是工作人员,请说说情况。', at: expect.any(Number), staff: '工作人员 1 号' }]);

    await post('王芳', '/staff/desk/end', { id: id! });
    const ended = await poll(conversation, relayed.next);
    expect(ended.status).toBe('ended');
    expect(ended.lines.map((line) => line.text)).toEqual([expect.stringContaining('机器人助手继续为您服务')]);
    expect((await say(conversation, '你好')).kind).toBe('menu');

    const audit = (await world.store.auditLog({ limit: 20 })).map((record) => record.action);
    expect(audit).toEqual(expect.arrayContaining(['desk.on-duty', 'desk.take', 'desk.reply', 'desk.end']));
    expect(audit.filter((action) => action === 'desk.reply')).toHaveLength(1);
  });

  it('the resident ends it with 结束人工 and the bot says it answers again', async () => {
    const conversation = 'resident-handoff-2';
    await say(conversation, '转人工');
    const ended = await say(conversation, '结束人工');
    expect(ended.text).toContain('人工对话已结束');
    expect((await poll(conversation)).status).toBe('ended');
    expect(text((await page('王芳')).body)).not.toContain('resident-handoff-2');
  });
});

describe('回电请求 over HTTP', () => {
  let keyed: StaffWorld;
  beforeAll(async () => {
    keyed = await startStaffWorld({ CALLBACK_KEYS: 'c'.repeat(64) });
    await keyed.addAccount('王芳');
    sessions.keyed = await login(keyed, '王芳');
  });
  afterAll(() => keyed.close());
  const callback = (payload: Record<string, unknown>) => keyed.server.fastify.inject({ method: 'POST', url: '/api/v1/callback', payload });

  it('needs explicit consent; staff see the task with its number in 接待 and mark it done, audited', async () => {
    const base = { conversation: 'resident-cb', phone: '13800138000', purpose: '工资被拖欠,想咨询怎么申请仲裁' };
    expect((await callback({ ...base, consent: false })).statusCode).toBe(400);
    expect((await callback({ ...base })).statusCode).toBe(400);
    const accepted = await callback({ ...base, consent: true });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ ok: true, text: expect.stringContaining('到期自动删除') });

    const desk = await keyed.server.fastify.inject({ url: '/staff/desk', headers: { ...BROWSER, cookie: sessions.keyed!.cookie } });
    expect(text(desk.body)).toContain('回电请求(1 条待回电)');
    expect(text(desk.body)).toContain('回电号码:13800138000');
    const id = /action="\/staff\/desk\/callback-done"[^]*?name="id" value="([^"]+)"/.exec(desk.body)?.[1];
    await keyed.server.fastify.inject({
      method: 'POST',
      url: '/staff/desk/callback-done',
      headers: { ...BROWSER, ...FORM, cookie: sessions.keyed!.cookie },
      payload: form({ _csrf: sessions.keyed!.csrf, id: id! }),
    });
    expect(text((await keyed.server.fastify.inject({ url: '/staff/desk', headers: { ...BROWSER, cookie: sessions.keyed!.cookie } })).body)).toContain('回电请求(0 条待回电)');
    const audit = await keyed.store.auditLog({ limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'callback.done', target: id });
    expect(JSON.stringify(audit)).not.toContain('13800138000');
  });

  it('without CALLBACK_KEYS there is no callback registration', async () => {
    const response = await world.server.fastify.inject({ method: 'POST', url: '/api/v1/callback', payload: { conversation: 'x', phone: '13800138000', purpose: 'p', consent: true } });
    expect(response.statusCode).toBe(404);
  });
});
