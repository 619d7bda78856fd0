/**
 * The stateless part of the pipeline for one knowledge base: normalize → emergency check →
 * segment and rank → decide. Built once per knowledge base and swapped whole on reload.
 */
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import { decide, type Decision, type Thresholds } from './match/decide.js';
import { matcherSteps, type MatchResult, type MatchTuning } from './match/matcher.js';
import { runSteps, type Steps } from './match/build-in-steps.js';
import type { TokenCache } from './match/token-cache.js';
import { safetyReaderFor, type SafetyReading } from './safety/detect-emergency.js';
import type { Segmenter } from './read/segment/segmenter.js';
import { createComposer, type Composer } from './compose/compose-reply.js';
import { createNormalizer } from './read/normalize.js';
import { createToSimplified } from './read/to-simplified.js';
import { createGreetingStripper, createGreetingTest, createOnlyWordsTest, createPhraseTest, parsePick } from './dialog/intents.js';
import { createElsewhereTest } from './dialog/elsewhere.js';
import { sanitize, truncate } from './read/sanitize.js';
import { modelInput, modelTrainingFor } from './model-input.js';
import { lexiconFor } from './safety/hazard-lexicon.js';
import type { LearnedModel, ModelReading } from './model/learned-model.js';
import { weighDanger, type WeighedDanger } from './safety/weigh-danger.js';
import type { ModelTraining } from './model/open-model.js';

/** Builds the learned model of an engine from how the engine reads texts (see model/open-model.ts). */
export type Learner = (training: ModelTraining) => LearnedModel | undefined;
import { createMasker, type Masker } from './privacy/mask.js';
import { createFlows, type Flows } from './flows/flows.js';
import { formatSourceLine } from './compose/source-line.js';

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
  /** The guided flows (knowledge/flows/): which a message starts, and a turn inside one. */
  flows: Flows;
}

/** One slot per part: the latest built, by the JSON of its input. */
const latestParts = new Map<string, { key: string; part: unknown }>();

/**
 * The part `make` builds from `input`, reused while `input` is what the latest build of that
 * part had: a reload that changes neither the synonyms nor emergency.yaml (a sample question
 * added) rebuilds only the index, so the swap holds residents up the least. Both parts are
 * pure functions of their input, so one may serve two engines.
 */
function reused<T>(slot: string, input: unknown, make: () => T): T {
  const key = JSON.stringify(input);
  const latest = latestParts.get(slot);
  if (latest?.key === key) return latest.part as T;
  const part = make();
  latestParts.set(slot, { key, part });
  return part;
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
  return runSteps(engineSteps(knowledge, segmenter, thresholds, tuning, tokens, learn));
}

/** {@link createEngine} in steps (match/build-in-steps.ts), for a build on the thread that answers. */
export function* engineSteps(
  knowledge: KnowledgeBase,
  segmenter: Segmenter,
  thresholds: Thresholds,
  tuning?: MatchTuning,
  tokens?: TokenCache,
  learn?: Learner,
): Steps<Engine> {
  // One converter for reading and for masking (masking tags text in simplified characters).
  const toSimplified = reused('simplifier', null, () => createToSimplified());
  const normalize = reused('normalizer', [...knowledge.synonyms], () => createNormalizer(knowledge.synonyms, toSimplified));
  yield;
  const matcher = yield* matcherSteps(knowledge, segmenter, { correctBelow: thresholds.answer, normalize, tuning, tokens });
  yield;
  const lexicon = reused('lexicon', [knowledge.hazards, [...knowledge.synonyms]], () => lexiconFor(knowledge.hazards, normalize));
  const readSafety = reused('safety', [knowledge.emergency, knowledge.hazards, [...knowledge.synonyms]], () => safetyReaderFor(knowledge.emergency, lexicon));
  const lineOf = new Map(knowledge.emergency.categories.map((category) => [category.id, category.line]));
  const model = learn?.(modelTrainingFor(knowledge, normalize));
  yield;
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
  // Around "可以提供哪些服务" people put 请问, 这个平台…: the asking words, not another question.
  const isGreeting = createGreetingTest(greetings, ['请问', '打扰了', '打扰一下', '这个平台', '这个', '平台', '这里', '你们', '主要', '都', '一下', '的', '问题']);
  const smalltalkOf = (normalized: string) => smalltalkTests.find((talk) => talk.test(normalized));
  const mask = createMasker(knowledge.privacy, { tagger: segmenter, simplify: toSimplified, readable });
  const flows = createFlows(knowledge.flows, {
    calculate: knowledge.calculate,
    mask,
    sourceLine: (sources) => formatSourceLine(knowledge.meta.messages.sourcePrefix, sources, knowledge.meta.sources[0]?.title ?? ''),
    helper: knowledge.matching.helper,
  });
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
      // A bare pick ("第一个", "2") has nothing for the model to read: it once put a medical line on 第一个.
      const learned = rules.emergency || parsePick(normalized) !== undefined ? undefined : model?.read(modelInput(normalized, lexicon));
      const otherwiseClear = learned !== undefined && (asksForPerson(normalized) || isGreeting(normalized) || smalltalkOf(normalized) !== undefined);
      return weighDanger(normalized, rules, learned, knowledge.matching.danger, knowledge.emergency, { otherwiseClear });
    },
    safetyLines: (hazards) => hazards.flatMap((id) => lineOf.get(id) ?? []),
    isGreeting,
    elsewhere: createElsewhereTest(knowledge.meta.homePlaces, (text) => segmenter.cut(text)),
    stripGreeting: createGreetingStripper(greetings),
    smalltalk(normalized) {
      const hit = smalltalkOf(normalized);
      return hit ? { id: hit.id, reply: hit.reply } : undefined;
    },
    asksForPerson,
    rejects,
    model,
    readModel: (normalized) => model?.read(modelInput(normalized, lexicon)),
    match: (normalized) => matcher.match(normalized),
    mask,
    flows,
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
