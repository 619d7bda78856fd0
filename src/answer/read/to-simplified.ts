/**
 * Traditional (Hong Kong) to simplified Chinese with opencc-js, skipped for text where no key
 * of its dictionaries can match: opencc replaces only where a key matches, so such text comes
 * back unchanged anyway. A one-character key matches only where its character stands, a
 * longer one only where its first two do. Most questions and every line of the knowledge base
 * are already simplified; the converter walked its dictionaries for each of them.
 */
import { Converter, Locale } from 'opencc-js/t2cn';

const FROM = 'hk';
const TO = 'cn';
/** The configuration opencc-js uses for hk → cn, besides the plain from/to dictionaries it falls back to. */
const CONFIG = 'hk2s';

/** Where a key of the dictionaries could start matching. */
interface KeyStarts {
  /** Characters that are a whole key. */
  single: Uint8Array;
  /** First characters of longer keys, and their first two characters as `first << 16 | second`. */
  first: Uint8Array;
  pairs: Set<number>;
  /** Some key starts outside the basic plane: text with a surrogate goes to opencc. */
  astral: boolean;
}

function addKey(key: string, starts: KeyStarts): void {
  const a = key.charCodeAt(0);
  if (Number.isNaN(a)) return;
  if (a >= 0xd800 && a <= 0xdfff) starts.astral = true;
  else if (key.length === 1) starts.single[a] = 1;
  else {
    starts.first[a] = 1;
    starts.pairs.add((a << 16) | key.charCodeAt(1));
  }
}

/** Adds every key of the dictionaries in `value` (nested groups, "a b|c d" strings, pairs). */
function addKeys(value: unknown, starts: KeyStarts): void {
  if (typeof value === 'string') {
    if (!value.includes(' ')) return;
    for (const line of value.split('|')) addKey(line.slice(0, Math.max(0, line.indexOf(' '))), starts);
  } else if (Array.isArray(value)) {
    if (value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && !value[0].includes(' ')) addKey(value[0], starts);
    else for (const inner of value) addKeys(inner, starts);
  } else if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) addKeys(inner, starts);
  }
}

/** Builds the converter: `(text) => simplified text`, exactly opencc's output. */
export function createToSimplified(): (text: string) => string {
  const convert = Converter({ from: FROM, to: TO });
  const starts: KeyStarts = { single: new Uint8Array(0x10000), first: new Uint8Array(0x10000), pairs: new Set(), astral: false };
  const locale = Locale as unknown as Record<string, Record<string, unknown>>;
  for (const part of [locale.configs?.[CONFIG], locale.from?.[FROM], locale.to?.[TO]]) addKeys(part, starts);
  const { single, first, pairs, astral } = starts;
  return (text) => {
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      if (single[unit] === 1 || (astral && unit >= 0xd800 && unit <= 0xdbff)) return convert(text);
      if (first[unit] === 1 && pairs.has((unit << 16) | text.charCodeAt(i + 1))) return convert(text);
    }
    return text;
  };
}
