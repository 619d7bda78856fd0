/**
 * Loads the knowledge directory, validates it against the schemas and across files, and
 * either returns the knowledge base or throws naming every file and field at fault.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BotError, ErrorCodes } from '../../errors.js';
import type { DomainWord } from '../read/segment/segmenter.js';
import { checkFacts, createFactContext, type AcceptedFact, type FactContext } from './fact-check.js';
import { GazetteerSchema } from './gazetteer.js';
import { HonestySchema } from './honesty-schema.js';
import { hotlineRegistryProblems } from './hotlines.js';
import { checkSources } from './source-check.js';
import { FACT_RULES } from './fact-rules.js';
import { knowledgeOwners } from './fact-owners.js';
import { briefProblems, formatProblem, type Entry, type KnowledgeBase, type KnowledgeProblem } from './knowledge-base.js';
import { listLawFiles, readLaws } from './law-texts.js';
import { problemToEntry } from './problem-entries.js';
import { checkEntries } from './check-entries.js';
import { PrivacySchema } from './privacy-schema.js';
import { HazardsSchema, type HazardsData } from './hazards-schema.js';
import { assertKnowledgeDir, FIXED_FILES, listEntryFiles } from './knowledge-files.js';
import { readLines, readYaml } from './read-files.js';
import { readReports } from './report-stats.js';
import { createReadBudget, DEFAULT_KNOWLEDGE_LIMITS, type FileDigest, type KnowledgeLimits, type ReadBudget } from './read-budget.js';
import { emergencyPatternProblems } from './check-emergency.js';
import { checkLocalFacts, LOCAL_FACTS_FILE } from './local-facts.js';
import { LocalFactsSchema } from './local-facts-schema.js';
import { checkManifest, ManifestSchema, MANIFEST_FILE, type PinnedSource, type SourceFile } from './source-manifest.js';
import { readCalculateKnowledge } from './calculate-files.js';
import { glossaryProblems, referralProblems } from './check-glossary.js';
import { checkFlows } from './check-flows.js';
import { FlowSchema, type Flow } from './flow-schema.js';
import {
  AspectsSchema,
  EmergencySchema,
  EntryFileSchema,
  GlossarySchema,
  ReferralsSchema,
  HotlinesSchema,
  MetaSchema,
  MatchingSchema,
  OutOfScopeSchema,
  ProblemFileSchema,
  SynonymsSchema,
  TopicsSchema,
  type EmergencyData,
  type Meta,
} from './schema.js';

/** Result of validating a knowledge directory without throwing. */
export interface KnowledgeCheck {
  knowledge?: KnowledgeBase;
  problems: KnowledgeProblem[];
  /** With `knowledge`: every file read, in order, with the digest of the bytes parsed (the snapshot's key). */
  files?: readonly FileDigest[];
  /** sources/manifest.yaml as read (also when other files have problems): what `check --json` lists. */
  sources?: readonly PinnedSource[];
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
  const flowFiles = listEntryFiles(dir, 'flows');
  for (const [folder, files] of [['entries/', entryFiles], ['problems/', problemFiles], ['flows/', flowFiles]] as const) {
    if (files.length > limits.maxEntryFiles) {
      return { problems: [{ file: folder, field: '(目录)', message: `有 ${files.length} 个文件,超过了 ${limits.maxEntryFiles} 个的上限` }] };
    }
  }
  const oversize = budget.precheck([...FIXED_FILES, ...entryFiles, ...problemFiles, ...flowFiles, ...listLawFiles(dir)]);
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
  const hazards = readYaml(budget, 'hazards.yaml', HazardsSchema, problems);
  const glossary = readYaml(budget, 'glossary.yaml', GlossarySchema, problems) ?? [];
  const referrals = readYaml(budget, 'referrals.yaml', ReferralsSchema, problems) ?? [];
  const facts = readFactContext(dir, meta, problems, budget);
  const manifest = readYaml(budget, MANIFEST_FILE, ManifestSchema, problems);

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
  const calculate = readCalculateKnowledge(budget, problems, new Set(entries.map((entry) => entry.id)));
  for (const topic of topics) {
    if (!entries.some((entry) => entry.topic === topic.id)) {
      problems.push({ file: 'topics.yaml', field: `id=${topic.id}`, message: '这个主题下没有任何答案', entry: topic.id });
    }
  }
  problems.push(...checkFacts(knowledgeOwners({ entries, topics, aspects, meta, emergency, glossary, referrals }), facts));
  problems.push(...glossaryProblems(glossary));
  problems.push(...referralProblems(referrals, facts.hotlines));
  if (emergency) {
    for (const { field, message } of emergencyPatternProblems(emergency)) problems.push({ file: 'emergency.yaml', field, message });
  }
  // A manifest that does not parse is its own problem; every source unpinned besides would bury it.
  if (manifest) problems.push(...checkManifest(manifest, pinnedFiles(meta, facts), budget.digests()));
  const flows: Flow[] = flowFiles.flatMap((file) => {
    const flow = readYaml(budget, file, FlowSchema, problems);
    return flow ? [{ ...flow, file }] : [];
  });
  problems.push(...checkFlows(flows, facts, calculate ? new Set(calculate.deadlines.rules.map((rule) => rule.id)) : undefined));

  if (emergency && hazards) problems.push(...hazardCategoryProblems(hazards, emergency));
  if (problems.length > 0 || !meta || !emergency || !matching || !privacy || !hazards || !manifest || !calculate || !localFacts) return { problems, sources: manifest ?? [] };
  return {
    problems,
    sources: manifest,
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
      hazards,
      glossary: [...glossary].sort((a, b) => b.term.length - a.term.length),
      // No undefined keys: the snapshot's JSON round trip must give back the same object.
      referrals: referrals.map((r) => {
        const name = facts.hotlines.find((h) => h.number === r.hotline)?.name;
        return name ? { ...r, hotlineName: name } : r;
      }),
      reportTitles: new Map(meta.sources.map((source) => [source.id, source.title])),
      sources: manifest,
      calculate,
      flows,
    },
  };
}

/** The files the manifest must pin: the report documents, the law texts (with their dates) and the registries the check trusts. */
function pinnedFiles(meta: Meta | undefined, facts: FactContext): SourceFile[] {
  return [
    ...(meta?.sources ?? []).map((source) => ({ file: source.file })),
    ...facts.laws.texts.map((law) => ({ file: law.file, date: law.version })),
    { file: 'hotlines.yaml' },
    { file: 'gazetteer.yaml' },
  ];
}

/**
 * Reads what the fact check compares against: hotlines.yaml, the law texts in sources/laws/,
 * the report documents meta.yaml lists, honesty.yaml and gazetteer.yaml (within `budget`: a
 * fresh one of `dir` by default), with `accepted` facts from another register (issue 24).
 * Problems with those files (and with the registries' own sources) go to `problems`.
 */
export function readFactContext(
  dir: string,
  meta: Meta | undefined,
  problems: KnowledgeProblem[],
  budget: ReadBudget = createReadBudget(dir),
  accepted: readonly AcceptedFact[] = [],
): FactContext {
  const hotlines = readYaml(budget, 'hotlines.yaml', HotlinesSchema, problems) ?? [];
  const words = readYaml(budget, 'honesty.yaml', HonestySchema, problems);
  const places = readYaml(budget, 'gazetteer.yaml', GazetteerSchema, problems) ?? [];
  const context = createFactContext(
    hotlines,
    readLaws(budget, dir, problems),
    meta ? readReports(budget, meta, problems) : [],
    words ? { words, places, placeNames: meta?.homePlaces ?? [], accepted } : undefined,
  );
  if (context.honesty) {
    for (const { field, message, text } of hotlineRegistryProblems(hotlines, context.honesty.terms)) {
      problems.push({ file: 'hotlines.yaml', field, message: `「${text}」${message}——规则:${FACT_RULES['hotline-registry']}`, text, rule: 'hotline-registry' });
    }
    const ids = new Set(accepted.map((fact) => fact.id));
    places.forEach((place, index) => {
      const owner = { file: 'gazetteer.yaml', id: place.name, texts: [], sources: place.source.flatMap((source) => (source.kind === 'local-fact' ? [] : [source])) };
      problems.push(...checkSources(owner, context));
      place.source.forEach((source, at) => {
        if (source.kind === 'local-fact' && !ids.has(source.ref)) {
          problems.push({ file: 'gazetteer.yaml', field: `[${index}](name=${place.name}).source[${at}].ref`, entry: place.name, text: source.ref, rule: 'place-source', message: `「${source.ref}」本地事实登记表里没有这一条——规则:${FACT_RULES['place-source']}` });
        }
      });
      const names = new Set(places.map((other) => other.name));
      place.at.forEach((parent, at) => {
        if (!names.has(parent)) problems.push({ file: 'gazetteer.yaml', field: `[${index}](name=${place.name}).at[${at}]`, entry: place.name, text: parent, rule: 'place-source', message: `「${parent}」不是 gazetteer.yaml 里登记的地名——规则:${FACT_RULES['place-source']}` });
      });
    });
  }
  return context;
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

/** Every kind of hazards.yaml names a category emergency.yaml has (its reply and safety line). */
function hazardCategoryProblems(hazards: HazardsData, emergency: EmergencyData): KnowledgeProblem[] {
  const known = new Set(emergency.categories.map((category) => category.id));
  return Object.entries(hazards.kinds)
    .filter(([, kind]) => !known.has(kind.category))
    .map(([name, kind]) => ({ file: 'hazards.yaml', field: `kinds.${name}.category`, message: `emergency.yaml 里没有类别「${kind.category}」` }));
}
