import { describe, expect, it } from 'vitest';
import { HazardsSchema } from '../../../../src/answer/knowledge/hazards-schema.js';
import { EmergencySchema } from '../../../../src/answer/knowledge/schema.js';
import { createSafetyReader } from '../../../../src/answer/safety/detect-emergency.js';
import { compileLexicon } from '../../../../src/answer/safety/hazard-lexicon.js';

const words = (list: string[]) => ({ comment: 'c', words: list });
const HAZARDS = HazardsSchema.parse({
  alarmMinChars: 4,
  kinds: {
    'medical-signs': { category: 'medical', line: true, alarm: true, comment: 'c', words: ['叫不醒', '抽筋', '口吐白沫'] },
    weapons: { category: 'violence', line: false, alarm: false, comment: 'c', words: ['菜刀'] },
    'violence-now': { category: 'violence', line: true, alarm: true, comment: 'c', words: ['打我'] },
  },
  markers: { now: words(['现在', '刚刚']), imminent: words(['在路上']), presence: words(['门口']), past: words(['上个月']), aftermath: words(['赔偿']), over: words(['没事了']) },
  ambiguous: { 打我: { kinds: ['violence-now'], ordinary: ['打我电话'] } },
});
const EMERGENCY = EmergencySchema.parse({
  presence: ['守候'],
  categories: [
    { id: 'violence', cues: ['拿枪'], reply: '请拨打 110', line: '危险打 110' },
    { id: 'medical', cues: ['昏倒'], reply: '请拨打 120', line: '病重打 120' },
  ],
});
const lexicon = compileLexicon(HAZARDS, (text) => text);
const read = createSafetyReader(EMERGENCY, lexicon);

describe('the danger lexicon', () => {
  it('finds the kinds and markers of a clause, an everyday reading taking its words out', () => {
    expect(lexicon.read('他现在打我')).toEqual({ kinds: ['violence-now'], markers: new Set(['now']) });
    expect(lexicon.read('他现在打我电话').kinds).toEqual([]);
  });

  it('a word of an alarming kind with a now or presence marker is danger now; vetoed in a past or over clause', () => {
    expect(read('我爸现在叫不醒').emergency).toMatchObject({ category: 'medical', by: 'lexicon' });
    expect(read('我爸叫不醒,人在门口').emergency?.by).toBe('lexicon');
    expect(read('我爸上个月叫不醒').emergency).toBeUndefined();
    expect(read('我爸刚刚叫不醒,现在没事了').emergency).toBeUndefined();
  });

  it('a kind that needs more (a weapon alone) and a short message never alarm through the lexicon; the line still comes where the kind lines', () => {
    expect(read('邻居现在拿菜刀').emergency).toBeUndefined();
    expect(read('邻居现在拿菜刀').hazards).toEqual([]);
    const short = read('打我现在');
    expect(short.emergency?.by).toBe('lexicon');
    expect(createSafetyReader(EMERGENCY, compileLexicon({ ...HAZARDS, alarmMinChars: 9 }, (text) => text))('打我现在').emergency).toBeUndefined();
    expect(read('上个月他打我').hazards).toEqual(['violence']);
  });
});
