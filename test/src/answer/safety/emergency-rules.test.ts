/**
 * How the detector combines emergency.yaml's lists, on a small made-up file: fixed patterns,
 * urgent cues, danger cues paired with presence (nearby) or time (same clause), and the past
 * and aftermath vetoes with their scopes.
 */
import { describe, expect, it } from 'vitest';
import { EmergencySchema, type EmergencyData } from '../../../../src/answer/knowledge/schema.js';
import { emergencyPatternProblems } from '../../../../src/answer/knowledge/check-emergency.js';
import { splitClauses } from '../../../../src/answer/read/clauses.js';
import { createSafetyReader } from '../../../../src/answer/safety/detect-emergency.js';

/** Danger now, as the emergency step reads it. */
const createEmergencyDetector = (data: EmergencyData) => {
  const read = createSafetyReader(data);
  return (text: string) => read(text).emergency;
};

const DATA: EmergencyData = EmergencySchema.parse({
  presence: ['门口'],
  now: ['现在'],
  past: ['经常'],
  aftermath: ['赔偿'],
  over: ['已经没事'],
  categories: [
    { id: 'violence', patterns: ['救命'], cues: ['拿刀'], reply: '请拨打 110', line: '危险打 110' },
    { id: 'medical', urgent: ['没呼吸'], cues: ['晕倒'], reply: '请拨打 120', line: '病重打 120' },
  ],
});
const detect = createEmergencyDetector(DATA);
const read = createSafetyReader(DATA);
const found = (text: string) => {
  const hit = detect(text);
  return hit && `${hit.category}/${hit.by}`;
};

describe('clauses', () => {
  it('split at half-width and Chinese punctuation; a message without any is one clause', () => {
    expect(splitClauses('他拿刀,现在在门口。快来!')).toEqual(['他拿刀', '现在在门口', '快来']);
    expect(splitClauses('楼下起火了我们被困在五楼')).toHaveLength(1);
    expect(splitClauses(' ,, ')).toEqual([]);
  });
});

describe('danger cues need presence', () => {
  it('a cue alone is no alarm', () => {
    expect(found('他拿刀')).toBeUndefined();
  });

  it('a presence cue counts in the same clause and the neighbouring ones', () => {
    expect(found('他拿刀在门口')).toBe('violence/cue');
    expect(found('他拿刀,就在门口')).toBe('violence/cue');
    expect(found('就在门口,他拿刀')).toBe('violence/cue');
    expect(found('他拿刀,我很怕,躲着,在门口')).toBeUndefined();
  });

  it('a time cue counts in its own clause only', () => {
    expect(found('他现在拿刀')).toBe('violence/cue');
    expect(found('他拿刀,现在我住娘家')).toBeUndefined();
  });
});

describe('vetoes', () => {
  it('a past or habitual marker vetoes the cues of its own clause', () => {
    expect(found('他经常拿刀在门口')).toBeUndefined();
    expect(found('他经常喝酒,现在拿刀在门口')).toBe('violence/cue');
    expect(found('他经常没呼吸')).toBeUndefined();
  });

  it('a presence cue in a vetoed clause does not count', () => {
    expect(found('他拿刀,经常在门口')).toBeUndefined();
  });

  it('an aftermath marker vetoes its own clause only: a legal question beside danger now never switches it off', () => {
    expect(found('他拿刀要赔偿')).toBeUndefined();
    expect(found('他拿刀在门口,要赔偿')).toBe('violence/cue');
    expect(found('要赔偿,他拿刀在门口')).toBe('violence/cue');
    expect(read('他拿刀要赔偿')).toMatchObject({ hazards: ['violence'], vetoes: [{ clause: '他拿刀要赔偿', by: 'aftermath' }] });
  });

  it('a clause saying the danger is over vetoes the clauses before it, not those after', () => {
    expect(found('他拿刀在门口,已经没事了')).toBeUndefined();
    expect(read('他拿刀在门口,已经没事了').vetoes).toEqual([{ clause: '他拿刀在门口', by: 'over' }]);
    expect(found('已经没事了,他拿刀在门口')).toBe('violence/cue');
  });

  it('fixed patterns alarm whatever the clause says', () => {
    expect(found('救命,他经常这样,要赔偿')).toBe('violence/pattern');
  });
});

describe('rules in order of strength', () => {
  it('an urgent cue alarms alone', () => {
    expect(found('我爸没呼吸')).toBe('medical/urgent');
  });

  it('a pattern wins over an urgent cue, an urgent cue over a paired cue, whatever the file order', () => {
    expect(found('没呼吸了,救命')).toBe('violence/pattern');
    expect(found('他现在拿刀,我爸没呼吸')).toBe('medical/urgent');
  });

  it('within a rule the first category in the file wins', () => {
    expect(found('他现在拿刀,现在晕倒')).toBe('violence/cue');
  });

  it('stays linear on a very long message of cues and presence', () => {
    const started = performance.now();
    expect(detect(`${'拿刀,门口,经常,'.repeat(20_000)}`)).toBeDefined();
    expect(detect('拿'.repeat(100_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('the file format', () => {
  it('refuses a category without any pattern or cue, and unknown keys (a typo would silently drop a list)', () => {
    expect(EmergencySchema.safeParse({ presence: ['门口'], categories: [{ id: 'x', reply: 'r' }] }).success).toBe(false);
    const typo = { presence: ['门口'], categories: [{ id: 'x', cue: ['拿刀'], patterns: ['救命'], reply: 'r' }] };
    expect(EmergencySchema.safeParse(typo).success).toBe(false);
  });

  it('checks every list for the linear-time engine and names where a refused pattern stands', () => {
    const data = EmergencySchema.parse({
      presence: ['(?=门)口'],
      now: ['现在'],
      past: ['(经常)\\1'],
      categories: [{ id: 'medical', urgent: ['没呼吸'], cues: ['晕倒', '(?<!不)倒'], reply: '120', line: '120' }],
    });
    expect(emergencyPatternProblems(data).map((problem) => problem.field)).toEqual([
      'presence[0]',
      'past[0]',
      'categories[0](id=medical).cues[1]',
    ]);
  });
});
