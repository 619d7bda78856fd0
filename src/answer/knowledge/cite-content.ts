/**
 * Cites checked for content (issue 25 item 3): an inline cite (《…》第N条) in a shown text must be
 * one of its owner's sources, and what it quotes must speak of what the sentence says.
 */
import { excerpt, type FactRule } from './fact-rules.js';
import { sourceSentence } from './figure-binding.js';
import type { FactContext, FactOwner } from './fact-types.js';
import { findFigures, sameNumber } from './numbers.js';
import { sentenceAt } from './sentences.js';

type Report = (rule: FactRule, offending: string, detail: string) => void;

/**
 * An inline cite backs its own sentence: with sources, it must be one of them and its quote must
 * share a matter or a figure with the sentence; without (emergency, meta), the article on file must.
 */
export function checkCiteContent(text: string, at: number, whole: string, lawName: string, article: string, owner: FactOwner, context: FactContext, report: Report): void {
  const honesty = context.honesty;
  if (!honesty) return;
  const sentence = sentenceAt(text, at, at + whole.length).text.replace(whole, '');
  let backing: string | undefined;
  if (owner.sources.length > 0) {
    const source = owner.sources.find((candidate) => {
      if (candidate.kind !== 'law') return false;
      const name = /《([^》]+)》/u.exec(candidate.ref)?.[1] ?? '';
      return context.laws.find(name)?.law === lawName && candidate.ref.endsWith(article);
    });
    if (!source) {
      report('cite-not-source', whole, `本条的 source 里没有${whole}(${excerpt(text, at, at + whole.length)})`);
      return;
    }
    backing = sourceSentence(source, context);
  } else {
    backing = context.laws.find(lawName)?.articles.get(article);
  }
  if (backing === undefined) return;
  const broad = new Set(honesty.words.broad);
  const said = [...honesty.terms.ids(sentence)].filter((id) => !broad.has(id));
  const backs = honesty.terms.ids(backing);
  const figures = findFigures(sentence).filter((n) => !n.digits || !context.hotlineNumbers.has(n.digits));
  const shares = said.some((id) => backs.has(id)) || figures.some((n) => context.numbersOf(backing).some((m) => sameNumber(n, m)));
  if ((said.length > 0 || figures.length > 0) && !shares) {
    report('cite-content', whole, `这一条的原文没有说到这句话讲的事(${excerpt(text, at, at + whole.length)})`);
  }
}

