/**
 * Loads the knowledge directory, validates it against the schemas and across files, and
 * either returns the knowledge base or throws naming every file and field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BotError, ErrorCodes } from '../../errors.js';
import type { DomainWord } from '../read/segment/segmenter.js';
import { checkFacts, createFactContext, type FactContext } from './fact-check.js';
import { knowledgeOwners } from './fact-owners.js';
import { briefProblems, formatProblem, type Entry, type KnowledgeBase, type KnowledgeProblem } from './knowledge-base.js';
import { listLawFiles, readLaws } from './law-texts.js';
import { problemToEntry } from './problem-entries.js';
import { checkEntries } from './check-entries.js';
import { PrivacySchema } from './privacy-schema.js';
import { assertKnowledgeDir, FIXED_FILES, listEntryFiles } from './knowledge-files.js';
import { readLines, readYaml } from './read-files.js';
import { readReports } from './report-stats.js';
import { createReadBudget, DEFAULT_KNOWLEDGE_LIMITS, type FileDigest, type KnowledgeLimits, type ReadBudget } from './read-budget.js';
import { emergencyPatternProblems } from './check-emergency.js';
import { checkLocalFacts, LOCAL_FACTS_FILE } from './local-facts.js';
import { LocalFactsSchema } from './local-facts-schema.js';
import {
  AspectsSchema,
  EmergencySchema,
  EntryFileSchema,
  HotlinesSchema,
  MetaSchema,
  MatchingSchema,
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
    return { problems: [{ file: dir, field: '(目录)', message: '找不到知识库目录' }] };
  }
  const budget = createReadBudget(dir, limits);
  const entryFiles = listEntryFiles(dir);
  const problemFiles = listEntryFiles(dir, 'problems');
  for (const [folder, files] of [['entries/', entryFiles], ['problems/', problemFiles]] as const) {
    if (files.length > limits.maxEntryFiles) {
      return { problems: [{ file: folder, field: '(目录)', message: `有 ${files.length} 个文件,超过了 ${limits.maxEntryFiles} 个的上限` }] };
    }
  }
  const oversize = budget.precheck([...FIXED_FILES, ...entryFiles, ...problemFiles, ...listLawFiles(dir)]);
  if (oversize.length > 0) return { problems: oversize.map(({ file, message }) => ({ file, field: '(大小)', message })) };

  const meta = readYaml(budget, 'meta.yaml', MetaSchema, problems);
  const topics = readYaml(budget, 'topics.yaml', TopicsSchema, problems) ?? [];
  const aspects = readYaml(budget, 'aspects.yaml', AspectsSchema, problems) ?? [];
  const emergency = readYaml(budget, 'emergency.yaml', EmergencySchema, problems);
  const synonyms = readYaml(budget, 'lexicon/synonyms.yaml', SynonymsSchema, problems) ?? {};
  const stopwords = readLines(budget, 'lexicon/stopwords.txt', problems);
  const outOfScope = readYaml(budget, 'out-of-scope.yaml', OutOfScopeSchema, problems);
  const matching = readYaml(budget, 'matching.yaml', MatchingSchema, problems);
  const domainWords = readLines(budget, 'lexicon/domain-words.txt', problems).map(parseDomainWord);
  const privacy = readYaml(budget, 'privacy.yaml', PrivacySchema, problems);
  const localFacts = readYaml(budget, LOCAL_FACTS_FILE, LocalFactsSchema, problems);
  if (localFacts) problems.push(...checkLocalFacts(localFacts, meta?.homePlaces ?? []));
  const facts = readFactContext(dir, meta, problems, budget);

  if (entryFiles.length === 0) problems.push({ file: 'entries/', field: '(目录)', message: '没有答案文件' });
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
      problems.push({ file: 'topics.yaml', field: `id=${topic.id}`, message: '这个主题下没有任何答案', entry: topic.id });
    }
  }
  problems.push(...checkFacts(knowledgeOwners({ entries, topics, aspects, meta, emergency }), facts));
  if (emergency) {
    for (const { field, message } of emergencyPatternProblems(emergency)) problems.push({ file: 'emergency.yaml', field, message });
  }

  if (problems.length > 0 || !meta || !emergency || !matching || !privacy || !localFacts) return { problems };
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
      matching,
      domainWords,
      synonyms: new Map(Object.entries(synonyms)),
      stopwords: new Set(stopwords),
      declines: new Map(Object.entries(outOfScope?.declines ?? {})),
      privacy,
      localFacts,
      reportTitles: new Map(meta.sources.map((source) => [source.id, source.title])),
    },
  };
}

/**
 * Reads what the fact check compares against: hotlines.yaml, the law texts in sources/laws/,
 * the report documents meta.yaml lists (within `budget`: a fresh one of `dir` by default).
 * Problems with those files go to `problems`.
 */
export function readFactContext(
  dir: string,
  meta: Meta | undefined,
  problems: KnowledgeProblem[],
  budget: ReadBudget = createReadBudget(dir),
): FactContext {
  const hotlines = readYaml(budget, 'hotlines.yaml', HotlinesSchema, problems) ?? [];
  return createFactContext(hotlines, readLaws(budget, dir, problems), meta ? readReports(budget, meta, problems) : []);
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
      `knowledge base at ${dir} is invalid (${problems.length} problem(s)) / 知识库有 ${problems.length} 个问题:\n  ${details.join('\n  ')}`,
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
