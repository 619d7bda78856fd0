import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../../src/answer/engine.js';
import type { Entry } from '../../../../src/answer/knowledge/knowledge-base.js';
import { decide } from '../../../../src/answer/match/decide.js';
import type { MatchResult } from '../../../../src/answer/match/matcher.js';
import type { TurnContext } from '../../../../src/pipeline/context.js';
import { readInConversation } from '../../../../src/pipeline/step-helpers/conversation-reading.js';
import type { SessionState } from '../../../../src/answer/dialog/session-state.js';

const entries = new Map<string, Entry>(
  ['problem.fraud', 'problem.debt', 'business.recovery', 'hotlines.list'].map((id) => [
    id,
    { id, topic: id.startsWith('problem.') ? 'problems' : id.split('.')[0], ...(id.startsWith('problem.') ? { problem: {} } : {}) } as Entry,
  ]),
);
const candidate = (id: string, rank: number, confidence: number, anchored: boolean) =>
  ({ entry: entries.get(id) as Entry, rank, confidence, coverage: 0.5, classifier: 0, anchored }) as MatchResult['candidates'][number];
const result = (candidates: MatchResult['candidates'], declined = 0) =>
  ({ question: 'q', tokens: [], corrections: [], aspects: [], aspectOnly: false, candidates, declined }) as MatchResult;

function turn(state: SessionState, combined?: MatchResult, question = '后来呢') {
  const matched: string[] = [];
  const engine = {
    knowledge: { byId: entries },
    decide: (match: MatchResult) => decide(match.candidates, { answer: 0.3, clarify: 0.28 }),
    normalize: (text: string) => text.trim(),
    match: (text: string) => {
      matched.push(text);
      return combined ?? result([]);
    },
  } as unknown as Engine;
  const ctx = { engine, state, question } as unknown as TurnContext;
  return { ctx, matched, read: (match: MatchResult) => readInConversation(ctx, match, engine.decide(match)) };
}

const afterFraud: SessionState = { topic: 'problems', entryId: 'problem.fraud', choices: ['e:hotlines.list'] };

describe('a message read in its conversation', () => {
  it('an entry of the conversation that outranks what the message alone would answer is answered', () => {
    const match = result([candidate('problem.fraud', 0.9, 0.6, false), candidate('business.recovery', 0.7, 0.4, true)]);
    expect(turn({}).read(match)).toMatchObject({ decision: { kind: 'answer', entry: { id: 'business.recovery' } } });
    const read = turn(afterFraud).read(match);
    expect(read).toMatchObject({ decision: { kind: 'answer', entry: { id: 'problem.fraud' } }, via: 'context' });
  });

  it('a problem\'s next steps belong to the conversation too', () => {
    const match = result([candidate('hotlines.list', 0.8, 0.5, false)]);
    expect(turn({}).read(match).decision.kind).toBe('fallback');
    expect(turn(afterFraud).read(match)).toMatchObject({ decision: { entry: { id: 'hotlines.list' } }, via: 'context' });
  });

  it('the message alone wins when it ranks its own answer higher, or reads like something to decline', () => {
    const ranked = result([candidate('business.recovery', 0.9, 0.5, true), candidate('problem.fraud', 0.7, 0.6, false)]);
    const alone = turn(afterFraud).read(ranked);
    expect(alone).toMatchObject({ decision: { entry: { id: 'business.recovery' } } });
    expect(alone.via).toBeUndefined();
    const declined = result([candidate('problem.fraud', 0.9, 0.6, false)], 0.6);
    expect(turn(afterFraud).read(declined).decision.kind).toBe('fallback');
  });

  it('a message that finds nothing is read together with the question answered before it', () => {
    const combined = result([candidate('problem.debt', 1, 0.7, true)]);
    const { read, matched } = turn({ lastAnswer: { entryId: 'business.recovery', at: 0, question: ' 朋友借钱不还 ' } }, combined);
    expect(read(result([]))).toMatchObject({ decision: { entry: { id: 'problem.debt' } }, via: 'story-so-far', match: combined });
    expect(matched).toEqual(['朋友借钱不还,后来呢']);
  });

  it('after a service\'s answer only a short detail is read with it; after a problem\'s, any message', () => {
    const combined = result([candidate('problem.debt', 1, 0.7, true)]);
    const long = '我还想知道另外一件事情,村里修路占了我家的地怎么办才好';
    const afterService = turn({ lastAnswer: { entryId: 'business.recovery', at: 0, question: '朋友借钱不还' } }, combined, long);
    expect(afterService.read(result([])).decision.kind).toBe('fallback');
    expect(afterService.matched).toEqual([]);
    const afterProblem = turn({ lastAnswer: { entryId: 'problem.debt', at: 0, question: '朋友借钱不还' } }, combined, long);
    expect(afterProblem.read(result([])).via).toBe('story-so-far');
  });
});
