import { describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase } from '../../../../src/answer/knowledge/knowledge-base.js';
import { createPhraseFinder, phraseAnchors, topicAnchors } from '../../../../src/answer/match/topic-anchors.js';

const entry = (id: string, keywords: string[], problem: boolean): Entry =>
  ({ id, topic: problem ? 'problems' : 'loans', keywords, ...(problem ? { problem: {} } : {}) }) as unknown as Entry;

/** A toy segmenter: every character its own word, except the two-character words listed. */
const WORDS = ['借条', '欠款'];
const indexed = (text: string) => {
  const normalized = text.replace(/\s+/g, '');
  const terms = WORDS.filter((word) => normalized.includes(word));
  return { normalized, terms: terms.length > 0 ? terms : [...normalized] };
};

describe('phrase anchors', () => {
  const knowledge = {
    entries: [entry('problem.debt', ['欠我钱', '借条', '被 骗', '费'], true), entry('loans.where', ['还钱', '哪里'], false)],
  } as unknown as KnowledgeBase;

  it('keeps a keyword the segmenter splits into single characters, under its problem or topic', () => {
    const phrases = phraseAnchors(knowledge, indexed, new Set(['哪里']));
    expect(phrases.get('problem.debt')).toEqual(['欠我钱', '被骗']);
    expect(phrases.get('loans')).toEqual(['还钱']);
  });
  it('leaves out keywords that are words already, single characters and aspect words', () => {
    const phrases = phraseAnchors(knowledge, indexed, new Set(['哪里']));
    const all = [...phrases.values()].flat();
    expect(all).not.toContain('借条');
    expect(all).not.toContain('费');
    expect(all).not.toContain('哪里');
  });
});

describe('topic anchors', () => {
  /** A toy segmenter in search mode: every listed word the text holds. */
  const VOCABULARY = ['多少', '多少次', '反映', '费用', '调解', '复议', '仲裁', '公证', '援助', '收费'];
  const terms = (text: string) => VOCABULARY.filter((word) => text.includes(word));
  const service = (topic: string, word: string): Entry =>
    ({ id: `${topic}.cost`, topic, keywords: [word], questions: [`${word}要多少钱`, `${word}收费多少`] }) as unknown as Entry;
  const complaint = {
    id: 'problem.complaint',
    title: '投诉',
    topic: 'problems',
    problem: {},
    keywords: ['反映了多少次'],
    questions: ['反映了好几次都没人理'],
  } as unknown as Entry;
  const knowledge = {
    topics: ['mediation', 'reconsideration', 'arbitration', 'notary', 'aid'].map((id) => ({ id, title: id })),
    entries: [service('mediation', '调解'), service('reconsideration', '复议'), service('arbitration', '仲裁'), service('notary', '公证'), service('aid', '援助'), complaint],
  } as unknown as KnowledgeBase;

  it('a part of a cue that many groups ask with (多少) does not name the problem; its own part (反映) does', () => {
    const anchors = topicAnchors(knowledge, terms, new Set());
    expect(anchors.get('problem.complaint')).toContain('反映');
    expect(anchors.get('problem.complaint')).toContain('多少次');
    expect(anchors.get('problem.complaint')).not.toContain('多少');
    expect(anchors.get('mediation')).toContain('调解');
  });
});

describe('phrase finder', () => {
  it('names every group whose phrase the text holds, in one pass', () => {
    const find = createPhraseFinder(new Map([['problem.debt', ['欠我钱', '没有钱还']], ['problem.fraud', ['被骗', '没有钱还']], ['loans', ['还钱']]]));
    expect([...find('他欠我钱,说没有钱还')].sort()).toEqual(['problem.debt', 'problem.fraud']);
    expect(find('今天天气不错').size).toBe(0);
  });
});
