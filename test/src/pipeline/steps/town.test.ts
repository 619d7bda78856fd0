/**
 * "我在樟市镇,去哪里" is answered by town from the register of local facts: a verified fact with
 * its source line, nothing for a town not filled in (said so), nothing once a fact expired.
 */
import { clockReading } from '../../../doubles/manual-clock.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../../src/bot.js';
import type { Engine } from '../../../../src/answer/engine.js';
import type { LocalFacts } from '../../../../src/answer/knowledge/local-facts.js';
import { silentLogger } from '../../../../src/logger.js';
import { realEngine } from '../../../doubles/harness.js';

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await realEngine());
});

const filled = (register: LocalFacts): LocalFacts => ({
  ...register,
  offices: register.offices.map((office) =>
    office.id === 'town.zhangshi.sifasuo'
      ? { ...office, facts: [{ kind: 'address', value: '(测试用地址)', verifiedBy: '区司法局', how: '现场', verifiedOn: '2026-12-01', reverifyBy: '2027-03-01' }] }
      : office,
  ),
});

async function ask(text: string, options: { register?: (r: LocalFacts) => LocalFacts; at?: string } = {}) {
  const knowledge = { ...engine.knowledge, localFacts: (options.register ?? ((r) => r))(engine.knowledge.localFacts) };
  const at = Date.parse(`${options.at ?? '2026-12-08'}T04:00:00Z`);
  const bot = createBot({ engine: { ...engine, knowledge }, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000, clock: clockReading(() => at) });
  return bot.run({ adapter: 'test', conversationId: 'c', senderId: 'p', kind: 'text', text }, { dryRun: true });
}

describe('town: where to go in a town', () => {
  it('says the town is not filled in yet while no fact of it is verified', async () => {
    const { reply, trace } = await ask('我在樟市镇,去哪里');
    expect(reply.kind).toBe('fallback');
    expect(reply.text).toContain('樟市镇的司法所和公共法律服务工作站的地址、办公时间和电话,工作人员还没有核实填写');
    expect(trace.decision?.reason).toBe('town.not-filled');
  });

  it('gives a verified fact with its source line, and says which office is not filled in', async () => {
    const { reply } = await ask('我在樟市镇,去哪里', { register: filled });
    expect(reply.kind).toBe('answer');
    expect(reply.text).toContain('· 地址:(测试用地址)(区司法局 2026年12月现场核实)');
    expect(reply.text).toContain('樟市镇公共法律服务工作站:地址、办公时间和电话工作人员还没有核实填写');
    expect(reply.source).toBe('樟市镇司法所地址:区司法局 2026年12月现场核实');
  });

  it('does not give a fact past its re-verification day', async () => {
    const { reply } = await ask('樟市司法所在哪里', { register: filled, at: '2027-03-01' });
    expect(reply.kind).toBe('fallback');
    expect(reply.text).not.toContain('测试用地址');
  });

  it('leaves a question telling its matter to the matcher', async () => {
    const { trace } = await ask('我在樟市镇,老板拖欠工资三个月了去哪里告');
    expect(trace.decision?.reason).not.toMatch(/^town\./);
  });
});
