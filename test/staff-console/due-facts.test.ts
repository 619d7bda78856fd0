/**
 * A local fact past its re-verification day is not given to residents and is listed in 待处理
 * for re-verification; one still within its dates is given with its source line.
 */
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER, login, startStaffWorld, type StaffWorld } from '../doubles/staff-console.js';

let world: StaffWorld;
let cookie: string;
const text = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(async () => {
  world = await startStaffWorld();
  await world.addAccount('王芳');
  ({ cookie } = await login(world, '王芳'));
  const register = YAML.parse(world.knowledge.read('local-facts.yaml')) as { offices: Array<{ id: string; facts: unknown[] }> };
  const set = (id: string, fact: Record<string, string>) => {
    register.offices.find((office) => office.id === id)!.facts = [{ verifiedBy: '区司法局', how: '电话核实', ...fact }];
  };
  set('town.zhangshi.sifasuo', { kind: 'address', value: '(过期的测试地址)', verifiedOn: '2020-01-02', reverifyBy: '2020-07-01' });
  set('town.datang.sifasuo', { kind: 'address', value: '(有效的测试地址)', verifiedOn: '2026-01-02', reverifyBy: '2099-01-01' });
  world.knowledge.write('local-facts.yaml', YAML.stringify(register));
  expect(await world.app.reload('test')).toMatchObject({ ok: true });
});
afterAll(() => world.close());

describe('local facts in answers and in 待处理', () => {
  it('an expired fact is not given; a verified one is, with its source', async () => {
    const expired = await world.app.handler({ adapter: 'web', conversationId: 'a', senderId: 'a', kind: 'text', text: '我在樟市镇,去哪里' });
    expect(expired.text).not.toContain('过期的测试地址');
    expect(expired.text).toContain('还没有核实填写');
    const valid = await world.app.handler({ adapter: 'web', conversationId: 'b', senderId: 'b', kind: 'text', text: '大塘司法所在哪里' });
    expect(valid.text).toContain('· 地址:(有效的测试地址)(区司法局 2026年1月电话核实)');
  });

  it('待处理 lists the expired fact for re-verification', async () => {
    const page = await world.server.fastify.inject({ url: '/staff/review', headers: { ...BROWSER, cookie } });
    const shown = text(page.body);
    expect(shown).toContain('本地事实待复核(1 条)');
    expect(shown).toContain('樟市镇司法所 · 地址:(过期的测试地址)');
    expect(shown).toContain('复核期限 2020-07-01 已到');
    expect(shown).not.toContain('有效的测试地址');
  });
});
