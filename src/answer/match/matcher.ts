/**
 * Finds the knowledge entries closest to a normalized question: segment (search mode),
 * drop stopwords, rank with BM25, score confidence as covered IDF share, and favour the
 * entries whose aspect the question names. Typo correction runs only when the first pass
 * is unsure, so a confident question is never rewritten.
 */
import type { Entry, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Segmenter } from '../read/segment/segmenter.js';
import { createTermCorrector, type TermCorrector } from '../read/correct-terms.js';
import { anchorKey, createPhraseFinder, phraseAnchors, topicAnchors } from './topic-anchors.js';
import { Bm25Index, type IndexInput } from './bm25-index.js';
import { createNearest, weightQuery } from './sample-similarity.js';
import { createBuildTexts, createTerms } from './text-tokens.js';
import type { TokenCache } from './token-cache.js';
import { entryTexts, trainClassifierSteps } from './classifier.js';
import { runSteps, type Steps } from './build-in-steps.js';
import { lastClauses } from './last-clauses.js';
import { withoutFraming } from '../read/framing.js';
import { DEFAULT_TUNING, type Matcher, type MatchResult, type MatchTuning } from './match-types.js';

export { DEFAULT_TUNING, type Candidate, type Matcher, type MatchResult, type MatchTuning } from './match-types.js';
import { dropContainedUnknowns } from './contained-tokens.js';

const TITLE_WEIGHT = 2;
const KEYWORD_WEIGHT = 2;
const ASPECT_BONUS = 0.2;
/** Aspects a question must ask for their entry to fit it ("调解过,他不认" asks no cost). */
const UNASKED = new Set(['cost', 'deadline', 'materials', 'hours', 'pay']);
const UNASKED_PENALTY = 0.05;
/** Shares of the ranking key; tuned on the gold set, see `legal-bot why` for the parts. */
const WEIGHTS = { coverage: 0.45, nearest: 0.35, bm25: 0.2 };
/** Share of the nearest-question overlap in the confidence; the rest is coverage. */
const CONFIDENCE_NEAREST = 0.4;
/** Messages longer than this are also matched on their last clauses, where the question usually is. */
const LONG_MESSAGE = 40;
const TAIL_CHARS = 30;
/** When neither the whole story nor its last 30 characters read clearly: its last clauses of 15. */
const SHORT_TAIL_CHARS = 15;
const LONG_UNKNOWN_WEIGHT = 0.3;
/** A follow-up naming only an aspect is short ("那要带什么材料呢?"); longer text is a question of its own. */
const FOLLOW_UP_CHARS = 16;
/**
 * A question with the very words of one of an entry's sample questions is what staff wrote that
 * entry for: it outranks an entry the classifier merely leans to.
 */
const SAME_AS_SAMPLE = 0.999;
const SAMPLE_BONUS = 0.15;
/** One word ("我婆婆她……") tells the classifier too little to name a problem on its own. */
const CLASSIFIER_ANCHOR_TOKENS = 2;

type MatcherOptions = { correctBelow: number; normalize: (text: string) => string; tuning?: MatchTuning; tokens?: TokenCache };

/** Builds the index over titles, sample questions and keywords of every entry. */
export function createMatcher(knowledge: KnowledgeBase, segmenter: Segmenter, options: MatcherOptions): Matcher {
  return runSteps(matcherSteps(knowledge, segmenter, options));
}

/** {@link createMatcher} in steps: the index, the nearest questions, the classifier (in steps of its own), the anchors. */
export function* matcherSteps(knowledge: KnowledgeBase, segmenter: Segmenter, options: MatcherOptions): Steps<Matcher> {
  const tuning = options.tuning ?? DEFAULT_TUNING;
  const terms = createTerms(segmenter, knowledge.stopwords);
  const texts = createBuildTexts(terms, options.normalize, options.tokens);
  const indexed = (text: string) => texts.tokens(text);
  const indexTerms = (text: string) => indexed(text).terms;

  // One entry's document at a time, as the index reads them.
  const docs = function* (): Generator<IndexInput> {
    for (const entry of knowledge.entries) {
      yield {
        id: entry.id,
        tokens: [
          ...indexTerms(entry.title).map((token) => ({ token, weight: TITLE_WEIGHT })),
          ...entry.keywords.flatMap((keyword) => indexTerms(keyword).map((token) => ({ token, weight: KEYWORD_WEIGHT }))),
          ...entry.questions.flatMap((question) => indexTerms(question).map((token) => ({ token, weight: 1 }))),
        ],
      };
    }
  };
  const index = new Bm25Index(docs());
  yield;
  const nearest = createNearest(knowledge.entries, indexTerms, (token) => index.idf(token));
  yield;
  // One class per entry, then one per group of questions to decline (out-of-scope.yaml).
  const firstDecline = knowledge.entries.length;
  const classifier = yield* trainClassifierSteps(
    [
      ...knowledge.entries.map((entry) => entryTexts(entry, tuning.classifier.nameWeight)),
      ...[...knowledge.declines.values()].map((texts) => texts.map((text) => ({ text, weight: 1 }))),
    ],
    (text) => {
      const { normalized, terms: words } = indexed(text);
      return { words, text: normalized };
    },
    tuning.classifier,
  );
  const entryIndex = new Map(knowledge.entries.map((entry, i) => [entry.id, i]));
  const aspectWords = knowledge.aspects.map((aspect) => ({ id: aspect.id, words: aspect.words.map(options.normalize) }));
  const allAspectWords = [...new Set(aspectWords.flatMap((aspect) => aspect.words))].sort((a, b) => b.length - a.length);
  /** What is left of a question once its aspect words are taken out ("需要带哪些材料" → "需要"). */
  const withoutAspectWords = (normalized: string) =>
    allAspectWords.reduce((rest, word) => (rest.includes(word) ? rest.split(word).join(' ') : rest), normalized);
  const aspectSet = new Set(aspectWords.flatMap((aspect) => aspect.words));
  yield;
  const anchors = topicAnchors(knowledge, indexTerms, aspectSet);
  /** Words that name a topic or a problem: a follow-up has none left once its aspect words are out. */
  const subjectWords = new Set([...anchors.values()].flatMap((words) => [...words]));
  /** A question names an entry when it shares a word of the entry's topic (its anchors). */
  const findPhrases = createPhraseFinder(phraseAnchors(knowledge, indexed, aspectSet));
  yield;
  /** `phrased`: the groups the question names by a phrase, found once per question when first needed. */
  const names = (entry: Entry, tokens: readonly string[], phrased: () => ReadonlySet<string>) => {
    const key = anchorKey(entry);
    const words = anchors.get(key);
    if (words) for (const token of tokens) if (words.has(token)) return true;
    return phrased().has(key);
  };
  // A problem's two-character cues are everyday words (私了, 分开): as targets they would turn 死了 into 私了.
  const corrector: TermCorrector = createTermCorrector([
    ...knowledge.domainWords.map((word) => word.word),
    ...knowledge.entries.flatMap((entry) => (entry.problem ? entry.keywords.filter((cue) => cue.length > 2) : entry.keywords)),
  ], { isWord: (word) => index.has(word) || segmenter.isWord(word), cut: (text) => segmenter.cut(text) });
  // The build's tokens served it only; kept, every closure of this scope would hold them (29 MB at 10,000 entries).
  texts.release();

  /**
   * Query tokens in search mode, minus unknown parts of longer words: 七十多 / 七十 / 十多 are
   * one unknown idea, not three, so unknown words do not weigh several times.
   */
  const tokenize = (normalized: string) => {
    const raw = terms(normalized).filter((token) => token.length > 1 || index.has(token) || /\d/.test(token));
    return dropContainedUnknowns(raw, (token) => index.has(token));
  };

  const rankOnce = (normalized: string): Omit<MatchResult, 'corrections'> => {
    const tokens = tokenize(normalized);
    const aspects = aspectWords
      .filter((aspect) => aspect.words.some((word) => normalized.includes(word)))
      .map((aspect) => aspect.id);
    const aspectOnly =
      aspects.length > 0 &&
      normalized.length <= FOLLOW_UP_CHARS &&
      tokenize(withoutAspectWords(normalized)).every((token) => token.length === 1 || !subjectWords.has(token));
    // A long story is mostly narrative the knowledge base never needs: its unknown words count less.
    const hits = index.search(tokens, 12, normalized.length > LONG_MESSAGE ? LONG_UNKNOWN_WEIGHT : 1);
    const best = hits[0]?.score ?? 1;
    const { posterior, known, top } = classifier.classify({ words: tokens, text: normalized }, { k: tuning.classifierCandidates, among: firstDecline });
    // Reads like a question to decline: every entry's confidence shrinks accordingly.
    let declined = 0;
    for (let c = firstDecline; c < posterior.length; c += 1) declined += posterior[c] ?? 0;
    const keep = 1 - tuning.declineWeight * declined;
    const proposed = new Set(hits.map((hit) => hit.id));
    for (const i of top) {
      const entry = knowledge.entries[i];
      if (entry && (posterior[i] ?? 0) >= tuning.classifierFloor && !proposed.has(entry.id)) {
        hits.push({ id: entry.id, score: 0, coverage: 0 });
        proposed.add(entry.id);
      }
    }
    const query = weightQuery(tokens, (token) => index.idf(token));
    let phrasedGroups: ReadonlySet<string> | undefined;
    const phrased = () => (phrasedGroups ??= findPhrases(normalized));
    const candidates = hits
      .map((hit) => {
        const entry = knowledge.byId.get(hit.id) as Entry;
        // A problem's aspect is nominal; a question asking one aspect ("要带哪些证件",
        // "能不能申请") asks about a service rather than telling a situation.
        const bonus = entry.problem
          ? aspects.length > 0
            ? -tuning.problemAspectPenalty
            : 0
          : aspects.includes(entry.aspect)
            ? ASPECT_BONUS
            : aspects.length === 0 && UNASKED.has(entry.aspect)
              ? -UNASKED_PENALTY
              : 0;
        const near = nearest(hit.id, query);
        const learned = posterior[entryIndex.get(hit.id) ?? -1] ?? 0;
        const lexical = (1 - CONFIDENCE_NEAREST) * hit.coverage + CONFIDENCE_NEAREST * near;
        const share = tuning.classifierConfidence * known;
        const confidence = keep * ((1 - share) * lexical + share * learned);
        const rank =
          WEIGHTS.coverage * hit.coverage + WEIGHTS.nearest * near + WEIGHTS.bm25 * (hit.score / best) + tuning.classifierRank * learned + bonus +
          (near >= SAME_AS_SAMPLE ? SAMPLE_BONUS : 0);
        // How it names its topic: by a word of it, else (a problem only) by a sure classifier.
        // Two literals rather than a spread of the anchor fields: a spread in a literal is V8's slow copy.
        const by = names(entry, tokens, phrased)
          ? ('word' as const)
          : entry.problem !== undefined && tokens.length >= CLASSIFIER_ANCHOR_TOKENS && learned >= tuning.classifierAnchor && known >= tuning.classifierAnchorKnown
            ? ('classifier' as const)
            : undefined;
        const { score: bm25, coverage } = hit;
        return by
          ? { entry, bm25, coverage, nearest: near, classifier: learned, lexical, anchored: true, anchoredBy: by, confidence, rank }
          : { entry, bm25, coverage, nearest: near, classifier: learned, lexical, anchored: false, confidence, rank };
      })
      .sort((a, b) => b.rank - a.rank || a.entry.id.localeCompare(b.entry.id));
    return { question: normalized, tokens, aspects, aspectOnly, candidates, declined };
  };

  const bestConfidence = (result: Omit<MatchResult, 'corrections'>) =>
    result.candidates.find((candidate) => candidate.anchored)?.confidence ?? 0;
  /** Few shared words: the sign of a typo, whatever the classifier makes of the rest. */
  const bestLexical = (result: Omit<MatchResult, 'corrections'>) =>
    result.candidates.find((candidate) => candidate.anchored)?.lexical ?? 0;

  /** The whole message, or for a long story its closing question when that reads clearer. */
  const rankMessage = (normalized: string) => {
    const closing = normalized.length > TAIL_CHARS ? lastClauses(normalized, TAIL_CHARS) : normalized;
    // Over 30 characters, a message whose closing clauses are shorter than it (a run-on from voice
    // input cut to its last 30, or several clauses) is read like a long story.
    if (normalized.length <= LONG_MESSAGE && closing.length === normalized.length) return rankOnce(normalized);
    // The closing question usually suffices; the whole story is read only when it does not.
    const tail = rankOnce(closing);
    if (bestConfidence(tail) >= options.correctBelow) return tail;
    const whole = rankOnce(normalized);
    const better = bestConfidence(tail) > bestConfidence(whole) ? tail : whole;
    if (bestConfidence(better) >= options.correctBelow) return better;
    // Neither reads clearly: the story's closing words alone may ("…住了半个月院,公司说我是外包的,这个工伤找谁认定").
    const shorter = lastClauses(normalized, SHORT_TAIL_CHARS);
    if (shorter.length >= closing.length) return better;
    const last = rankOnce(shorter);
    return bestConfidence(last) > bestConfidence(better) ? last : better;
  };

  return {
    tokenize,
    match(normalized) {
      const framed = rankMessage(normalized);
      const question = withoutFraming(normalized);
      const unframed = question === undefined ? undefined : rankMessage(question);
      const first = unframed && bestConfidence(unframed) > bestConfidence(framed) ? unframed : framed;
      const firstConfidence = bestConfidence(first);
      // A long story is not rescued by fixing one typo, and correcting it costs the most there.
      if (bestLexical(first) >= options.correctBelow || normalized.length > LONG_MESSAGE) return { ...first, corrections: [] };
      const { text, corrections } = corrector(normalized);
      if (corrections.length === 0) return { ...first, corrections };
      const second = rankMessage(text);
      return bestConfidence(second) > firstConfidence
        ? { ...second, corrections }
        : { ...first, corrections: [] };
    },
  };
}
