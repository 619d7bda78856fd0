/**
 * Text cut into tagged words with their offsets, for the passes that need the words around
 * a name or an estate. The tags come from the segmenter (src/answer/read/segment): jieba's tag set.
 */
import type { TaggedWord } from '../read/segment/segmenter.js';

/** Part-of-speech tagging and the dictionary, as the segmenter offers them. */
export interface Tagger {
  tag(text: string): TaggedWord[];
  /** True when the text is one word of the dictionary. */
  isWord(text: string): boolean;
}

/** A word of the text, at [start, end). */
export interface Token extends TaggedWord {
  start: number;
  end: number;
}

/** A part of the text to replace with a placeholder. */
export interface Span {
  start: number;
  end: number;
  label: string;
}

/** Tags a segmenter gives a person's name, or a word it does not know (joined by its HMM). */
export const NAME_TAGS: ReadonlySet<string> = new Set(['nr', 'nrt', 'nrfg', 'x']);

const HAN = /^[\u4e00-\u9fa5]+$/;
/** True when `text` is Chinese characters only. */
export const isHan = (text: string): boolean => HAN.test(text);

/** The text's words and, per character, the index of the word it belongs to. */
export interface TaggedText {
  text: string;
  tokens: Token[];
  tokenAt: Int32Array;
}

/**
 * Tags `text`; undefined when the words do not give back the text exactly (a binding that
 * drops or changes characters must not shift the spans).
 */
export function tagText(tagger: Tagger, text: string): TaggedText | undefined {
  const tokens: Token[] = [];
  const tokenAt = new Int32Array(text.length);
  let at = 0;
  for (const { word, tag } of tagger.tag(text)) {
    if (!text.startsWith(word, at)) return undefined;
    tokenAt.fill(tokens.length, at, at + word.length);
    tokens.push({ word, tag, start: at, end: at + word.length });
    at += word.length;
  }
  return at === text.length ? { text, tokens, tokenAt } : undefined;
}

/** Replaces the spans (merged where they overlap) with their placeholders. */
export function replaceSpans(text: string, spans: Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let copied = 0;
  for (const span of sorted) {
    if (span.start < copied) {
      // Overlapping the one before: its placeholder covers this one's rest too.
      copied = Math.max(copied, span.end);
      continue;
    }
    out += `${text.slice(copied, span.start)}[${span.label}]`;
    copied = span.end;
  }
  return out + text.slice(copied);
}
