import type { CalculateKnowledge } from '../calculate/index.js';
import type { DomainWord } from '../read/segment/segmenter.js';
import type { LocalFacts } from './local-facts-schema.js';
import type { HazardsData } from './hazards-schema.js';
import type { Flow } from './flow-schema.js';
import type { PrivacyRules } from './privacy-schema.js';
import type { PinnedSource } from './source-manifest.js';
import type { Aspect, EmergencyData, EntryData, GlossaryTerm, MatchingSettings, Meta, ProblemData, Referral, Topic } from './schema.js';

/** The topic under which problems are listed and matched. */
export const PROBLEMS_TOPIC = 'problems';

/**
 * One answer of the knowledge base, with the file it came from. A problem is an entry too
 * (topic {@link PROBLEMS_TOPIC}: situations as questions, cues as keywords, its route as the
 * answer, `next` as related), so every matcher and step serves both; `problem` keeps its parts.
 */
export interface Entry extends EntryData {
  file: string;
  problem?: ProblemData;
}

/** The whole validated knowledge base, read-only once loaded. */
export interface KnowledgeBase {
  dir: string;
  meta: Meta;
  topics: Topic[];
  aspects: Aspect[];
  entries: Entry[];
  byId: ReadonlyMap<string, Entry>;
  emergency: EmergencyData;
  /** hazards.yaml: the danger lexicon (words by kind, markers, ambiguous readings). */
  hazards: HazardsData;
  /** matching.yaml: how the learned signal is built and trusted. */
  matching: MatchingSettings;
  domainWords: DomainWord[];
  /** Colloquial or variant form → standard form. */
  synonyms: ReadonlyMap<string, string>;
  stopwords: ReadonlySet<string>;
  /** Questions the bot must decline (out-of-scope.yaml), by group; the matcher learns each group as a class. */
  declines: ReadonlyMap<string, readonly string[]>;
  /** The word lists masking reads (privacy.yaml). */
  privacy: PrivacyRules;
  /** local-facts.yaml: the register of local facts staff verified (read a day's facts with local-facts.ts). */
  localFacts: LocalFacts;
  /** Legal terms with their plain explanations (glossary.yaml), longest term first so 非诉讼事项 wins over 诉讼事项. */
  glossary: readonly GlossaryTerm[];
  /** Offices that handle what the bot cannot answer (referrals.yaml), with their hotline's name. */
  referrals: readonly (Referral & { hotlineName?: string })[];
  /** Report title by report source id, for source lines. */
  reportTitles: ReadonlyMap<string, string>;
  /** sources/manifest.yaml: each source file pinned by its checksum, with its official version and its review. */
  sources: readonly PinnedSource[];
  /** The calculators' data (knowledge/calculate/): holidays, deadline rules, local figures, court fees, question cues. */
  calculate: CalculateKnowledge;
  /** The guided flows (flows/*.yaml), checked. */
  flows: readonly Flow[];
}

/** One thing wrong in the knowledge base, named by file and field, said in Chinese for staff. */
export interface KnowledgeProblem {
  file: string;
  /** Where in the file, e.g. `id=legal-aid.where.answer` or `[3](id=x).questions`. */
  field: string;
  message: string;
  /** Id of the entry (topic, category, …) at fault, when there is one. */
  entry?: string;
  /** The offending text itself, e.g. `0751-8888888`. */
  text?: string;
  /** Stable id of the rule broken (see fact-rules.ts), e.g. `number-unsourced`. */
  rule?: string;
  /** The rule's stable code (src/errors.ts KnowledgeRuleCodes), e.g. `QLB_RULE_NUMBER_UNSOURCED`; set by `check`. */
  code?: string;
}

/** Formats a problem as `file: field: message`. */
export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}: ${problem.field}: ${problem.message}`;
}

/** Problems shown at most in a log line or an error message; `check` lists them all. */
export const BRIEF_PROBLEMS = 20;
const BRIEF_CHARS = 300;

/**
 * The first {@link BRIEF_PROBLEMS} formatted problems, each cut to a few hundred characters,
 * and a last line saying how many more there are: a log line stays short however broken the
 * folder (a 10 MB file once made a 56 MB log line).
 */
export function briefProblems(formatted: string[]): string[] {
  const cut = formatted.slice(0, BRIEF_PROBLEMS).map((line) => (line.length > BRIEF_CHARS ? `${line.slice(0, BRIEF_CHARS)}…` : line));
  return formatted.length > BRIEF_PROBLEMS ? [...cut, `……另有 ${formatted.length - BRIEF_PROBLEMS} 个问题(运行 legal-bot check 查看全部)`] : cut;
}
