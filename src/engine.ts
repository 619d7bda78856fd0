/**
 * The stateless part of the pipeline for one knowledge base: normalize → emergency check →
 * segment and rank → decide. Built once per knowledge base and swapped whole on reload.
 */
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import { decide, type Decision, type Thresholds } from './match/decide.js';
import { createMatcher, type MatchResult, type MatchTuning } from './match/matcher.js';
import type { TokenCache } from './match/token-cache.js';
import { createSafetyReader, type SafetyReader, type SafetyReading } from './safety/detect-emergency.js';
import type { Segmenter } from './segment/segmenter.js';
import { createComposer, type Composer } from './compose/compose-reply.js';
import { createNormalizer } from './text/normalize.js';
import { createToSimplified } from './text/to-simplified.js';
import { createGreetingStripper, createGreetingTest, createOnlyWordsTest, createPhraseTest } from './dialog/intents.js';
import { createElsewhereTest } from './dialog/elsewhere.js';
import { sanitize, truncate } from './text/sanitize.js';
import type { FeatureInput } from './model/featurize.js';
import type { LearnedModel, ModelReading } from './model/learned-model.js';
import { weighDanger, type WeighedDanger } from './safety/weigh-danger.js';
import type { ModelTraining } from './model/open-model.js';

/** Builds the learned model of an engine from how the engine reads texts (see model/open-model.ts). */
export type Learner = (training: ModelTraining) => LearnedModel | undefined;
import { createMasker, type Masker } from './privacy/mask.js';

/** A question this short naming no aspect ("法律援助", "公证呢") is a bare topic. */
const BARE_TOPIC_CHARS = 6;
/** A request for a person stands in a short message; a longer one is a question that mentions it. */
const HANDOFF_WITHIN_CHARS = 24;

/**
 * A message as the pipeline reads it: cleaned, cut, normalized. Personal data is not masked
 * here: masking changes meaning ("我是低保户"); it happens where text is logged or stored.
 */
export interface ReadMessage {
  /** Sanitized and cut, as the person wrote it. */
  text: string;
  truncated: boolean;
  normalized: string;
}

export interface Engine {
  knowledge: KnowledgeBase;
  /** Sanitize, cut to `maxChars`, normalize. */
  read(raw: string, maxChars: number): ReadMessage;
  thresholds: Thresholds;
  compose: Composer;
  normalize(text: string): string;
  /** Danger now, danger words told after the fact, and the question asked beside them. */
  readSafety(normalized: string): SafetyReading;
  /** The rules' safety reading with the learned model heard too (either may raise an emergency). */
  weighDanger(normalized: string): WeighedDanger;
  /** The safety lines of the categories whose danger words a message holds, in their order. */
  safetyLines(hazards: readonly string[]): string[];
  isGreeting(normalized: string): boolean;
  /** The other district or city a question asks about, if any. */
  elsewhere(normalized: string): string | undefined;
  stripGreeting(normalized: string): string;
  /** The small-talk id ("thanks", "who"…) of a message that is nothing but small talk. */
  smalltalk(normalized: string): { id: string; reply: string } | undefined;
  /** The message asks for a person (转人工). */
  asksForPerson(normalized: string): boolean;
  /** The message rejects the last reply ("不是", "没用"): after a fallback, a request for a person. */
  rejects(normalized: string): boolean;
  /** The learned model's reading of a normalized message; undefined without a model. */
  readModel(normalized: string): ModelReading | undefined;
  /** The learned model, when the engine has one. */
  readonly model?: LearnedModel;
  match(normalized: string): MatchResult;
  decide(match: MatchResult): Decision;
  /** Masks personal data in text about to be kept, shown to staff or logged; never before matching. */
  mask: Masker;
}

/**
 * One safety reader per emergency.yaml as loaded: engines built again over the same knowledge
 * (a measurement's folds) share its compiled patterns and the states RE2 has worked out.
 */
const readers = new WeakMap<KnowledgeBase['emergency'], SafetyReader>();
function safetyReaderOf(data: KnowledgeBase['emergency']): SafetyReader {
  let reader = readers.get(data);
  if (!reader) readers.set(data, (reader = createSafetyReader(data)));
  return reader;
}

/** Builds the engine: normalizer, emergency detector, index and composer. */
export function createEngine(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  thresholds: Thresholds,
  /** How the matching signals are fused; the measured default unless a benchmark sweeps it. */
  tuning?: MatchTuning,
  /** Tokens of knowledge-base texts from an earlier build (derived data; see token-cache.ts). */
  tokens?: TokenCache,
  /** Builds the learned second signal; none when unset (the rules and the matcher alone). */
  learn?: Learner,
): Engine {
  // One converter for reading and for masking (masking tags text in simplified characters).
  const toSimplified = createToSimplified();
  const normalize = createNormalizer(knowledge.synonyms, toSimplified);
  const matcher = createMatcher(knowledge, segmenter, { correctBelow: thresholds.answer, normalize, tuning, tokens });
  const readSafety = safetyReaderOf(knowledge.emergency);
  const lineOf = new Map(knowledge.emergency.categories.map((category) => [category.id, category.line]));
  // The model reads the text itself: the rules' regular expressions are too slow to run over
  // every training text (about 1 ms a text on RE2), and a learned signal apart from them is
  // what can catch what they miss.
  const featureInput = (normalized: string): FeatureInput => ({ text: normalized });
  const model = learn?.({
    read: (text) => featureInput(normalize(text)),
    kindOf: (text) => {
      const safety = readSafety(normalize(text));
      return safety.emergency?.category ?? safety.hazards[0];
    },
  });
  // Messages are normalized (唔该 → 请, 你系 → 你是): so are the words they are compared with, kept as written too.
  const both = (words: readonly string[]) => [...new Set(words.flatMap((word) => [word, normalize(word)]))];
  const greetings = both(knowledge.meta.greetings);
  const { smalltalk, handoff } = knowledge.meta;
  const smalltalkTests = smalltalk.map((talk) => ({ ...talk, test: createOnlyWordsTest(both(talk.words), greetings) }));
  const onlyAsksForPerson = createOnlyWordsTest(both(handoff.words), [...greetings, '请', '帮我', '我要', '我想', '给我']);
  const asksAnywhere = createPhraseTest(both(handoff.anywhere), HANDOFF_WITHIN_CHARS);
  const asksForPerson = (normalized: string) => onlyAsksForPerson(normalized) || asksAnywhere(normalized);
  const rejects = createOnlyWordsTest(both(handoff.rejections));
  const readable = [...knowledge.meta.homePlaces, ...knowledge.domainWords.map(({ word }) => word)];
  return {
    knowledge,
    read(raw, maxChars) {
      const { text, truncated } = truncate(sanitize(raw), maxChars);
      return { text, truncated, normalized: normalize(text) };
    },
    thresholds,
    compose: createComposer(knowledge),
    normalize,
    readSafety,
    weighDanger: (normalized) => {
      const rules = readSafety(normalized);
      return weighDanger(normalized, rules, rules.emergency ? undefined : model?.read(featureInput(normalized)), knowledge.matching.danger, knowledge.emergency);
    },
    safetyLines: (hazards) => hazards.flatMap((id) => lineOf.get(id) ?? []),
    // Around "可以提供哪些服务" people put 请问, 这个平台…: the asking words, not another question.
    isGreeting: createGreetingTest(greetings, ['请问', '打扰了', '打扰一下', '这个平台', '这个', '平台', '这里', '你们', '主要', '都', '一下', '的', '问题']),
    elsewhere: createElsewhereTest(knowledge.meta.homePlaces, (text) => segmenter.cut(text)),
    stripGreeting: createGreetingStripper(greetings),
    smalltalk(normalized) {
      const hit = smalltalkTests.find((talk) => talk.test(normalized));
      return hit ? { id: hit.id, reply: hit.reply } : undefined;
    },
    asksForPerson,
    rejects,
    model,
    readModel: (normalized) => model?.read(featureInput(normalized)),
    match: (normalized) => matcher.match(normalized),
    mask: createMasker(knowledge.privacy, { tagger: segmenter, simplify: toSimplified, readable }),
    decide: (match) => {
      const letters = match.question.replace(/[^\p{L}\p{N}]/gu, '');
      return decide(match.candidates, thresholds, {
        bare: match.aspects.length === 0 && letters.length <= BARE_TOPIC_CHARS,
        // "我想找律师" beside "律师": words the index drops still told the classifier something.
        saysMore: letters.length > match.tokens.join('').length,
      });
    },
  };
}
