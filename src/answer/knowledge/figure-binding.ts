/**
 * Figures bound to their sentence (issue 25 item 2): a number in an answer must be a number of
 * a source sentence about the same matter, counting the same thing (宗 is not 人次), not any
 * number anywhere in the entry's quotes. A source's sentence is its quote widened to the
 * sentence of the report or article it stands in.
 */
import type { FactContext } from './fact-types.js';
import { nounClass } from './honesty-schema.js';
import { compact, parseCitation } from './law-texts.js';
import { sameNumber, type NumberMention } from './numbers.js';
import type { SourceRef } from './schema.js';
import { clauseAt, locateQuote, sentenceAt } from './sentences.js';

/** The sentence of the report or article a source's quote stands in (the quote itself when not found). */
export function sourceSentence(source: SourceRef, context: FactContext): string {
  const quote = source.quote ?? '';
  if (!quote) return '';
  let full: string | undefined;
  if (source.kind === 'report') full = context.reports.find((doc) => doc.text.includes(quote))?.text;
  if (source.kind === 'law') {
    const citation = parseCitation(source.ref);
    full = citation ? context.laws.find(citation.name)?.articles.get(citation.article) : undefined;
  }
  const found = full === undefined ? undefined : locateQuote(full, quote);
  if (!found) return quote;
  const start = sentenceAt(found.text, found.at).start;
  const end = sentenceAt(found.text, found.at + compact(quote).length - 1).end;
  return found.text.slice(start, end);
}

/** Why `figure` of `text` is not backed by the sentence that states it, or undefined when one does. */
export function unboundFigure(text: string, figure: NumberMention, sources: readonly SourceRef[], context: FactContext): string | undefined {
  const honesty = context.honesty;
  if (!honesty) return undefined;
  const { units, terms } = { units: honesty.words.units, terms: honesty.terms };
  const broad = new Set(honesty.words.broad);
  // 111个村: a generic classifier before a noun of a class counts that noun.
  const classOf = (after: string) => {
    const found = nounClass(after, units);
    if (found?.id !== 'generic') return found;
    const next = nounClass(after.slice(found.word.length), units);
    return next && next.id !== 'generic' ? next : undefined;
  };
  const saidClass = classOf(text.slice(figure.end));
  // The figure's clause names what it is about; when it names nothing the source speaks of, its
  // sentence does (申请复议:自知道处罚之日起六十日内 is about 复议).
  const matters = (part: string) => [...terms.ids(part)].filter((id) => !broad.has(id));
  const clauseMatters = matters(clauseAt(text, figure.start, figure.end).text);
  const sentenceMatters = matters(sentenceAt(text, figure.start, figure.end).text);
  const sentences = sources.flatMap((source) => (source.quote ? [sourceSentence(source, context)] : []));
  const fit = (sentence: string) => {
    const ids = terms.ids(sentence);
    return clauseMatters.filter((id) => ids.has(id)).length;
  };
  // The sentence of the entry's sources that fits the figure's clause best: a figure from a
  // sentence that fits it less (the 60 days to apply, in a clause on suing after 复议) is borrowed.
  const best = Math.max(0, ...sentences.map(fit));
  let reason: string | undefined;
  for (const sentence of sentences) {
    for (const number of context.numbersOf(sentence)) {
      if (!sameNumber(figure, number)) continue;
      const sourceClass = classOf(sentence.slice(number.end));
      if (saidClass && sourceClass && saidClass.id !== sourceClass.id) {
        reason ??= `来源里的${number.raw}${sourceClass.word}数的不是“${saidClass.word}”`;
        continue;
      }
      const sourceMatters = terms.ids(sentence);
      const shared = fit(sentence);
      const borrowed = shared > 0 && shared < best;
      const unrelated = shared === 0 && sentenceMatters.length > 0 && sourceMatters.size > 0 && !sentenceMatters.some((id) => sourceMatters.has(id));
      if (borrowed || unrelated) {
        reason ??= `来源里的${number.raw}说的是另一件事(${sentence.slice(0, 40)})`;
        continue;
      }
      return undefined;
    }
  }
  return reason;
}
