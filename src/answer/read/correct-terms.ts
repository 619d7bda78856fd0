/**
 * Corrects mistyped domain terms. Most Chinese typos come from pinyin input, so a run of
 * characters that sounds exactly like a domain term (法律原助 → 法律援助, 行政复意 → 行政复议)
 * is replaced; a term of four or more characters with one character wrong is replaced too.
 */
import { syllables } from './syllables.js';

/** One replacement made, for the staff `why` view. */
export interface Correction {
  from: string;
  to: string;
}

/** Corrects a normalized text; returns it unchanged when nothing looks mistyped. */
export type TermCorrector = (text: string) => { text: string; corrections: Correction[] };

const CJK_RUN = /[\u3400-\u9fff]+/g;
const MAX_TERM = 8;

/**
 * Builds a corrector over the given terms (domain words, town names...). The sound index is
 * built on the first call: most questions never need a correction, and building it up front
 * cost start-up time (measured by the bench). Sounds come from a generated syllable table.
 */
export function createTermCorrector(terms: Iterable<string>, words: CorrectorWords = {}): TermCorrector {
  const list = [...terms];
  let corrector: TermCorrector | undefined;
  return (text) => (corrector ??= buildCorrector(list, words))(text);
}

/** What the corrector knows of ordinary words, so that it leaves them alone. */
export interface CorrectorWords {
  /** A word in its own right (法院 beside the term 法援, 房贷 beside 放贷) sounds like a term but is no typo. */
  isWord?: (text: string) => boolean;
  /**
   * Segments a run of text. A two-character window is corrected only where it stands as a
   * word of its own there: in 跑去市里 the sound of 去世 straddles 去 and 市里.
   */
  cut?: (text: string) => string[];
}

function buildCorrector(terms: readonly string[], { isWord = () => false, cut }: CorrectorWords): TermCorrector {
  const known = new Set<string>();
  const bySound = new Map<string, string>();
  const byLength = new Map<string, string>();
  const termChars = new Set<string>();
  /** Term lengths by first syllable, first and second character: a window can only match a term of such a length. */
  const bySoundStart = new Map<string, Set<number>>();
  const byFirstChar = new Map<string, Set<number>>();
  const bySecondChar = new Map<string, Set<number>>();
  const addLength = (map: Map<string, Set<number>>, key: string, n: number) => (map.get(key) ?? map.set(key, new Set()).get(key))?.add(n);
  for (const term of terms) {
    if (!/^[\u3400-\u9fff]{2,}$/.test(term) || term.length > MAX_TERM || known.has(term)) continue;
    known.add(term);
    for (const ch of term) termChars.add(ch);
    addLength(bySoundStart, syllables(term)[0] as string, term.length);
    if (term.length >= 4) {
      addLength(byFirstChar, term[0] as string, term.length);
      addLength(bySecondChar, term[1] as string, term.length);
    }
    const sound = syllables(term).join(' ');
    if (!bySound.has(sound)) bySound.set(sound, term);
    for (let i = 0; i < term.length; i += 1) {
      const key = `${term.slice(0, i)}?${term.slice(i + 1)}`;
      if (!byLength.has(key)) byLength.set(key, term);
    }
  }
  const lengths = [...new Set([...known].map((t) => t.length))].sort((a, b) => b - a);

  /** `sound` is left out where no term of the window's length starts with its first syllable: no homophone can exist. */
  const closeTerm = (window: string, sound: string | undefined): string | undefined => {
    const homophone = sound === undefined ? undefined : bySound.get(sound);
    if (homophone && homophone !== window && (window.length > 2 || sharesChar(homophone, window))) return homophone;
    if (window.length < 4) return undefined;
    let strangers = 0;
    for (const ch of window) if (!termChars.has(ch) && ++strangers > 1) return undefined;
    for (let i = 0; i < window.length; i += 1) {
      const term = byLength.get(`${window.slice(0, i)}?${window.slice(i + 1)}`);
      if (term !== undefined && term !== window) return term;
    }
    return undefined;
  };

  return (text) => {
    const corrections: Correction[] = [];
    const corrected = text.replace(CJK_RUN, (run) => {
      const sounds = syllables(run);
      const starts = wordStarts(run, cut);
      let out = '';
      let i = 0;
      outer: while (i < run.length) {
        const soundLengths = bySoundStart.get(sounds[i] as string);
        const firstLengths = byFirstChar.get(run[i] as string);
        const secondLengths = bySecondChar.get(run[i + 1] ?? '');
        for (const n of lengths) {
          if (i + n > run.length) continue;
          if (!soundLengths?.has(n) && !firstLengths?.has(n) && !secondLengths?.has(n)) continue;
          const window = run.slice(i, i + n);
          if (known.has(window) || isWord(window)) {
            out += window;
            i += n;
            continue outer;
          }
          if (n === 2 && starts && !(starts.has(i) && starts.has(i + 2))) continue;
          const term = closeTerm(window, soundLengths?.has(n) ? sounds.slice(i, i + n).join(' ') : undefined);
          if (term) {
            corrections.push({ from: window, to: term });
            out += term;
            i += n;
            continue outer;
          }
        }
        out += run[i];
        i += 1;
      }
      return out;
    });
    return { text: corrected, corrections };
  };
}

/** Offsets where a word of the run starts (and its end), or undefined without a segmenter. */
function wordStarts(run: string, cut: CorrectorWords['cut']): Set<number> | undefined {
  if (!cut) return undefined;
  const starts = new Set<number>([0]);
  let at = 0;
  for (const word of cut(run)) starts.add((at += word.length));
  return starts;
}

function sharesChar(a: string, b: string): boolean {
  for (const ch of a) if (b.includes(ch)) return true;
  return false;
}
