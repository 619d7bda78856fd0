/**
 * Splits a long reply into numbered parts. Long WeChat messages are cut off in previews and
 * hard to read on old phones, so answers over the limit go out as "(1/3) …", "(2/3) …".
 * Lengths count characters (code points), not bytes, so Chinese text and emoji are measured
 * as people see them.
 */

/** Room for the "(nn/nn) " prefix; reserved even for short lists so parts never exceed the limit. */
const PREFIX_ROOM = 8;
/** Where a too-long line may be cut, best first: after a sentence, then after a clause. */
const SENTENCE_END = /[。！？!?；;]/u;
const CLAUSE_END = /[，,、：:\s]/u;

/**
 * Returns `text` as one part when it fits in `maxChars`, else numbered parts each at most
 * `maxChars` long, cut at line breaks where possible, then at sentence ends.
 */
export function splitReply(text: string, maxChars: number): string[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (length(trimmed) <= maxChars) return [trimmed];
  const budget = Math.max(1, maxChars - PREFIX_ROOM);
  const chunks = pack(trimmed.split('\n').flatMap((line) => cutLine(line, budget)), budget);
  if (chunks.length === 1) return chunks;
  return chunks.map((chunk, index) => `(${index + 1}/${chunks.length}) ${chunk}`);
}

/** Greedily joins lines with '\n' while the result fits in `budget`. */
function pack(lines: string[], budget: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (length(joined) <= budget) {
      current = joined;
      continue;
    }
    if (current.trim() !== '') chunks.push(current.trim());
    current = line;
  }
  if (current.trim() !== '') chunks.push(current.trim());
  return chunks;
}

/** Cuts one line into pieces of at most `budget` characters, preferring punctuation. */
function cutLine(line: string, budget: number): string[] {
  const pieces: string[] = [];
  let rest = Array.from(line);
  while (rest.length > budget) {
    const window = rest.slice(0, budget);
    const at = lastIndex(window, SENTENCE_END) ?? lastIndex(window, CLAUSE_END) ?? budget - 1;
    pieces.push(rest.slice(0, at + 1).join('').trimEnd());
    rest = rest.slice(at + 1);
  }
  pieces.push(rest.join(''));
  return pieces;
}

/** Index of the last character matching `pattern`, ignoring the first half (to avoid tiny pieces). */
function lastIndex(chars: string[], pattern: RegExp): number | undefined {
  for (let i = chars.length - 1; i >= Math.floor(chars.length / 2); i -= 1) {
    if (pattern.test(chars[i] as string)) return i;
  }
  return undefined;
}

function length(text: string): number {
  return Array.from(text).length;
}
