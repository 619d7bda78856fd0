/**
 * The knowledge base invents nothing: every number an answer gives is a national hotline or
 * stands in a source document, and every answer carries its source line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../src/compose/compose-reply.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../doubles/harness.js';

/** The national hotlines of the brief: the only phone numbers the bot may give. */
const HOTLINES = new Set(['110', '119', '120', '122', '12345', '12348', '12333', '12338', '12356', '12309', '12315', '12355', '12368', '96110', '12351']);
const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const sources = knowledge.meta.sources.map((source) => fs.readFileSync(path.join(KNOWLEDGE_DIR, source.file), 'utf8'));
const everyText = [
  ...knowledge.entries.map((entry) => ({ where: entry.id, text: entry.answer })),
  ...knowledge.emergency.categories.map((category) => ({ where: `emergency:${category.id}`, text: category.reply })),
  ...Object.entries(knowledge.meta.messages).map(([name, text]) => ({ where: `meta:${name}`, text })),
];

describe('honesty of the knowledge base', () => {
  it('gives no phone number but the national hotlines, and no figure absent from the sources', () => {
    const offending: string[] = [];
    for (const { where, text } of everyText) {
      for (const number of text.match(/\d+(?:\.\d+)?/g) ?? []) {
        if (number.length < 3 && !number.includes('.')) continue;
        if (HOTLINES.has(number)) continue;
        if (sources.some((source) => source.includes(number))) continue;
        offending.push(`${where}: ${number}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('cites every law source by name and article', () => {
    for (const entry of knowledge.entries) {
      for (const source of entry.source.filter((s) => s.kind === 'law')) {
        expect(source.ref, entry.id).toMatch(/《[^》]+》(\([^)]*\))?第[一二三四五六七八九十百零]+条/);
      }
    }
  });

  it('ends every answer with its source line', () => {
    const compose = createComposer(knowledge);
    for (const entry of knowledge.entries) {
      const reply = compose.answer(entry, 1);
      expect(reply.text.split('\n').at(-1), entry.id).toMatch(/^来源:.+/);
      expect(reply.source).toBeTruthy();
    }
  });
});
