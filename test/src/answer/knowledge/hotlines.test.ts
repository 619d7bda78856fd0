import { describe, expect, it } from 'vitest';
import { readFactContext, loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const context = readFactContext(KNOWLEDGE_DIR, knowledge.meta, []);
const honesty = context.honesty!;
const { registry } = honesty;

describe('the hotline registry (knowledge/hotlines.yaml)', () => {
  it('pins each national number to its official name and purpose', () => {
    const pinned = Object.fromEntries(registry.all.map((line) => [line.number, line.name]));
    expect(pinned).toEqual({
      '110': '110报警服务台',
      '119': '119火警电话',
      '120': '120急救电话',
      '122': '122交通事故报警电话',
      '12345': '12345政务服务便民热线',
      '12348': '12348公共法律服务热线',
      '12333': '12333人力资源和社会保障服务热线',
      '12338': '12338妇女维权公益服务热线',
      '12356': '12356全国统一心理援助热线',
      '12309': '12309检察服务热线',
      '12315': '12315市场监管投诉举报热线',
      '12355': '12355青少年服务台',
      '12368': '12368诉讼服务热线',
      '96110': '96110反诈预警劝阻专线',
      '12351': '12351职工服务热线',
      '12369': '12369环保举报热线',
    });
    for (const line of registry.all) {
      expect(line.source, line.number).toMatch(/部|委|院|会|局|中央|办公厅|办法/u);
      expect(line.matters.length, line.number).toBeGreaterThan(0);
    }
  });

  it('serves each line only for its matters', () => {
    const line = (number: string) => registry.byNumber(number)!;
    expect(registry.serves(line('12315'), 'wages')).toBe(false);
    expect(registry.serves(line('12333'), 'wages')).toBe(true);
    expect(registry.serves(line('12348'), 'legal-aid')).toBe(true);
    expect(registry.serves(line('12348'), 'fire')).toBe(false);
    const wages = registry.forText('老板拖欠工资不给').map((l) => l.number);
    expect(wages.indexOf('12333')).toBeLessThan(wages.indexOf('12345'));
    expect(wages.indexOf('12345')).toBeLessThan(wages.indexOf('12348'));
    expect(wages).not.toContain('12315');
    expect(registry.forText('买到假货想投诉').map((l) => l.number)).toContain('12315');
  });

  it('finds numbers as phone numbers only, with the name written beside them', () => {
    expect(registry.mentions('打12348公共法律服务热线').map((m) => [m.hotline.number, m.written?.text])).toEqual([['12348', '公共法律服务热线']]);
    expect(registry.mentions('法律服务热线12345').map((m) => [m.hotline.number, m.written?.text])).toEqual([['12345', '法律服务热线']]);
    expect(registry.mentions('赔了110万元,fl12348,2023年110起')).toEqual([]);
    expect(registry.namedBy('公共法律服务热线')?.number).toBe('12348');
  });
});

describe('the gazetteer (knowledge/gazetteer.yaml)', () => {
  it('knows the towns the report names and where the window is', () => {
    const { gazetteer } = honesty;
    expect(gazetteer.find('大塘')?.name).toBe('大塘镇');
    expect(gazetteer.find('乌石')).toBeUndefined();
    const window = gazetteer.find('区公共法律服务窗口')!;
    expect(gazetteer.within(window, gazetteer.find('曲江区')!)).toBe(true);
    expect(gazetteer.within(window, gazetteer.find('马坝镇')!)).toBe(false);
  });
});
