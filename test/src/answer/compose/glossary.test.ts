/**
 * Plain explanations of legal terms (issue 26, item 6): glossary.yaml is checked like an
 * entry's sources, and every answer of the knowledge base carries the terms it uses.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { glossesIn } from '../../../../src/answer/compose/glossary.js';
import type { Engine } from '../../../../src/answer/engine.js';
import { checkKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { toReplyJson } from '../../../../src/reply-json.js';
import { realEngine } from '../../../doubles/harness.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await realEngine());
});

const GLOSSARY = [
  { term: '非诉讼事项', gloss: '不用打官司的事', source: [] },
  { term: '诉讼事项', gloss: '要打官司的事', source: [] },
  { term: '先予执行', gloss: '先付', source: [] },
];

describe('glossesIn', () => {
  it('finds terms in the order they first appear, each once, a shorter term not inside a longer one', () => {
    expect(glossesIn('可以裁定先予执行;非诉讼事项向…;非诉讼事项', GLOSSARY).map((g) => g.term)).toEqual(['先予执行', '非诉讼事项']);
    expect(glossesIn('诉讼事项和非诉讼事项', GLOSSARY).map((g) => g.term)).toEqual(['诉讼事项', '非诉讼事项']);
    expect(glossesIn('没有术语', GLOSSARY)).toEqual([]);
  });
});

describe('answers carry the glossary terms they use', () => {
  it('walks the knowledge base: every answer has exactly the terms of its title and text, explained', () => {
    const { glossary } = engine.knowledge;
    expect(glossary.map((g) => g.term)).toEqual(expect.arrayContaining(['非诉讼事项', '先予执行', '诉讼时效']));
    let withTerms = 0;
    for (const entry of engine.knowledge.entries) {
      const reply = engine.compose.answer(entry, 1);
      const body = `${entry.title}\n${entry.answer}`;
      // A term counts where it stands outside every longer term containing it (诉讼事项 outside 非诉讼事项).
      const outside = (term: string) => glossary.filter((o) => o.term !== term && o.term.includes(term)).reduce((t, o) => t.split(o.term).join('|'), body);
      const expected = glossary.filter((g) => outside(g.term).includes(g.term));
      expect(reply.glossary?.map((g) => g.term).sort() ?? [], entry.id).toEqual(expected.map((g) => g.term).sort());
      for (const gloss of reply.glossary ?? []) expect(gloss.gloss.length).toBeGreaterThan(4);
      if (reply.glossary) withTerms += 1;
    }
    expect(withTerms).toBeGreaterThanOrEqual(5);
  });

  it('the answer on where to apply for legal aid explains 非诉讼事项 and 诉讼事项; the JSON has them, null elsewhere', () => {
    const entry = engine.knowledge.byId.get('legal-aid.where');
    if (!entry) throw new Error('legal-aid.where is gone');
    const json = toReplyJson(engine.compose.answer(entry, 1));
    expect(json.glossary?.map((g) => g.term)).toEqual(['诉讼事项', '非诉讼事项']);
    expect(toReplyJson(engine.compose.menu()).glossary).toBeNull();
  });
});

describe('glossary.yaml is checked', () => {
  let copy: KnowledgeCopy | undefined;
  afterEach(() => copy?.cleanup());

  it('refuses a quote not in the law, an unsourced number, a repeated term and a term explained by itself', () => {
    copy = copyKnowledge();
    const text = copy.read('glossary.yaml');
    copy.write(
      'glossary.yaml',
      text
        .replace('可以依法裁定先予执行。', '可以依法裁定先行执行。')
        .replace('找法院要回自己权利的期限。', '找法院要回自己权利的期限,一般是五年。') +
        '- term: 非诉讼事项\n  gloss: 非诉讼事项就是非诉讼的事项\n  source:\n    - kind: hotline\n      ref: "12348"\n',
    );
    const found = checkKnowledge(copy.dir).problems.map((p) => `${p.file} ${p.field} ${p.rule ?? p.message}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'glossary.yaml id=先予执行.source[0].quote law-quote-mismatch',
        expect.stringMatching(/^glossary\.yaml id=诉讼时效\.gloss number-/),
        expect.stringMatching(/^glossary\.yaml \[6\]\(非诉讼事项\)\.term 词条「非诉讼事项」重复了/),
        expect.stringMatching(/^glossary\.yaml \[6\]\(非诉讼事项\)\.gloss 解释不能/),
      ]),
    );
  });

  it('refuses a knowledge folder without glossary.yaml', () => {
    copy = copyKnowledge();
    copy.remove('glossary.yaml');
    expect(checkKnowledge(copy.dir).problems.map((p) => p.file)).toContain('glossary.yaml');
  });
});
