/**
 * 转人工 with nobody on duty: 12348 to tap, and when the window is open only from a verified,
 * current fact of the register (never from an unverified or expired one).
 */
import { clockReading } from '../../../doubles/manual-clock.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../../src/bot.js';
import type { Engine } from '../../../../src/answer/engine.js';
import type { LocalFact, LocalFacts } from '../../../../src/answer/knowledge/local-facts.js';
import { silentLogger } from '../../../../src/logger.js';
import { realEngine } from '../../../doubles/harness.js';

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await realEngine());
});

const HOURS: LocalFact = { kind: 'hours', value: '(测试用办公时间)', verifiedBy: '区司法局', how: '电话核实', verifiedOn: '2026-12-01', reverifyBy: '2027-03-01' };
const withHours = (fact: LocalFact) => (register: LocalFacts): LocalFacts => ({
  ...register,
  offices: register.offices.map((office) => (office.id === 'district.window' ? { ...office, facts: [fact] } : office)),
});

async function ask(register: (r: LocalFacts) => LocalFacts, day: string) {
  const knowledge = { ...engine.knowledge, localFacts: register(engine.knowledge.localFacts) };
  const at = Date.parse(`${day}T04:00:00Z`);
  const bot = createBot({ engine: { ...engine, knowledge }, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000, clock: clockReading(() => at) });
  return bot.handle({ adapter: 'web', conversationId: 'c', senderId: 'c', kind: 'text', text: '转人工' });
}

describe('handoff with nobody on duty', () => {
  it('offers 12348 to tap and the verified hours with their source', async () => {
    const reply = await ask(withHours(HOURS), '2026-12-08');
    expect(reply.kind).toBe('handoff');
    expect(reply.call).toEqual(['12348']);
    expect(reply.text).toContain('区公共法律服务窗口的办公时间:(测试用办公时间)(区司法局 2026年12月电话核实)。');
  });
  it('gives no hours that are unverified or expired', async () => {
    expect((await ask((r) => r, '2026-12-08')).text).not.toContain('办公时间:');
    expect((await ask(withHours(HOURS), '2027-03-01')).text).not.toContain('测试用办公时间');
  });
});
