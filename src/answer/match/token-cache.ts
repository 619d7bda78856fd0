/**
 * The index's tokens of each knowledge-base text (its normalized form and search-mode words),
 * kept beside the knowledge snapshot: normalizing and segmenting every title, keyword and
 * sample question is most of an engine build (about 1 s of 1.6 at 10,000 entries). Derived
 * data only: keyed by everything that decides a text's tokens (the normalizer's and the
 * segmenter's code and versions, the synonyms, stopwords and domain words), so it stands for
 * exactly what a fresh computation gives, and an edited entry only adds its new texts.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCacheFile, writeCacheFile } from '../../fs/cache-file.js';
import { codeDigest } from '../../fs/code-digest.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** What the index takes from a text. */
export interface TextTokens {
  normalized: string;
  terms: string[];
}

/** One text's tokens as the cache file (and a worker thread's message) carries them: 0 for a normalized form equal to the text. */
export type TokenRow = [source: string, normalized: string | 0, terms: string[]];

/** Tokens by text, for one build; `added` counts texts computed (not found) since it was opened. */
export interface TokenCache {
  get(text: string): TextTokens | undefined;
  set(text: string, tokens: TextTokens): void;
  readonly added: number;
  readonly size: number;
  /** Writes the cache when the build added texts to it. @throws the file system's error */
  save(): void;
  /** The tokens of every text of the knowledge base as it is now (what `save` writes). */
  rows(): TokenRow[];
}

const FORMAT = 2;
const HERE = path.dirname(fileURLToPath(import.meta.url));
/**
 * Code that decides a text's tokens: the term filter, the normalizer, the segmenter bindings
 * (relative to this folder, without extension; a test checks each is there).
 */
export const CODE = ['text-tokens', '../read/normalize', '../read/to-simplified', '../read/escape-regex', '../read/segment/node-rs-jieba', '../read/segment/nodejs-jieba'];
const PACKAGES = ['opencc-js', '@node-rs/jieba', 'nodejs-jieba'];

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const tokensCode = () => codeDigest(HERE, CODE, PACKAGES);

/** The identity of a text's tokens for `knowledge` segmented by `segmenter`. */
export function tokenCacheKey(knowledge: KnowledgeBase, segmenter: string): string {
  const inputs = { segmenter, synonyms: [...knowledge.synonyms], stopwords: [...knowledge.stopwords], domainWords: knowledge.domainWords };
  return sha256(`${FORMAT}\0${tokensCode()}\0${JSON.stringify(inputs)}`);
}

function cacheFile(dir: string, knowledgeDir: string): string {
  return path.join(dir, `tokens-${sha256(path.resolve(knowledgeDir)).slice(0, 16)}.json`);
}

const fromRows = (rows: readonly TokenRow[]) =>
  new Map(rows.map(([source, normalized, terms]) => [source, { normalized: normalized === 0 ? source : normalized, terms }]));

/** Reads the entries written for `key`; none when the file is missing, for another key, or damaged. */
function readEntries(file: string, key: string): Map<string, TextTokens> {
  const read = readCacheFile(file);
  if (!read || read.header.key !== key) return new Map();
  try {
    return fromRows(JSON.parse(read.body) as TokenRow[]);
  } catch {
    return new Map();
  }
}

/** The rows of `entries` for the texts of `knowledge` only: a text edited away is not carried on. */
function rowsOf(entries: ReadonlyMap<string, TextTokens>, knowledge: KnowledgeBase): TokenRow[] {
  const current = new Set(textsOf(knowledge));
  return [...entries].filter(([source]) => current.has(source)).map(rowOf);
}

const rowOf = ([source, t]: [string, TextTokens]): TokenRow => [source, t.normalized === source ? 0 : t.normalized, t.terms];

/**
 * A cache over `entries`: `rows` gives what it holds now, `write` (when the build added texts)
 * keeps them somewhere.
 */
function cacheOver(entries: Map<string, TextTokens>, rows: () => TokenRow[], write?: (rows: TokenRow[]) => void): TokenCache {
  let added = 0;
  return {
    get: (text) => entries.get(text),
    set(text, tokens) {
      entries.set(text, tokens);
      added += 1;
    },
    get added() {
      return added;
    },
    get size() {
      return entries.size;
    },
    save() {
      if (added === 0 || !write) return;
      write(rows());
      added = 0;
    },
    rows,
  };
}

/**
 * A cache in memory over rows worked out elsewhere (a worker thread), for a build on this
 * thread that then segments nothing it was given; nothing is saved.
 */
export function tokenCacheOf(given: readonly TokenRow[]): TokenCache {
  const entries = fromRows(given);
  return cacheOver(entries, () => [...entries].map(rowOf));
}

/** Opens the token cache of `knowledge` in `dir` (empty when there is none yet). */
export function openTokenCache(dir: string, knowledge: KnowledgeBase, segmenter: string): TokenCache {
  const key = tokenCacheKey(knowledge, segmenter);
  const file = cacheFile(dir, knowledge.dir);
  const entries = readEntries(file, key);
  return cacheOver(entries, () => rowsOf(entries, knowledge), (rows) => writeCacheFile(file, { format: FORMAT, key }, JSON.stringify(rows)));
}

/** Every text the index reads from the knowledge base. */
function textsOf(knowledge: KnowledgeBase): string[] {
  return [
    ...knowledge.entries.flatMap((entry) => [entry.title, ...entry.keywords, ...entry.questions]),
    ...[...knowledge.declines.values()].flat(),
    ...knowledge.topics.map((topic) => topic.title),
  ];
}

