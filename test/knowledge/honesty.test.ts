/**
 * The knowledge base invents nothing: every text a user sees passes the fact check (numbers,
 * phone numbers, addresses, hours, names, promises, law citations, dated statistics), and
 * every answer carries its source line.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/answer/compose/compose-reply.js';
import { formatProblem } from '../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge, loadKnowledge } from '../../src/answer/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../doubles/harness.js';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);

describe('honesty of the knowledge base', () => {
  it('passes the fact check: every figure, phone number, address, hour, name and law it gives has its source', () => {
    expect(checkKnowledge(KNOWLEDGE_DIR).problems.map(formatProblem)).toEqual([]);
  });

  it('cites every law source by name and article', () => {
    for (const entry of knowledge.entries) {
      for (const source of entry.source.filter((s) => s.kind === 'law')) {
        expect(source.ref, entry.id).toMatch(/《[^》]+》(\([^)]*\))?第[一二三四五六七八九十百千零]+条/);
      }
    }
  });

  it('ends every answer with its source line, each source once', () => {
    const compose = createComposer(knowledge);
    for (const entry of knowledge.entries) {
      const reply = compose.answer(entry, 1);
      expect(reply.text.split('\n').at(-1), entry.id).toMatch(/^来源:.+/);
      const sources = (reply.source ?? '').replace(/^来源:/, '').split(';');
      expect(sources.length, entry.id).toBeGreaterThan(0);
      expect(new Set(sources).size, entry.id).toBe(sources.length);
    }
  });
});
