/**
 * The legal terms an answer uses, with their plain explanations (knowledge/glossary.yaml), in
 * the order they first appear: the page shows them as notes under the answer (issue 26: 非诉讼事项,
 * 先予执行 puzzled older readers). A term inside a longer one (诉讼事项 in 非诉讼事项) is not
 * counted where only the longer one stands.
 */
import type { GlossaryTerm } from '../knowledge/schema.js';

/** One term of a reply with its explanation. */
export interface Gloss {
  term: string;
  gloss: string;
}

/** The glossary terms `text` contains, first appearance first; `glossary` longest term first. */
export function glossesIn(text: string, glossary: readonly GlossaryTerm[]): Gloss[] {
  let rest = text;
  const found: { at: number; gloss: Gloss }[] = [];
  for (const { term, gloss } of glossary) {
    const at = rest.indexOf(term);
    if (at < 0) continue;
    found.push({ at, gloss: { term, gloss } });
    // Blank out every occurrence, so a shorter term inside it is not found there.
    rest = rest.replaceAll(term, '\u0000'.repeat(term.length));
  }
  return found.sort((a, b) => a.at - b.at).map(({ gloss }) => gloss);
}
