/**
 * Makes arbitrary platform text safe to process: no control characters, no broken
 * surrogates, no zero-width marks. Everything after this step may assume clean text.
 */

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const BROKEN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/g;

/** Any character one of the patterns above could remove or replace: without one, only the trim is left. */
const SUSPECT = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200D\u2060\uFEFF\uD800-\uDFFF\uFFFD]/;

/** Removes control characters, invisible marks, lone surrogates and U+FFFD; trims. */
export function sanitize(raw: string): string {
  if (!SUSPECT.test(raw)) return raw.trim();
  return raw.replace(BROKEN, '').replace(CONTROL, ' ').replace(INVISIBLE, '').trim();
}

/** Cuts to `max` code points without splitting a surrogate pair. */
export function truncate(text: string, max: number): { text: string; truncated: boolean } {
  // A text has no more code points than UTF-16 units: most messages need no count at all.
  if (text.length <= max) return { text, truncated: false };
  const points = Array.from(text);
  if (points.length <= max) return { text, truncated: false };
  return { text: points.slice(0, max).join(''), truncated: true };
}
