/**
 * Sentences and clauses around a place in a text: a figure is read with the words of its own
 * clause, a source's figure with the sentence that states it (the quote widened to the
 * sentence of the report or article it stands in).
 */

const SENTENCE_END = /[。！？!?；;\n]/u;
const CLAUSE_END = /[，,。！？!?；;：:\n]/u;

function around(text: string, start: number, end: number, stop: RegExp): { start: number; end: number; text: string } {
  let from = start;
  while (from > 0 && !stop.test(text[from - 1] as string)) from -= 1;
  let to = Math.max(end, start);
  while (to < text.length && !stop.test(text[to] as string)) to += 1;
  return { start: from, end: to, text: text.slice(from, to) };
}

/** The sentence of `text` holding [start, end): up to 。！？；or a line break on either side. */
export function sentenceAt(text: string, start: number, end = start): { start: number; end: number; text: string } {
  return around(text, start, end, SENTENCE_END);
}

/** The clause of `text` holding [start, end): up to a comma, colon or sentence end on either side. */
export function clauseAt(text: string, start: number, end = start): { start: number; end: number; text: string } {
  return around(text, start, end, CLAUSE_END);
}

/** Where `quote` stands in `full`, compared without whitespace; offsets are of the text without whitespace. */
export function locateQuote(full: string, quote: string): { text: string; at: number } | undefined {
  const text = full.replace(/\s+/g, '');
  const at = text.indexOf(quote.replace(/\s+/g, ''));
  return at < 0 ? undefined : { text, at };
}
