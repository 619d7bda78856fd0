import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../src/answer/knowledge/knowledge-base.js';
import type { Decision } from '../../../../src/answer/match/decide.js';
import { weighModel } from '../../../../src/answer/match/weigh-model.js';

const CLASSES = ['notary.where', 'notary.cost', 'problem.debt', 'fallback', 'menu', 'smalltalk', 'handoff', 'emergency'];
const byId = new Map(CLASSES.filter((id) => id.includes('.')).map((id) => [id, { id, topic: id.split('.')[0] } as Entry]));
const POLICY = { kindAt: 0.5, declineAt: 0.7, rescueAt: 0.6, pickAt: 0.4, overrideAt: 0.75, overrideBelow: 0.2, disagreeAt: 0.4, disagreeBelow: 0.1 };
/** A reading putting `p` on `id` and the rest spread evenly. */
function reading(id: string, p: number, also: Record<string, number> = {}) {
  const rest = (1 - p - Object.values(also).reduce((a, b) => a + b, 0)) / (CLASSES.length - 1 - Object.keys(also).length);
  return { probabilities: Float64Array.from(CLASSES, (c) => (c === id ? p : (also[c] ?? rest))), danger: 0 };
}
const answer = (id: string): Decision => ({ kind: 'answer', entry: byId.get(id) as Entry, confidence: 0.5, reason: 'confident' });
const fallback: Decision = { kind: 'fallback', confidence: 0.1, reason: 'no-anchor' };
const weigh = (decision: Decision, r: ReturnType<typeof reading>, aspectOnly = false) => weighModel(decision, r, CLASSES, byId, POLICY, aspectOnly);

describe('the matcher\'s decision with the model heard', () => {
  it('agreement keeps the answer; a sure model answers where the matcher found nothing', () => {
    expect(weigh(answer('notary.where'), reading('notary.where', 0.9)).kind).toBe('kept');
    expect(weigh(fallback, reading('problem.debt', 0.7))).toMatchObject({ kind: 'entry', reason: 'model.rescue' });
    expect(weigh(fallback, reading('problem.debt', 0.5)).kind).toBe('kept');
  });

  it('asks which is meant when the model is fairly sure of another entry and gives the matcher\'s almost nothing; answers it when surer', () => {
    const disagree = weigh(answer('notary.where'), reading('problem.debt', 0.5, { 'notary.where': 0.05 }));
    expect(disagree).toMatchObject({ kind: 'clarify', reason: 'model.disagrees' });
    expect(weigh(answer('notary.where'), reading('problem.debt', 0.8, { 'notary.where': 0.1 }))).toMatchObject({ kind: 'entry', reason: 'model.override' });
    expect(weigh(answer('notary.where'), reading('problem.debt', 0.5, { 'notary.where': 0.3 })).kind).toBe('kept');
  });

  it('a reply kind the model is sure of is the reply; declining an answer takes more', () => {
    expect(weigh(fallback, reading('menu', 0.6))).toMatchObject({ kind: 'reply', reply: 'menu' });
    expect(weigh(answer('notary.where'), reading('fallback', 0.6)).kind).toBe('kept');
    expect(weigh(answer('notary.where'), reading('fallback', 0.8))).toMatchObject({ kind: 'reply', reply: 'fallback' });
  });

  it('never overrides a bare topic\'s question, nor names the subject of an aspect asked alone', () => {
    const bare: Decision = { kind: 'clarify', options: [byId.get('notary.where') as Entry, byId.get('notary.cost') as Entry], confidence: 0.5, reason: 'bare-topic' };
    expect(weigh(bare, reading('notary.where', 0.9)).kind).toBe('kept');
    expect(weigh(fallback, reading('notary.cost', 0.9), true).kind).toBe('kept');
    expect(weighModel(fallback, undefined, CLASSES, byId, POLICY).kind).toBe('kept');
  });
});
