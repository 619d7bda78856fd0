/**
 * Loads the knowledge directory, validates it against the schemas and across files, and
 * either returns the knowledge base or throws naming every file and field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BotError, ErrorCodes } from '../errors.js';
import type { DomainWord } from '../segment/segmenter.js';
import { briefProblems, formatProblem, type Entry, type KnowledgeBase, type KnowledgeProblem } from './knowledge-base.js';
import { problemToEntry } from './problem-entries.js';
import { checkEntries } from './check-entries.js';
import { assertKnowledgeDir, FIXED_FILES, listEntryFiles } from './knowledge-files.js';
import { readLines, readSource, readYaml } from './read-files.js';
import { createReadBudget, DEFAULT_KNOWLEDGE_LIMITS, type FileDigest, type KnowledgeLimits, type ReadBudget } from './read-budget.js';
import { linearPatternProblem } from '../safety/linear-pattern.js';
import {
  AspectsSchema,
  EmergencySchema,
  EntryFileSchema,
  MetaSchema,
  OutOfScopeSchema,
  ProblemFileSchema,
  SynonymsSchema,
  TopicsSchema,
  type Meta,
} from './schema.js';

/** Result of validating a knowledge directory without throwing. */
export interface KnowledgeCheck {
  knowledge?: KnowledgeBase;
  problems: KnowledgeProblem[];
  /** With `knowledge`: every file read, in order, with the digest of the bytes parsed (the snapshot's key). */
  files?: readonly FileDigest[];
}

/**
 * Validates the directory; `knowledge` is set only when there is no problem. Sizes are
 * checked against `limits` before any file is parsed: a folder over them is refused whole.
 */
export function checkKnowledge(dir: string, limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS): KnowledgeCheck {
  const problems: KnowledgeProblem[] = [];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { problems: [{ file: dir, field: '(directory)', message: 'knowledge directory not found' }] };
  }
  const budget = createReadBudget(dir, limits);
  const entryFiles = listEntryFiles(dir);
  const problemFiles = listEntryFiles(dir, 'problems');
  for (const [folder, files] of [['entries/', entryFiles], ['problems/', problemFiles]] as const) {
    if (files.length > limits.maxEntryFiles) {
      return { problems: [{ file: folder, field: '(directory)', message: `${files.length} files, over the limit of ${limits.maxEntryFiles}` }] };
    }
  }
  const oversize = budget.precheck([...FIXED_FILES, ...entryFiles, ...problemFiles]);
  if (oversize.length > 0) return { problems: oversize.map(({ file, message }) => ({ file, field: '(size)', message })) };

  const meta = readYaml(budget, 'meta.yaml', MetaSchema, problems);
  const topics = readYaml(budget, 'topics.yaml', TopicsSchema, problems) ?? [];
  const aspects = readYaml(budget, 'aspects.yaml', AspectsSchema, problems) ?? [];
  const emergency = readYaml(budget, 'emergency.yaml', EmergencySchema, problems);
  const synonyms = readYaml(budget, 'lexicon/synonyms.yaml', SynonymsSchema, problems) ?? {};
  const stopwords = readLines(budget, 'lexicon/stopwords.txt', problems);
  const outOfScope = readYaml(budget, 'out-of-scope.yaml', OutOfScopeSchema, problems);
  const domainWords = readLines(budget, 'lexicon/domain-words.txt', problems).map(parseDomainWord);

  if (entryFiles.length === 0) problems.push({ file: 'entries/', field: '(directory)', message: 'no entry files' });
  const entries: Entry[] = [];
  for (const file of entryFiles) {
    const list = readYaml(budget, file, EntryFileSchema, problems) ?? [];
    for (const entry of list) entries.push({ ...entry, file });
  }
  for (const file of problemFiles) {
    const list = readYaml(budget, file, ProblemFileSchema, problems) ?? [];
    if (meta) for (const problem of list) entries.push(problemToEntry(problem, file, meta.messages));
  }

  checkEntries(entries, new Set(topics.map((t) => t.id)), new Set(aspects.map((a) => a.id)), problems);
  for (const topic of topics) {
    if (!entries.some((entry) => entry.topic === topic.id)) {
      problems.push({ file: 'topics.yaml', field: `id=${topic.id}`, message: 'topic has no entry' });
    }
  }
  const reportTitles = meta ? checkQuotes(budget, meta, entries, problems) : new Map<string, string>();
  emergency?.categories.forEach((category, index) =>
    category.patterns.forEach((pattern, p) => {
      const problem = linearPatternProblem(pattern);
      if (problem) {
        problems.push({ file: 'emergency.yaml', field: `categories[${index}](id=${category.id}).patterns[${p}]`, message: problem });
      }
    }),
  );

  if (problems.length > 0 || !meta || !emergency) return { problems };
  return {
    problems,
    files: budget.digests(),
    knowledge: {
      dir,
      meta,
      topics,
      aspects,
      entries,
      byId: new Map(entries.map((entry) => [entry.id, entry])),
      emergency,
      domainWords,
      synonyms: new Map(Object.entries(synonyms)),
      stopwords: new Set(stopwords),
      declines: new Map(Object.entries(outOfScope?.declines ?? {})),
      reportTitles,
    },
  };
}

/**
 * Loads the knowledge base.
 * @throws BotError QLB_KNOWLEDGE_INVALID listing every problem as `file: field: message`.
 */
export function loadKnowledge(dir: string, limits?: KnowledgeLimits): KnowledgeBase {
  return loadCheckedKnowledge(dir, limits).knowledge;
}

/** {@link loadKnowledge}, with the digests of the files it was made of. @throws BotError as loadKnowledge */
export function loadCheckedKnowledge(dir: string, limits?: KnowledgeLimits): { knowledge: KnowledgeBase; files: readonly FileDigest[] } {
  assertKnowledgeDir(dir);
  const { knowledge, problems, files = [] } = checkKnowledge(path.resolve(dir), limits);
  if (!knowledge) {
    const details = briefProblems(problems.map(formatProblem));
    throw new BotError(
      ErrorCodes.KNOWLEDGE_INVALID,
      `knowledge base at ${dir} is invalid (${problems.length} problem(s)):\n  ${details.join('\n  ')}`,
      details,
    );
  }
  return { knowledge, files };
}

function parseDomainWord(line: string): DomainWord {
  const [word = line, freq] = line.split(/\s+/);
  const parsed = Number(freq);
  return Number.isFinite(parsed) && parsed > 0 ? { word, freq: parsed } : { word };
}

/** Every `report` quote must stand verbatim in a source document: figures exactly as given. */
function checkQuotes(budget: ReadBudget, meta: Meta, entries: Entry[], problems: KnowledgeProblem[]): Map<string, string> {
  const texts: string[] = [];
  const titles = new Map<string, string>();
  meta.sources.forEach((source, index) => {
    titles.set(source.id, source.title);
    const unread: KnowledgeProblem[] = [];
    const text = readSource(budget, source.file, unread);
    if (text !== undefined) texts.push(text);
    else problems.push({ file: 'meta.yaml', field: `sources[${index}].file`, message: `cannot read ${source.file}: ${unread[0]?.message ?? ''}` });
  });
  for (const entry of entries) {
    entry.source.forEach((source, index) => {
      if (source.kind !== 'report') return;
      if (!source.quote) {
        problems.push({ file: entry.file, field: `id=${entry.id}.source[${index}].quote`, message: 'a report source needs a quote' });
      } else if (!texts.some((text) => text.includes(source.quote as string))) {
        problems.push({
          file: entry.file,
          field: `id=${entry.id}.source[${index}].quote`,
          message: `not found verbatim in the source documents: "${source.quote}"`,
        });
      }
    });
  }
  return titles;
}
