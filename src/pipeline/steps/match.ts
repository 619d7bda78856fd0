/**
 * Everything no earlier step answered is matched against the knowledge base, read alone or in
 * its conversation, with the learned model heard; the decision is an answer, a clarify list,
 * another kind of reply the model named, or an honest fallback.
 */
import { idsOf, stateAfterAnswer } from '../../answer/dialog/choices.js';
import { CLOSE_MARGIN, type Decision } from '../../answer/match/decide.js';
import { weighModel, type ModelKind } from '../../answer/match/weigh-model.js';
import type { ModelReading } from '../../answer/model/learned-model.js';
import type { MatchResult } from '../../answer/match/matcher.js';
import { readInConversation, READ_AS } from '../step-helpers/conversation-reading.js';
import { aspectNoEntryHas } from '../step-helpers/knowledge-facts.js';
import { maskForSession } from '../step-helpers/session-question.js';
import { step, type Step } from '../compose-steps.js';
import type { TurnContext } from '../context.js';

const TOP_NOTED = 5;
/** Nearest-sample similarity at which the words are all a sample question's (IDF-weighted Jaccard 1, rounding aside): then the text is compared. */
const EXACT_SAMPLE = 0.999;

/** The message is, once normalized, one of `entry`'s sample questions (checked only where the words all match). */
function isOwnSampleQuestion(ctx: TurnContext, match: MatchResult, entry: { id: string; questions: readonly string[] }): boolean {
  const nearest = match.candidates.find((c) => c.entry.id === entry.id)?.nearest ?? 0;
  if (nearest < EXACT_SAMPLE) return false;
  const asked = ctx.read?.normalized ?? ctx.question ?? '';
  return entry.questions.some((question) => ctx.engine.normalize(question) === asked);
}

export function matchAndDecide(): Step {
  return step('match', async (ctx) => {
    const { engine } = ctx;
    const alone = ctx.match ?? engine.match(ctx.question ?? '');
    const read = readInConversation(ctx, alone, engine.decide(alone));
    const { match, via } = read;
    // A reading in the conversation is the conversation's; the model reads the message alone.
    // A question that is one of the answer's own sample questions, word for word, is staff's
    // explicit routing: the model (which may predate the edit that added it) is not heard on it.
    const staffWrote = read.decision.kind === 'answer' && isOwnSampleQuestion(ctx, match, read.decision.entry);
    const reading = via || staffWrote ? undefined : engine.readModel(ctx.read?.normalized ?? ctx.question ?? '');
    const weighed = weighModel(read.decision, reading, engine.model?.classes ?? [], engine.knowledge.byId, engine.knowledge.matching.intent, match.aspectOnly);
    ctx.note(() => ({ ...describeMatch(match, read.decision, engine.thresholds), ...describeModel(reading, engine.model?.classes ?? []) }));
    if (weighed.kind === 'reply') return replyOfKind(ctx, weighed.reply, weighed.probability);
    const decision: Decision =
      weighed.kind === 'entry'
        ? { kind: 'answer', entry: weighed.entry, confidence: weighed.probability, reason: 'confident' }
        : weighed.kind === 'clarify'
          ? { kind: 'clarify', options: weighed.options, confidence: weighed.probability, reason: 'close-rivals' }
          : weighed.decision;
    const code = weighed.kind === 'kept' ? undefined : weighed.reason;
    const detail = () => (code ? `${MODEL_READS[code]};` : '') + explainDecision(read.decision, match, engine.thresholds);
    const unanswerable = decision.kind === 'answer' && !decision.entry.problem ? aspectNoEntryHas(ctx, match, decision.entry) : undefined;
    if (decision.kind === 'answer' && unanswerable) {
      // The question asks what no source gives (opening hours…): say so rather than answer around it.
      ctx.next = { topic: decision.entry.topic, lastKind: 'fallback' };
      return ctx.finish(
        engine.compose.unknownAspect(decision.entry.topic, unanswerable),
        'fallback.aspect-not-in-sources',
        `问的是「${unanswerable}」,知识库里没有任何答案讲这一点`,
      );
    }
    if (decision.kind === 'answer') {
      const { entry } = decision;
      const reply = engine.compose.answer(entry, decision.confidence);
      ctx.next = stateAfterAnswer(entry, reply);
      const reason = code ? `answer.${code}` : via ? `answer.${via}` : `answer.${decision.reason}`;
      return ctx.finish(reply, reason, via ? () => `${READ_AS[via]};${detail()}` : detail);
    }
    ctx.nearest = decision.kind === 'clarify' ? decision.options[0]?.id : decision.closest?.id;
    if (decision.kind === 'clarify') {
      const clarify = engine.compose.clarify(decision.options, decision.confidence);
      ctx.next = { topic: ctx.state.topic, choices: idsOf(clarify), asked: maskForSession(ctx) };
      return ctx.finish(clarify, code ? `clarify.${code}` : `clarify.${decision.reason}`, detail);
    }
    // A question off the subject ("明天会下雨吗") does not end the conversation's trouble: its entry stays at hand.
    ctx.next = { topic: ctx.state.topic, ...(ctx.state.entryId ? { entryId: ctx.state.entryId } : {}), lastKind: 'fallback' };
    ctx.finish(engine.compose.fallback(decision.confidence), `fallback.${decision.reason}`, detail);
  });
}

/** What the model changed, in staff's words. */
const MODEL_READS: Record<string, string> = {
  'model.rescue': '匹配没有把握,学习模型很确定是这一条',
  'model.clarified': '匹配列了几条,学习模型很确定是其中这一条',
  'model.override': '学习模型很确定是另一条,而几乎不认为是匹配选的那条',
  'model.disagrees': '学习模型认为是另一条:两条都列出来请对方选,不猜',
  'model.kind': '学习模型认为这不是法律问题而是另一类消息',
};

/** The reply the model named instead of an entry: the menu, small talk, a person, or an honest decline. */
function replyOfKind(ctx: TurnContext, kind: ModelKind, probability: number): void {
  const { compose } = ctx.engine;
  const detail = `${MODEL_READS['model.kind']}(${kind},${probability.toFixed(2)})`;
  switch (kind) {
    case 'menu': {
      const menu = compose.menu();
      ctx.next = { ...ctx.state, choices: idsOf(menu) };
      return ctx.finish(menu, 'menu.model', detail);
    }
    case 'smalltalk':
      return ctx.finish(compose.smalltalk(ctx.engine.knowledge.meta.messages.smalltalkDefault), 'smalltalk.model', detail);
    case 'handoff':
      ctx.next = { topic: ctx.state.topic };
      return ctx.finish(compose.handoff(ctx.message.capabilities?.handoff === true), 'handoff.model', detail);
    case 'fallback':
      ctx.next = { topic: ctx.state.topic, ...(ctx.state.entryId ? { entryId: ctx.state.entryId } : {}), lastKind: 'fallback' };
      return ctx.finish(compose.fallback(probability), 'fallback.model', detail);
  }
}

/** The model's two likeliest classes, for `why`. */
function describeModel(reading: ModelReading | undefined, classes: readonly string[]): Record<string, unknown> {
  if (!reading) return {};
  const ranked = [...reading.probabilities].map((p, k) => ({ id: classes[k], p })).sort((a, b) => b.p - a.p);
  return { model: ranked.slice(0, 2).map(({ id, p }) => `${id} ${p.toFixed(2)}`) };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

function describeMatch(match: MatchResult, decision: Decision, thresholds: { answer: number; clarify: number }) {
  return {
    matched: match.question,
    tokens: match.tokens,
    corrections: match.corrections.map((c) => `${c.from}→${c.to}`),
    aspects: match.aspects,
    thresholds,
    candidates: match.candidates.slice(0, TOP_NOTED).map((c) => ({
      entry: c.entry.id,
      title: c.entry.title,
      confidence: round(c.confidence),
      coverage: round(c.coverage),
      nearest: round(c.nearest),
      classifier: round(c.classifier),
      bm25: round(c.bm25),
      rank: round(c.rank),
      anchored: c.anchored,
      ...(c.anchoredBy ? { anchoredBy: c.anchoredBy } : {}),
    })),
    decided: decision.kind,
  };
}

/** The decision in words for staff: what to change in the knowledge base to change it. */
function explainDecision(decision: Decision, match: MatchResult, thresholds: { answer: number; clarify: number }): string {
  const best = match.candidates.find((c) => c.anchored);
  switch (decision.reason) {
    case 'no-candidate':
      return '没有任何答案与问题有共同的词:如果应该能答,请把这种问法加为某条答案的示例问题';
    case 'no-anchor':
      return `有共同的词,但没有候选答案含其主题的词(最接近:${match.candidates[0]?.entry.id}):如属该主题,请为主题加一个主题词或关键词`;
    case 'low-confidence':
      return `最接近的是 ${best?.entry.id},把握度 ${best?.confidence.toFixed(3)} 低于追问门槛 ${thresholds.clarify},只覆盖问题的 ${pct(best?.coverage ?? 0)}`;
    case 'bare-topic':
      return '只说了主题,没说想问哪方面:列出该主题的答案让对方选';
    case 'close-rivals':
      return `几个答案的得分相差不到 ${CLOSE_MARGIN},请对方选`;
    case 'middle-band':
      return `最接近的 ${best?.entry.id} 把握度 ${best?.confidence.toFixed(3)} 在追问门槛 ${thresholds.clarify} 和回答门槛 ${thresholds.answer} 之间`;
    case 'confident':
      return `把握度 ${best?.confidence.toFixed(3)} 达到回答门槛 ${thresholds.answer},覆盖问题的 ${pct(best?.coverage ?? 0)}`;
  }
}

function round(value: number): number {
  return Number(value.toFixed(3));
}
