import { describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import { phraseAnchors } from '../../../src/match/topic-anchors.js';

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
