import { describe, expect, it } from 'vitest';
import { EmergencySchema } from '../../../../src/answer/knowledge/schema.js';
import type { SafetyReading } from '../../../../src/answer/safety/detect-emergency.js';
import { weighDanger } from '../../../../src/answer/safety/weigh-danger.js';

const DATA = EmergencySchema.parse({
  presence: ['门口'],
  categories: [
    { id: 'violence', cues: ['拿刀'], reply: '请拨打 110', line: '危险打 110' },
    { id: 'medical', cues: ['晕倒'], reply: '请拨打 120', line: '病重打 120' },
  ],
});
const THRESHOLDS = { emergencyAt: 0.4, lineAt: 0.2, minChars: 6 };
const nothing: SafetyReading = { hazards: [], vetoes: [], rest: '' };
const model = (danger: number, dangerKind = 'medical') => ({ probabilities: new Float64Array(0), danger, dangerKind });

describe('rules and the learned signal together', () => {
  it('the model raises an emergency the rules missed, of the danger it names, and the whole message is read for a question', () => {
    const weighed = weighDanger('我爸脸色发白出冷汗,怎么办', nothing, model(0.7), THRESHOLDS, DATA);
    expect(weighed.emergency).toMatchObject({ category: 'medical', by: 'model' });
    expect(weighed.rest).toBe('我爸脸色发白出冷汗,怎么办');
  });

  it('takes the category of the danger words the rules saw over the model\'s', () => {
    const vetoed: SafetyReading = { hazards: ['violence'], vetoes: [{ clause: '去年他拿刀', by: 'past' }], rest: '' };
    expect(weighDanger('他说的话让我很担心', vetoed, model(0.9, 'medical'), THRESHOLDS, DATA).emergency?.category).toBe('violence');
  });

  it('a middling reading adds a safety line only; a low one nothing', () => {
    const middling = weighDanger('他说的话让我很担心', nothing, model(0.3), THRESHOLDS, DATA);
    expect(middling.emergency).toBeUndefined();
    expect(middling.hazards).toEqual(['medical']);
    expect(weighDanger('他说的话让我很担心', nothing, model(0.1), THRESHOLDS, DATA).hazards).toEqual([]);
  });

  it('does not raise an emergency on a fragment, nor where the rules read another clear intent: the safety line instead', () => {
    const fragment = weighDanger('我老公他', nothing, model(0.9), THRESHOLDS, DATA);
    expect(fragment.emergency).toBeUndefined();
    expect(fragment.hazards).toEqual(['medical']);
    const clear = weighDanger('我不想和机器人说话了', nothing, model(0.9), THRESHOLDS, DATA, { otherwiseClear: true });
    expect(clear.emergency).toBeUndefined();
    expect(clear.hazards).toEqual(['medical']);
  });

  it('never lowers what the rules found', () => {
    const found: SafetyReading = { emergency: { category: 'violence', reply: 'r', by: 'cue' }, hazards: ['violence'], vetoes: [], rest: '' };
    expect(weighDanger('他说的话让我很担心', found, model(0.01), THRESHOLDS, DATA).emergency?.by).toBe('cue');
  });
});
