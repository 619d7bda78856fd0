/**
 * Loads the knowledge directory, validates it against the schemas and across files, and
 * either returns the knowledge base or throws naming every file and field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BotError, ErrorCodes } from '../errors.js';
import type { DomainWord } from '../segment/segmenter.js';
import { checkFacts, createFactContext, type FactContext } from './fact-check.js';
import { knowledgeOwners } from './fact-owners.js';
import { briefProblems, formatProblem, type Entry, type KnowledgeBase, type KnowledgeProblem } from './knowledge-base.js';
import { listLawFiles, readLaws } from './law-texts.js';
import { problemToEntry } from './problem-entries.js';
import { listEntryFiles, readLines, readYaml } from './read-files.js';
import { readReports } from './report-stats.js';
import { createReadBudget, DEFAULT_KNOWLEDGE_LIMITS, type KnowledgeLimits, type ReadBudget } from './read-budget.js';
import { emergencyPatternProblems } from '../safety/check-emergency.js';
import {
  AspectsSchema,
  EmergencySchema,
  EntryFileSchema,
  HotlinesSchema,
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
}

const FIXED_FILES = [
  'meta.yaml',
  'topics.yaml',
  'aspects.yaml',
  'emergency.yaml',
  'out-of-scope.yaml',
  'hotlines.yaml',
  'lexicon/synonyms.yaml',
  'lexicon/stopwords.txt',
  'lexicon/domain-words.txt',
];

/**
 * Validates the directory; `knowledge` is set only when there is no problem. Sizes are
 * checked against `limits` before any file is parsed: a folder over them is refused whole.
 */
export function checkKnowledge(dir: string, limits: KnowledgeLimits = DEFAULT_KNOWLEDGE_LIMITS): KnowledgeCheck {
  const problems: KnowledgeProblem[] = [];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    return { problems: [{ file: dir, field: '(directory)', message: '找不到知识库目录' }] };
  }
  const budget = createReadBudget(dir, limits);
  const entryFiles = listEntryFiles(dir);
  const problemFiles = listEntryFiles(dir, 'problems');
  for (const [folder, files] of [['entries/', entryFiles], ['problems/', problemFiles]] as const) {
    if (files.length > limits.maxEntryFiles) {
      return { problems: [{ file: folder, field: '(directory)', message: `${files.length} files, over the limit of ${limits.maxEntryFiles}` }] };
    }
  }
  const oversize = budget.precheck([...FIXED_FILES, ...entryFiles, ...problemFiles, ...listLawFiles(dir)]);
  if (oversize.length > 0) return { problems: oversize.map(({ file, message }) => ({ file, field: '(size)', message })) };

  const meta = readYaml(budget, 'meta.yaml', MetaSchema, problems);
  const topics = readYaml(budget, 'topics.yaml', TopicsSchema, problems) ?? [];
  const aspects = readYaml(budget, 'aspects.yaml', AspectsSchema, problems) ?? [];
  const emergency = readYaml(budget, 'emergency.yaml', EmergencySchema, problems);
  const synonyms = readYaml(budget, 'lexicon/synonyms.yaml', SynonymsSchema, problems) ?? {};
  const stopwords = readLines(budget, 'lexicon/stopwords.txt', problems);
  const outOfScope = readYaml(budget, 'out-of-scope.yaml', OutOfScopeSchema, problems);
  const domainWords = readLines(budget, 'lexicon/domain-words.txt', problems).map(parseDomainWord);
  const facts = readFactContext(dir, meta, problems, budget);

  if (entryFiles.length === 0) problems.push({ file: 'entries/', field: '(directory)', message: '没有答案文件' });
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

  if (problems.length > 0 || !meta || !emergency) return { problems };
  return {
    problems,
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
  if (!fs.existsSync(dir)) {
    throw new BotError(ErrorCodes.KNOWLEDGE_NOT_FOUND, `找不到知识库目录 ${dir}(KNOWLEDGE_DIR)`, ['KNOWLEDGE_DIR']);
  }
  const { knowledge, problems } = checkKnowledge(path.resolve(dir), limits);
  if (!knowledge) {
    const details = briefProblems(problems.map(formatProblem));
    throw new BotError(
      ErrorCodes.KNOWLEDGE_INVALID,
      `knowledge base at ${dir} is invalid (${problems.length} problem(s)) / 知识库有 ${problems.length} 个问题:\n  ${details.join('\n  ')}`,
      details,
    );
  }
  return knowledge;
}

function parseDomainWord(line: string): DomainWord {
  const [word = line, freq] = line.split(/\s+/);
  const parsed = Number(freq);
  return Number.isFinite(parsed) && parsed > 0 ? { word, freq: parsed } : { word };
}

function questionKey(question: string): string {
  return question.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

function checkEntries(
  entries: Entry[],
  topicIds: Set<string>,
  aspectIds: Set<string>,
  problems: KnowledgeProblem[],
): void {
  const seenIds = new Map<string, Entry>();
  const seenQuestions = new Map<string, Entry>();
  for (const entry of entries) {
    const at = (field: string, message: string, text?: string) =>
      problems.push({ file: entry.file, field: `id=${entry.id}.${field}`, message, entry: entry.id, ...(text ? { text } : {}) });
    const twin = seenIds.get(entry.id);
    if (twin) at('id', `id 重复(${twin.file} 里也有)`, entry.id);
    seenIds.set(entry.id, entry);
    if (!topicIds.has(entry.topic)) at('topic', `topics.yaml 里没有主题“${entry.topic}”`, entry.topic);
    if (!aspectIds.has(entry.aspect)) at('aspect', `aspects.yaml 里没有方面“${entry.aspect}”`, entry.aspect);
    entry.questions.forEach((question, index) => {
      const key = questionKey(question);
      const owner = seenQuestions.get(key);
      if (owner && owner.id !== entry.id) at(`questions[${index}]`, `“${question}”也是 ${owner.id} 的示例问题`, question);
      else if (owner) at(`questions[${index}]`, `“${question}”写了两遍`, question);
      seenQuestions.set(key, entry);
    });
  }
  for (const entry of entries) {
    entry.related.forEach((related, index) => {
      const at = (message: string) =>
        problems.push({ file: entry.file, field: `id=${entry.id}.related[${index}]`, message, entry: entry.id, text: related });
      if (!seenIds.has(related)) at(`没有答案“${related}”`);
      else if (related === entry.id) at('不能关联到自己');
    });
  }
}
