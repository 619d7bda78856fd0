/**
 * Cross-checks of glossary.yaml and referrals.yaml beyond their schemas (its sources and numbers go through the fact
 * check like an entry's): a term listed once, and an explanation that does not lean on the term.
 */
import type { KnowledgeProblem } from './knowledge-base.js';
import type { GlossaryTerm, Hotline, Referral } from './schema.js';

/** Problems of the glossary, named by file and term. */
export function glossaryProblems(glossary: readonly GlossaryTerm[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const seen = new Set<string>();
  glossary.forEach(({ term, gloss }, index) => {
    const field = `[${index}](${term})`;
    if (seen.has(term)) problems.push({ file: 'glossary.yaml', field: `${field}.term`, message: `词条「${term}」重复了`, text: term });
    seen.add(term);
    // "先予执行: 先予执行的意思是…" explains nothing to someone who does not know the word.
    if (gloss.startsWith(term)) {
      problems.push({ file: 'glossary.yaml', field: `${field}.gloss`, message: '解释不能用这个词本身开头,请用白话说它是什么', text: term });
    }
  });
  return problems;
}

/** Problems of referrals.yaml beyond its schema: a hotline must be one hotlines.yaml lists. */
export function referralProblems(referrals: readonly Referral[], hotlines: readonly Hotline[]): KnowledgeProblem[] {
  return referrals.flatMap(({ id, hotline }, index): KnowledgeProblem[] =>
    hotline !== undefined && !hotlines.some((h) => h.number === hotline)
      ? [{ file: 'referrals.yaml', field: `[${index}](id=${id}).hotline`, message: `「${hotline}」不是 hotlines.yaml 里登记的全国热线`, entry: id, text: hotline }]
      : [],
  );
}
