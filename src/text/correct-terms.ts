/**
 * Corrects mistyped domain terms. Most Chinese typos come from pinyin input, so a run of
 * characters that sounds exactly like a domain term (法律原助 → 法律援助, 行政复意 → 行政复议)
 * is replaced; a term of four or more characters with one character wrong is replaced too.
 */
import { pinyin } from 'pinyin-pro';

/** One replacement made, for the staff `why` view. */
export interface Correction {
  from: string;
  to: string;
}

/** Corrects a normalized text; returns it unchanged when nothing looks mistyped. */
export type TermCorrector = (text: string) => { text: string; corrections: Correction[] };

const CJK_RUN = /[\u3400-\u9fff]+/g;
const MAX_TERM = 8;

/** Builds a corrector over the given terms (domain words, town names...). */
export function createTermCorrector(terms: Iterable<string>): TermCorrector {
  const known = new Set<string>();
  const bySound = new Map<string, string>();
  const byLength = new Map<number, string[]>();
  for (const term of terms) {
    if (!/^[\u3400-\u9fff]{2,}$/.test(term) || term.length > MAX_TERM || known.has(term)) continue;
    known.add(term);
    const sound = syllables(term).join(' ');
    if (!bySound.has(sound)) bySound.set(sound, term);
    byLength.set(term.length, [...(byLength.get(term.length) ?? []), term]);
  }
  const lengths = [...byLength.keys()].sort((a, b) => b - a);

  const closeTerm = (window: string, sound: string): string | undefined => {
    const homophone = bySound.get(sound);
    if (homophone && homophone !== window && (window.length > 2 || sharesChar(homophone, window))) return homophone;
    if (window.length < 4) return undefined;
    return byLength.get(window.length)?.find((term) => differsByOne(term, window));
  };

  return (text) => {
    const corrections: Correction[] = [];
    const corrected = text.replace(CJK_RUN, (run) => {
      const sounds = syllables(run);
      let out = '';
      let i = 0;
      outer: while (i < run.length) {
        for (const n of lengths) {
          if (i + n > run.length) continue;
          const window = run.slice(i, i + n);
          if (known.has(window)) {
            out += window;
            i += n;
            continue outer;
          }
          const term = closeTerm(window, sounds.slice(i, i + n).join(' '));
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

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', v: true });
}

function sharesChar(a: string, b: string): boolean {
  for (const ch of a) if (b.includes(ch)) return true;
  return false;
}

function differsByOne(a: string, b: string): boolean {
  let differences = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i] && ++differences > 1) return false;
  return differences === 1;
}
