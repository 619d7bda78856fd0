/**
 * "我在樟市镇,去哪里": answered by town from the register of local facts staff verified
 * (knowledge/local-facts.yaml); a town not filled in yet is said to be so. Facts past their
 * re-verification day are not given (the staff console lists them in 待处理).
 */
import { townAsked } from '../../answer/dialog/town-question.js';
import { townReply } from '../../answer/compose/town-reply.js';
import { dueFacts, townOffices } from '../../answer/knowledge/local-facts.js';
import { ErrorCodes } from '../../errors.js';
import { step, type Step } from '../compose-steps.js';

export function town(): Step {
  return step('town', async (ctx, next) => {
    const register = ctx.engine.knowledge.localFacts;
    const asked = townAsked(ctx.question ?? '', register);
    if (!asked) return next();
    const offices = new Set(townOffices(register, asked).map((office) => office.id));
    const expired = dueFacts(register, ctx.at).filter((fact) => offices.has(fact.officeId));
    if (expired.length > 0) {
      ctx.log.warn({ code: ErrorCodes.LOCAL_FACT_EXPIRED, offices: [...new Set(expired.map((fact) => fact.officeId))] }, '本地事实已过复核期限,没有回答给群众');
    }
    const reply = townReply(register, asked, ctx.at);
    ctx.next = { topic: ctx.state.topic, ...(reply.kind === 'fallback' ? { lastKind: 'fallback' as const } : {}) };
    ctx.note({ town: asked, expired: expired.length });
    ctx.finish(reply, reply.kind === 'answer' ? 'town.verified' : 'town.not-filled', `按镇回答:${asked}`);
  });
}
