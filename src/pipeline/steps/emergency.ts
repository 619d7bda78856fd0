/**
 * Danger first, before the conversation's state, the rate limit or anything else is read: no
 * limit, pending list, handoff or store fault can stop or delay it. Danger now gets its
 * category's reply (the number to call leading) with any legal question asked beside it
 * answered below; danger words told after the fact put their safety line on top of whatever
 * the later steps answer.
 */
import { withSafetyLines } from '../../answer/compose/safety-reply.js';
import type { WeighedDanger } from '../../answer/safety/weigh-danger.js';
import type { Reply } from '../../types.js';
import { step, type Step } from '../compose-steps.js';
import type { TurnContext } from '../context.js';

export function emergency(): Step {
  return step('emergency', async (ctx, next) => {
    const reading = ctx.engine.weighDanger(ctx.read?.normalized ?? '');
    ctx.note(() => describe(reading));
    const hit = reading.emergency;
    if (hit) {
      const answer = answerBeside(ctx, reading.rest);
      ctx.finish(
        ctx.engine.compose.emergency(hit.reply, answer),
        `emergency.${hit.category}`,
        () => (answer?.entryId ? `同一条消息里还问了法律问题,答案 ${answer.entryId} 放在急救电话之后` : ''),
      );
      return;
    }
    await next();
    if (reading.hazards.length === 0 || !ctx.reply) return;
    ctx.reply = withSafetyLines(ctx.reply, ctx.engine.safetyLines(reading.hazards));
  });
}

/** The answer to what the clauses without danger words ask, when the knowledge base answers it outright. */
function answerBeside(ctx: TurnContext, rest: string): Reply | undefined {
  const { engine } = ctx;
  const question = engine.stripGreeting(rest);
  if (question.replace(/[^\p{L}\p{N}]/gu, '').length < engine.knowledge.emergency.besideQuestionMinChars) return undefined;
  const decision = engine.decide(engine.match(question));
  return decision.kind === 'answer' ? engine.compose.answer(decision.entry, decision.confidence, true) : undefined;
}

const VETO_WORDS = { past: '过去/经常/假设', aftermath: '事后', over: '已经过去' } as const;

function describe(reading: WeighedDanger): Record<string, unknown> {
  return {
    ...(reading.model !== undefined ? { model: Number(reading.model.toFixed(3)) } : {}),
    category: reading.emergency?.category ?? null,
    by: reading.emergency?.by ?? null,
    hazards: reading.hazards,
    ...(reading.words ? { kinds: reading.words.kinds, markers: reading.words.markers } : {}),
    vetoes: reading.vetoes.map((veto) => `${veto.clause}(${VETO_WORDS[veto.by]})`),
    ...(reading.emergency && reading.rest ? { beside: reading.rest } : {}),
  };
}
