/**
 * A message read in its conversation, not alone. People tell a trouble over several messages
 * and ask on from an answer ("这笔钱还能要回来吗" after a fraud's route): what the conversation is
 * about names the topic the message itself leaves out.
 */
import type { Entry } from '../../answer/knowledge/knowledge-base.js';
import type { Decision } from '../../answer/match/decide.js';
import type { MatchResult } from '../../answer/match/matcher.js';
import type { TurnContext } from '../context.js';
import { entriesOfTopic, routeSays } from './knowledge-facts.js';

/** Below this decline posterior, a message that says nothing on its own may continue the last one. */
const NOT_DECLINED = 0.5;

/** Longest message read as a detail of a service's answer before it. */
const DETAIL_CHARS = 20;

/** How a message was read when not alone, as the reason code's second part. */
export type ReadVia = 'context' | 'story-so-far';

/** The reason in words, for `why`. */
export const READ_AS: Record<ReadVia, string> = {
  context: '单看这句话定不下来,按对话正在谈的事(上一个答案、它的主题或下一步)来读',
  'story-so-far': '单看这句话答不上,和上一个已回答的问题连起来读',
};

/**
 * The decision for a message in its conversation: alone when that answers outside what the
 * conversation is about; else with that context, else together with the question answered
 * just before it.
 */
export function readInConversation(ctx: TurnContext, match: MatchResult, alone: Decision): { match: MatchResult; decision: Decision; via?: ReadVia } {
  if (match.declined >= NOT_DECLINED) return { match, decision: alone };
  const inContext = withContext(ctx, match, alone);
  if (inContext) return { match, decision: inContext, via: 'context' };
  if (alone.kind !== 'fallback') return { match, decision: alone };
  const story = withStorySoFar(ctx);
  return story ? { ...story, via: 'story-so-far' } : { match, decision: alone };
}

/** What the conversation is about: the entry just answered, its topic's entries, a problem's next steps. */
function contextIds(ctx: TurnContext, answered: Entry | undefined): Set<string> {
  const ids = new Set<string>();
  if (answered) ids.add(answered.id);
  for (const id of ctx.state.choices ?? []) if (id.startsWith('e:')) ids.add(id.slice(2));
  if (answered && !answered.problem) for (const entry of entriesOfTopic(ctx.engine, answered.topic)) ids.add(entry.id);
  return ids;
}

/**
 * An entry of the conversation counts as named: kept when the message alone decides nothing,
 * or when it outranks the entry the message alone would answer.
 */
function withContext(ctx: TurnContext, match: MatchResult, alone: Decision): Decision | undefined {
  const answered = ctx.state.entryId ? ctx.engine.knowledge.byId.get(ctx.state.entryId) : undefined;
  // "那索赔最晚什么时候要告" after a route that lists its time limits: the route answers it.
  if (alone.kind !== 'answer' && answered && routeSays(answered, match.aspects)) {
    return { kind: 'answer', entry: answered, confidence: alone.confidence, reason: 'confident' };
  }
  const ids = contextIds(ctx, answered);
  if (ids.size === 0) return undefined;
  // Nothing of the conversation waits unnamed among the candidates: the message alone decides.
  if (!match.candidates.some((c) => !c.anchored && ids.has(c.entry.id))) return undefined;
  const candidates = match.candidates.map((c) => (!c.anchored && ids.has(c.entry.id) ? { ...c, anchored: true } : c));
  const read = ctx.engine.decide({ ...match, candidates });
  if (read.kind !== 'answer' || (alone.kind === 'answer' && (alone.entry.id === read.entry.id || !ids.has(read.entry.id)))) return undefined;
  return read;
}

/**
 * "老公出轨想离婚" then "我们有两个小孩,房子是婚后买的": a message that finds nothing on its own
 * is read together with the question answered just before it.
 */
function withStorySoFar(ctx: TurnContext): { match: MatchResult; decision: Decision } | undefined {
  const last = ctx.state.lastAnswer;
  const before = last?.question;
  if (!before) return undefined;
  // After a service's answer only a short detail continues it; a longer message is a new question.
  if (!ctx.engine.knowledge.byId.get(last.entryId)?.problem && (ctx.question ?? '').length > DETAIL_CHARS) return undefined;
  const told = ctx.engine.match(`${ctx.engine.normalize(before)},${ctx.question ?? ''}`);
  const read = ctx.engine.decide(told);
  return read.kind === 'answer' ? { match: told, decision: read } : undefined;
}
