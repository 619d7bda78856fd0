import { afterEach, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { checkKnowledge, loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { acceptedFacts, dueFacts, factStatus, sourceLine, type LocalFact } from '../../../../src/answer/knowledge/local-facts.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';

const day = (iso: string) => Date.parse(`${iso}T04:00:00Z`);
const verified: LocalFact = { kind: 'phone', value: '0751-0000000', verifiedBy: '区司法局', how: '电话核实', verifiedOn: '2026-12-01', reverifyBy: '2027-06-01' };

describe('the register of local facts (knowledge/local-facts.yaml)', () => {
  it('ships every office with no fact filled in: nothing invented, all 未核实', () => {
    const { localFacts } = loadKnowledge(KNOWLEDGE_DIR);
    expect(localFacts.offices.length).toBeGreaterThan(10);
    for (const office of localFacts.offices) for (const fact of office.facts) expect(factStatus(fact, Date.now())).toBe('未核实');
    expect(localFacts.offices.filter((office) => office.town === '樟市镇').map((office) => office.name)).toEqual(['樟市镇司法所', '樟市镇公共法律服务工作站']);
  });

  it('a fact is 已核实 until its re-verification day, then 已过期 (China time) and no longer accepted', () => {
    expect(factStatus(verified, day('2027-05-31'))).toBe('已核实');
    expect(factStatus(verified, Date.parse('2027-05-31T16:30:00Z'))).toBe('已过期');
    const register = { askWhere: ['在哪'], maxOtherChars: 6, offices: [{ id: 'x', name: '樟市镇司法所', town: '樟市镇', facts: [verified] }] } as never;
    expect(acceptedFacts(register, day('2027-01-01'))).toEqual([
      { officeId: 'x', office: '樟市镇司法所', town: '樟市镇', kind: 'phone', value: '0751-0000000', source: '区司法局 2026年12月电话核实' },
    ]);
    expect(acceptedFacts(register, day('2027-06-01'))).toEqual([]);
    expect(dueFacts(register, day('2027-06-01')).map((fact) => fact.officeId)).toEqual(['x']);
    expect(sourceLine(verified)).toBe('区司法局 2026年12月电话核实');
  });

  describe('check refuses', () => {
    let copy: KnowledgeCopy | undefined;
    afterEach(() => copy?.cleanup());

    const withFact = (fact: Partial<LocalFact>, town?: string) => {
      copy = copyKnowledge();
      const register = YAML.parse(copy.read('local-facts.yaml')) as { offices: Array<{ id: string; town?: string; facts: unknown[] }> };
      const office = register.offices.find((o) => o.id === 'town.zhangshi.sifasuo')!;
      office.facts = [{ kind: 'address', ...fact }];
      if (town) office.town = town;
      copy.write('local-facts.yaml', YAML.stringify(register));
      return checkKnowledge(copy.dir).problems;
    };

    it('an address without who, how and when it was verified, naming file, office and field', () => {
      const problems = withFact({ value: '樟市镇某路1号' });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: 'local-facts.yaml', rule: 'local-fact-unverified', entry: 'town.zhangshi.sifasuo' });
      expect(problems[0]!.field).toBe('offices[6](id=town.zhangshi.sifasuo).facts[0](address).verifiedBy');
      expect(problems[0]!.message).toContain('没有写 verifiedBy、how、verifiedOn、reverifyBy');
    });
    it('a date that is no date, a re-verification not after the verification, an unknown method or town', () => {
      expect(withFact({ ...verified, kind: 'address', verifiedOn: '2026-13-01' }).map((p) => p.rule)).toEqual(['local-fact-date']);
      expect(withFact({ ...verified, kind: 'address', reverifyBy: '2026-12-01' }).map((p) => p.rule)).toEqual(['local-fact-reverify-order']);
      expect(withFact({ ...verified, kind: 'address', how: '听说' as never })[0]!.field).toContain('.how');
      expect(withFact({ ...verified, kind: 'address' }, '武江区').map((p) => p.rule)).toEqual(['local-town-unknown']);
    });
    it('but accepts a fact with every field', () => {
      expect(withFact({ ...verified, kind: 'address', value: '樟市镇某路1号' })).toEqual([]);
    });
  });
});
