/**
 * A question that carries or asks for a calculation gets the result: the figure, how it was
 * computed in one line, its articles, what would change it, with the articles as its source
 * line (`answer`, entry `calc.<rule>`). A missing or vague input is asked in one short question
 * (`clarify`), and the calculation waits in the session for the next message to answer it
 * ("2026年3月2日", "6000", "5号"). After a problem's route, "还来得及吗?" / "能拿多少?" is
 * computed for that problem (knowledge/calculate/questions.yaml `afterRoute`). A question that
 * names a calculation but gives none of its inputs ("劳动仲裁时效多长") is answered by the steps
 * after this one (the answer explaining the rule); only their fallback is replaced by the
 * question for the input. Today is the day in
 * 曲江区 of the turn's moment, which the bot's one clock gave.
 */
import { answerPending, calculateReading, pendingOf, readCalculationQuestion, readRouteFollowUp, type CalcOutcome, type PendingCalculation, type QuestionReading } from '../../answer/calculate/index.js';
import type { SessionState } from '../../answer/dialog/session-state.js';
import { localDate } from '../../service/time/local-date.js';
import { step, type Step } from '../compose-steps.js';
import type { TurnContext } from '../context.js';

/** How the calculation was reached, for `why`. */
type Via = 'question' | 'pending' | 'route';

/** The inputs a calculator asks for, in staff's words. */
const INPUT_SAID: Record<string, string> = { trigger: '起算日期', event: '起算日期', restart: '重新起算日期', wage: '月工资', service: '工作年限', start: '入职日期', end: '离职日期', signed: '签合同日期', left: '离职日期', amount: '金额' };

const VIA_SAID: Record<Via, string> = {
  question: '问题里问的',
  pending: '回答上一句追问',
  route: '接着上一个问题的处理路径追问',
};

/** The conversation's state without a pending calculation. */
function withoutPending({ calculation: _calculation, ...rest }: SessionState): SessionState {
  return rest;
}

/** The calculation this message asks for or answers, and how it was reached. */
function readTurn(ctx: TurnContext): { reading: QuestionReading; via: Via } | undefined {
  const text = ctx.question ?? '';
  const today = localDate(ctx.at);
  const { questions } = ctx.engine.knowledge.calculate;
  const asked = readCalculationQuestion(text, today, questions);
  if (asked) return { reading: asked, via: 'question' };
  const pending = ctx.state.calculation ? answerPending(ctx.state.calculation, text, today, questions) : undefined;
  if (pending) return { reading: pending, via: 'pending' };
  const route = readRouteFollowUp(text, today, questions, ctx.state.entryId);
  return route ? { reading: route, via: 'route' } : undefined;
}

const carries = (reading: QuestionReading) =>
  reading.vague !== undefined || Object.keys(reading.dates).length + Object.keys(reading.money).length + Object.keys(reading.durations).length > 0;

/** What the pending calculation keeps: its data, and its assumptions masked (they may quote the question). */
function maskPending(ctx: TurnContext, pending: PendingCalculation): PendingCalculation {
  return { ...pending, assumptions: pending.assumptions.map((assumption) => ctx.engine.mask(assumption)) };
}

/** For `why`: what was read, assumed and applied. */
function describe(outcome: CalcOutcome, reading: QuestionReading, via: Via) {
  return {
    calculation: reading.calculation.id,
    title: outcome.title,
    via: VIA_SAID[via],
    ...(reading.choice ? { rule: reading.choice } : {}),
    inputs: outcome.inputs.map((input) => `${input.name} ${input.value}`),
    assumptions: outcome.kind === 'result' ? outcome.assumptions : reading.assumptions,
    ...(outcome.kind === 'result' ? { how: outcome.how, articles: outcome.articles.map((citation) => `${citation.law.replace(/^中华人民共和国/u, '')}${citation.article}`) } : {}),
    ...(outcome.kind === 'ask' ? { missing: INPUT_SAID[outcome.missing] ?? outcome.missing } : {}),
    ...(outcome.kind === 'refuse' ? { refused: outcome.reason } : {}),
  };
}

/** A calculation is read only from words: a button, a vote or a sticker is not one (nor an answer to one). */
const readsText = (ctx: TurnContext) => ctx.message.kind === 'text' && (ctx.question ?? '').trim() !== '';

/** The step: a calculation this message asks for or answers, or the turn passed on. */
export function calculate(): Step {
  return step('calculate', readsText, async (ctx, next) => {
    const found = readTurn(ctx);
    if (!found) {
      // Whatever answers this message, a calculation no longer waits for it.
      if (ctx.state.calculation) ctx.next = withoutPending(ctx.next);
      return next();
    }
    const { reading, via } = found;
    if (via === 'question' && !carries(reading)) {
      // "劳动仲裁时效多长" asks for the rule: the answer explaining it (read in the conversation)
      // comes first, and a date given next is computed after it (afterRoute); only when nothing
      // in the knowledge base answers is the input asked for.
      if (ctx.state.calculation) ctx.next = withoutPending(ctx.next);
      await next();
      if (!ctx.trace.decision?.reason.startsWith('fallback.')) {
        ctx.note({ calculation: reading.calculation.id, left: ctx.reply?.entryId ?? ctx.reply?.kind ?? '' });
        return;
      }
    }
    const outcome = calculateReading(reading, localDate(ctx.at), ctx.engine.knowledge.calculate);
    const reply = ctx.engine.compose.calculation(outcome);
    if (via === 'question' && outcome.kind === 'ask' && carries(reading)) {
      // Part of the inputs given ("去年三月离职…还来得及吗"): the route or rule the steps after
      // give still comes first (what to do matters more than the day), and the one question for the
      // missing input follows it, waiting in the session; only where nothing answers is it alone.
      if (ctx.state.calculation) ctx.next = withoutPending(ctx.next);
      await next();
      const answered = ctx.reply;
      if (answered && answered.kind === 'answer') {
        ctx.reply = { ...answered, text: `${answered.text.trimEnd()}\n\n${reply.text}`, ...(reply.calculation ? { calculation: reply.calculation } : {}) };
        ctx.next = { ...ctx.next, calculation: maskPending(ctx, pendingOf(reading, outcome.missing)) };
        ctx.note({ ...describe(outcome, reading, via), answeredFirst: answered.entryId ?? answered.kind });
        return;
      }
    }
    // The problem at hand stays at hand: "能拿多少?" after the deadline is still about the dismissal.
    const kept: SessionState = { ...(ctx.state.topic ? { topic: ctx.state.topic } : {}), ...(ctx.state.entryId ? { entryId: ctx.state.entryId } : {}) };
    ctx.next = outcome.kind === 'ask' ? { ...kept, calculation: maskPending(ctx, pendingOf(reading, outcome.missing)) } : kept;
    const noted = describe(outcome, reading, via);
    ctx.note(noted);
    ctx.finish(reply, `calculate.${outcome.kind}`, () =>
      outcome.kind === 'ask'
        ? `按「${outcome.title}」计算(${noted.via}),缺少「${noted.missing ?? outcome.missing}」:问一句`
        : `按「${outcome.title}」计算(${noted.via}${reading.choice ? `,规则 ${reading.choice}` : ''})`,
    );
  });
}
