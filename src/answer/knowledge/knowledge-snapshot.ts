/**
 * A cache of the validated knowledge base as JSON, so a start does not parse YAML and check
 * every schema again for files it has already checked. Never a second source of truth: the
 * snapshot is keyed by the SHA-256 of every file the check read (the exact bytes parsed), by
 * the loader's own code and by the size limits, and it is used only when every one of those
 * files still has that digest. Any edit, valid or not, misses it, and the folder is checked
 * from its files as before. Written only from a knowledge base that passed the check.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { readCacheFile, writeCacheFile } from '../../fs/cache-file.js';
import { codeDigest } from '../../fs/code-digest.js';
import { holidayCalendar } from '../calculate/index.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { FIXED_FILES, listEntryFiles, listLawFiles } from './knowledge-files.js';
import { createReadBudget, DEFAULT_KNOWLEDGE_LIMITS, type FileDigest, type KnowledgeLimits } from './read-budget.js';

/** Bumped when the snapshot's layout changes. */
const FORMAT = 3;
const CODE_DIR = path.dirname(fileURLToPath(import.meta.url));
/**
 * Besides this folder's modules, code whose change changes what a valid knowledge base is
 * (relative to this folder, without extension; a test checks each is there, since a missing
 * one would silently leave the digest).
 */
export const OTHER_CODE = [
  '../read/linear-pattern',
  '../flows/walk',
  // The calculators' validator (knowledge/calculate/), and what it imports.
  ...['knowledge', 'holidays', 'deadline-rules', 'court-fee', 'local-figures', 'question-cues', 'result', 'money', 'civil-date'].map((name) => `../calculate/${name}`),
];
const PARSERS = ['yaml', 'zod'];

interface Header {
  format: number;
  code: string;
  limits: KnowledgeLimits;
  dir: string;
  files: FileDigest[];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

let loaderModules: string[] | undefined;
/** Digest of the loader's code (this folder's modules and what they validate with) and its parsers' versions. */
function loaderCode(): string {
  loaderModules ??= fs.readdirSync(CODE_DIR).filter((name) => /\.[jt]s$/.test(name) && !name.endsWith('.d.ts')).sort().map((name) => name.replace(/\.[jt]s$/, ''));
  return codeDigest(CODE_DIR, [...loaderModules, ...OTHER_CODE], PARSERS);
}

/** Where the snapshot of knowledge directory `dir` lives in `snapshotDir`. */
export function snapshotFile(snapshotDir: string, dir: string): string {
  return path.join(snapshotDir, `knowledge-${sha256(path.resolve(dir)).slice(0, 16)}.json`);
}

/** The knowledge base as plain JSON data: maps and sets as arrays, the index, the folder and the holiday calendar (built from its file) left out. */
function toData(knowledge: KnowledgeBase) {
  const { dir: _dir, byId: _byId, synonyms, stopwords, declines, reportTitles, calculate, ...plain } = knowledge;
  const { calendar: _calendar, ...calculateData } = calculate;
  return { ...plain, synonyms: [...synonyms], stopwords: [...stopwords], declines: [...declines], reportTitles: [...reportTitles], calculate: calculateData };
}

function fromData(dir: string, data: ReturnType<typeof toData>): KnowledgeBase {
  const { synonyms, stopwords, declines, reportTitles, calculate, ...plain } = data;
  return {
    ...plain,
    ...(calculate ? { calculate: { ...calculate, calendar: holidayCalendar(calculate.holidays) } } : {}),
    dir,
    calculate: { ...calculate, calendar: holidayCalendar(calculate.holidays) },
    byId: new Map(plain.entries.map((entry) => [entry.id, entry])),
    synonyms: new Map(synonyms),
    stopwords: new Set(stopwords),
    declines: new Map(declines),
    reportTitles: new Map(reportTitles),
  };
}

/**
 * True when the folder `dir` is still made of exactly `files` (each read within `limits`, as
 * the check reads them, to the same digest): nothing was added, removed or edited since.
 */
export function filesUnchanged(dir: string, files: readonly FileDigest[], limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS): boolean {
  const resolved = path.resolve(dir);
  if (!Array.isArray(files)) return false;
  // Every file the folder holds now must be one of them; the others are the documents
  // meta.yaml names (meta.yaml's digest is compared with the rest).
  const recorded = new Set(files.map((digest) => digest?.file));
  const listed = [...FIXED_FILES, ...listEntryFiles(resolved), ...listEntryFiles(resolved, 'problems'), ...listEntryFiles(resolved, 'flows'), ...listLawFiles(resolved)];
  if (!listed.every((file) => recorded.has(file))) return false;
  const budget = createReadBudget(resolved, limits);
  try {
    for (const { file } of files) budget.read(file);
  } catch {
    return false;
  }
  return isDeepStrictEqual(budget.digests(), files);
}

/** {@link readKnowledgeSnapshot}, with the digests of the files the knowledge base was made of. */
export function readKnowledgeSnapshotFiles(
  snapshotDir: string,
  dir: string,
  limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS,
): { knowledge: KnowledgeBase; files: FileDigest[] } | undefined {
  const resolved = path.resolve(dir);
  const read = readCacheFile(snapshotFile(snapshotDir, resolved));
  if (!read) return undefined;
  const header = read.header as unknown as Header;
  if (header.format !== FORMAT || header.dir !== resolved || header.code !== loaderCode()) return undefined;
  if (!isDeepStrictEqual(header.limits, limits) || !filesUnchanged(resolved, header.files, limits)) return undefined;
  return { knowledge: fromData(resolved, JSON.parse(read.body) as ReturnType<typeof toData>), files: header.files };
}

/**
 * The snapshot of `dir`, when there is one and every file it was made of still has its digest
 * (read within `limits`, like the check reads them); undefined otherwise.
 */
export function readKnowledgeSnapshot(snapshotDir: string, dir: string, limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS): KnowledgeBase | undefined {
  return readKnowledgeSnapshotFiles(snapshotDir, dir, limits)?.knowledge;
}

/**
 * Writes the snapshot of a knowledge base that passed the check, made of `files`. Refuses
 * (returns false) when the JSON form would not give back an equal knowledge base.
 * @throws the file system's error when the snapshot folder cannot be written.
 */
export function writeKnowledgeSnapshot(
  snapshotDir: string,
  knowledge: KnowledgeBase,
  files: readonly FileDigest[],
  limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS,
): boolean {
  const body = JSON.stringify(toData(knowledge));
  if (!isDeepStrictEqual(fromData(knowledge.dir, JSON.parse(body) as ReturnType<typeof toData>), knowledge)) return false;
  const header: Header = { format: FORMAT, code: loaderCode(), limits, dir: path.resolve(knowledge.dir), files: [...files] };
  writeCacheFile(snapshotFile(snapshotDir, knowledge.dir), { ...header }, body);
  return true;
}
