/**
 * A follow-up naming only an aspect ("那收费吗?") is answered for the topic or list at hand; one
 * opened with 那 / 还有 keeps to the topic at hand when an entry of it ranks close to the best.
 * The question's match is kept for the `match` step.
 */
import { idsOf, stateAfterAnswer } from '../../answer/dialog/choices.js';
import type { Entry } from '../../answer/knowledge/knowledge-base.js';
import type { Decision } from '../../answer/match/decide.js';
import type { MatchResult } from '../../answer/match/matcher.js';
import { entriesOfTopic, routeSays } from '../step-helpers/knowledge-facts.js';
import { maskForSession } from '../step-helpers/session-question.js';
import { step, type Step } from '../compose-steps.js';

/** Words that open a follow-up ("那…", "还有…") without changing what is asked. */
const FOLLOW_UP_LEAD = /^(?:那么|那(?![个些边里儿样时天年位家])|还有|另外|然后|再问一下|再问下|顺便问一下)[\s,]*/u;
/**
 * A follow-up opened with 那 / 还有 keeps to the topic at hand when an entry of it ranks this
 * close to the best ("还有网上能办什么" after 粤智助: 网上办事, not the online court).
 */
const SAME_TOPIC_MARGIN = 0.25;

export function followUp(): Step {
  return step('follow-up', async (ctx, next) => {
    const question = ctx.question ?? '';
    const lead = FOLLOW_UP_LEAD.test(question);
    const match = ctx.engine.match(question.replace(FOLLOW_UP_LEAD, '') || question);
    ctx.match = match;
    // "拖了一年多,打电话他都不接" names an aspect word (电话) but tells a trouble the message answers alone.
    const tellsTrouble = match.aspectOnly && isProblemAnswer(ctx.engine.decide(match));
    if (!match.aspectOnly || tellsTrouble) {
      const kept = lead ? sameTopic(match, ctx.state.topic, ctx.engine.thresholds.answer) : undefined;
      if (!kept) return next();
      const reply = ctx.engine.compose.answer(kept.entry, kept.confidence);
      ctx.next = stateAfterAnswer(kept.entry, reply);
      return ctx.finish(reply, 'follow-up.same-topic', `以「那/还有」接着问,「${kept.entry.topic}」的答案排名接近最前`);
    }
    const { byId } = ctx.engine.knowledge;
    const offered = (ctx.state.choices ?? [])
      .filter((id) => id.startsWith('e:'))
      .map((id) => byId.get(id.slice(2)))
      .filter((entry): entry is Entry => Boolean(entry));
    const topic = ctx.state.topic ?? sharedTopic(offered);
    ctx.note({ aspects: match.aspects, topic: topic ?? null, offered: offered.length });
    if (!topic && offered.length === 0) return next();
    const wanted = (entry: Entry) => match.aspects.includes(entry.aspect);
    const inTopic = entriesOfTopic(ctx.engine, topic).filter(wanted);
    const entry = offered.find(wanted) ?? (inTopic.length === 1 ? inTopic[0] : undefined);
    if (!entry && inTopic.length > 1) {
      // Several entries of the topic answer that aspect: the person picks.
      const clarify = ctx.engine.compose.clarify(inTopic.slice(0, 3), 1);
      ctx.next = { topic, choices: idsOf(clarify), asked: maskForSession(ctx) };
      return ctx.finish(clarify, 'follow-up.several', `「${topic}」有 ${inTopic.length} 条答案都讲「${match.aspects[0]}」`);
    }
    if (entry) {
      const reply = ctx.engine.compose.answer(entry, 1);
      ctx.next = stateAfterAnswer(entry, reply);
      return ctx.finish(reply, 'follow-up.aspect');
    }
    // After a problem's route ("那得到哪儿去办"): the route itself says where; its next steps say the rest.
    const routed = ctx.state.entryId ? ctx.engine.knowledge.byId.get(ctx.state.entryId) : undefined;
    const said = routeSays(routed, match.aspects);
    if (routed && said) {
      // "那要多久之内" after a route that lists its time limits: the route is the answer.
      const reply = ctx.engine.compose.answer(routed, 1);
      ctx.next = stateAfterAnswer(routed, reply);
      return ctx.finish(reply, 'follow-up.route-says', `「${routed.id}」的处理路径里就写了「${said}」`);
    }
    if (routed?.problem && offered.length > 0) {
      const clarify = ctx.engine.compose.clarify(offered.slice(0, 3), 1);
      ctx.next = { topic, entryId: routed.id, choices: idsOf(clarify), asked: maskForSession(ctx) };
      return ctx.finish(clarify, 'follow-up.next-steps', `「${routed.id}」的下一步里没有专讲「${match.aspects[0]}」的答案:列出下一步`);
    }
    const about = topic ?? (offered[0] as Entry).topic;
    ctx.next = { topic: about, lastKind: 'fallback' };
    ctx.finish(
      ctx.engine.compose.unknownAspect(about, match.aspects[0] as string),
      'follow-up.not-in-sources',
      `「${about}」没有「${match.aspects[0]}」方面的答案:资料里没有`,
    );
  });
}

/** The best entry of the topic at hand, when it ranks within {@link SAME_TOPIC_MARGIN} of the best and is sure enough. */
export function sameTopic(match: MatchResult, topic: string | undefined, answerAt: number): MatchResult['candidates'][number] | undefined {
  const top = match.candidates.find((candidate) => candidate.anchored);
  if (!topic || !top || top.entry.topic === topic) return undefined;
  const kept = match.candidates.find((candidate) => candidate.anchored && candidate.entry.topic === topic);
  return kept && kept.rank >= top.rank - SAME_TOPIC_MARGIN && kept.confidence >= answerAt ? kept : undefined;
}

function isProblemAnswer(decision: Decision): boolean {
  return decision.kind === 'answer' && decision.entry.problem !== undefined;
}

function sharedTopic(entries: Entry[]): string | undefined {
  const topics = new Set(entries.map((entry) => entry.topic));
  return topics.size === 1 ? [...topics][0] : undefined;
}
