/**
 * The one reply splitter of all adapters. A long reply goes out as several messages, cut
 * between lines where possible, else after a sentence, else after a clause or a space, else
 * hard; never inside a character (an emoji's surrogate pair). Each platform says how it
 * counts: WeChat in characters as people see them, Telegram in UTF-16 code units.
 */

export interface SplitOptions {
  /** Longest part, counted in `unit`s, the "(1/3) " prefix included. */
  max: number;
  /** `char` (code points, the default) or `utf16` (code units, as Telegram counts). */
  unit?: 'char' | 'utf16';
  /** Number the parts "(1/3) …" so people see the reply goes on (WeChat). */
  numbered?: boolean;
}

/** Room for the "(nn/nn) " prefix, reserved whenever parts are numbered. */
const PREFIX_ROOM = 8;
const SENTENCE_END = /[。！？!?；;]/u;
const CLAUSE_END = /[，,、：:)）】」\s]/u;

/**
 * Returns the trimmed `text` as one part when it fits, else its parts in order; [] for
 * blank text (platforms refuse empty messages).
 */
export function splitReply(text: string, options: SplitOptions): string[] {
  const size = options.unit === 'utf16' ? (s: string) => s.length : (s: string) => Array.from(s).length;
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (size(trimmed) <= options.max) return [trimmed];
  const budget = Math.max(2, options.numbered ? options.max - PREFIX_ROOM : options.max);
  const lines = trimmed.split('\n').flatMap((line) => cutLine(line, budget, size));
  const parts = pack(lines, budget, size);
  if (!options.numbered || parts.length === 1) return parts;
  return parts.map((part, index) => `(${index + 1}/${parts.length}) ${part}`);
}

/** Greedily joins lines with '\n' while the result fits in `budget`. */
function pack(lines: string[], budget: number, size: (s: string) => number): string[] {
  const parts: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim() !== '') parts.push(current.trim());
  };
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (size(joined) <= budget) {
      current = joined;
      continue;
    }
    flush();
    current = line;
  }
  flush();
  return parts;
}

/** Cuts one line into pieces that fit in `budget`, at the best break in the piece's second half. */
function cutLine(line: string, budget: number, size: (s: string) => number): string[] {
  const pieces: string[] = [];
  let rest = Array.from(line);
  while (size(rest.join('')) > budget) {
    const fits = longestFit(rest, budget, size);
    const window = rest.slice(0, fits);
    const at = lastBreak(window, SENTENCE_END) ?? lastBreak(window, CLAUSE_END) ?? fits - 1;
    pieces.push(rest.slice(0, at + 1).join('').trimEnd());
    rest = Array.from(rest.slice(at + 1).join('').trimStart());
  }
  pieces.push(rest.join(''));
  return pieces;
}

/** How many leading characters of `chars` fit in `budget` (at least one). */
function longestFit(chars: string[], budget: number, size: (s: string) => number): number {
  let used = 0;
  for (let i = 0; i < chars.length; i += 1) {
    used += size(chars[i] as string);
    if (used > budget) return Math.max(1, i);
  }
  return chars.length;
}

/** Index of the last character matching `pattern`, in the second half only (no tiny pieces). */
function lastBreak(chars: string[], pattern: RegExp): number | undefined {
  for (let i = chars.length - 1; i >= Math.floor(chars.length / 2); i -= 1) {
    if (pattern.test(chars[i] as string)) return i;
  }
  return undefined;
}
