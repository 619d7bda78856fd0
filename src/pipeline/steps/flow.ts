/**
 * Guided flows (issue 22): a conversation inside a flow has its message read as an answer to
 * the step it stands at (a number, a choice's words, a date or an amount, 上一步, 修改, 退出);
 * a message that is no answer leaves the flow politely — it is answered by the steps after
 * this one, and the reply says "继续" comes back to it. A flow starts from its words
 * ("我能不能申请法律援助"), from its button (under answers that name it, in the menu) or from
 * its number in the menu. Danger never reaches this step: `emergency` answered it first, and
 * the flow waits where it stood.
 */
import { parsePick } from '../../answer/dialog/intents.js';
import { decodeFlowId, isFlowId, controlId } from '../../answer/flows/flow-ids.js';
import type { FlowTurn } from '../../answer/flows/flows.js';
import { FLOW_WORDS } from '../../answer/flows/flows.js';
import type { Flow } from '../../answer/knowledge/flow-schema.js';
import type { Reply } from '../../types.js';
import { step, type Step } from '../compose-steps.js';
import type { TurnContext } from '../context.js';

export function flow(): Step {
  return step('flow', async (ctx, next) => {
    const { flows } = ctx.engine;
    if (flows.list.length === 0) return next();
    const progress = ctx.state.flow;
    const voice = { helper: Boolean(ctx.state.helper) };
    const buttonId = ctx.message.kind === 'choice' && isFlowId(ctx.message.choiceId) ? ctx.message.choiceId : undefined;
    const text = ctx.message.kind === 'text' ? (ctx.question ?? '') : undefined;
    const cue = text !== undefined ? flows.helperCue(text) : undefined;
    if (cue) return switchHelper(ctx, cue === 'toggle' ? !ctx.state.helper : cue === 'on');

    // A flow's button, or its number in the open list (the menu), or its words: start it.
    const picked = text !== undefined ? pickedFlowId(ctx, text) : undefined;
    const startId = [buttonId, picked].map((id) => (id ? decodeFlowId(id) : undefined)).find((b) => b?.kind === 'control' && b.control === 'start');
    const started = startId ? flows.byId(startId.flow) : text !== undefined && !progress ? flows.startedBy(text) : undefined;
    if (started && (!progress || progress.paused || startId)) return finishTurn(ctx, flows.start(started, voice), 'flow.start');

    if (progress && (buttonId || text !== undefined)) {
      const turn = flows.turn(progress, buttonId ? { buttonId } : { normalized: text }, ctx.at, voice);
      if (turn !== 'question') return finishTurn(ctx, turn, `flow.${turn.reply.flow?.event ?? 'ask'}`);
      if (!progress.paused) {
        // Not an answer: a new question. The flow waits; the steps after this one answer it.
        ctx.note({ left: progress.id });
        await next();
        keep(ctx, { ...progress, paused: true }, FLOW_WORDS.left);
        return;
      }
    }
    // A button of a flow that is over (or of another conversation's): start that flow again.
    if (buttonId && !progress) {
      const button = decodeFlowId(buttonId);
      const again = button ? flows.byId(button.flow) : undefined;
      if (again) return finishTurn(ctx, flows.start(again, voice), 'flow.restart');
    }
    await next();
    // A command (菜单) or a button of another list inside a flow leaves it for now, as a new question does.
    const leaves = Boolean(progress && !progress.paused && ctx.message.kind !== 'text');
    keep(ctx, leaves && progress ? { ...progress, paused: true } : progress, leaves ? FLOW_WORDS.left : undefined);
    offer(ctx);
    listInMenu(ctx);
  });
}

/**
 * 法律明白人 mode on or off (matching.yaml `helper`): said so, and a flow under way is asked
 * again in the new voice. Only the switch is kept, nothing about the person helped.
 */
function switchHelper(ctx: TurnContext, on: boolean): void {
  const said = on ? FLOW_WORDS.helperOn : FLOW_WORDS.helperOff;
  const progress = ctx.state.flow;
  const turn = progress ? ctx.engine.flows.resume(progress, { helper: on }, said) : undefined;
  if (turn) {
    finishTurn(ctx, turn, on ? 'flow.helper-on' : 'flow.helper-off');
    ctx.next = { ...ctx.next, helper: on };
    return;
  }
  ctx.asked = undefined;
  ctx.next = { ...ctx.state, helper: on };
  ctx.note({ helper: on });
  ctx.finish({ kind: 'smalltalk', text: said }, on ? 'flow.helper-on' : 'flow.helper-off');
}

/** The main menu lists the flows after its topics, numbered on, so a digit or a button starts one. */
function listInMenu(ctx: TurnContext): void {
  const reply = ctx.reply;
  if (reply?.kind !== 'menu' || !reply.choices?.length || !reply.choices.every((c) => c.id.startsWith('t:'))) return;
  const listed = ctx.engine.flows.list.filter((f) => f.menu);
  if (listed.length === 0) return;
  const added = listed.map((f, i) => ({ n: reply.choices!.length + i + 1, label: f.menu as string, id: controlId(f.id, 'start') }));
  reply.text = `${reply.text}\n${FLOW_WORDS.menuHead}\n${added.map((c) => `${c.n}. ${c.label}`).join('\n')}`;
  reply.choices = [...reply.choices, ...added];
  ctx.next = { ...ctx.next, choices: reply.choices.map((c) => c.id) };
}

/** The flow id a typed number picks from the open list (the menu lists flows after its topics). */
function pickedFlowId(ctx: TurnContext, text: string): string | undefined {
  if (ctx.state.flow && !ctx.state.flow.paused) return undefined;
  const n = parsePick(text);
  const id = n === undefined ? undefined : ctx.state.choices?.[n - 1];
  return isFlowId(id) ? id : undefined;
}

/** A reply of the flow; what the conversation remembers after it: the progress (none when the flow is over). */
function finishTurn(ctx: TurnContext, turn: FlowTurn, reason: string): void {
  // An answer to a flow's question is no question to keep for review.
  ctx.asked = undefined;
  const { flow: _flow, choices: _choices, ...rest } = ctx.state;
  ctx.next = { ...rest, ...(turn.progress ? { flow: turn.progress } : {}), ...(turn.reply.choices ? { choices: turn.reply.choices.map((c) => c.id) } : {}) };
  ctx.note({ flow: turn.reply.flow?.id ?? null, step: turn.reply.flow?.step ?? null, event: turn.reply.flow?.event ?? null });
  ctx.finish(turn.reply, reason);
}

/**
 * After the other steps answered: the flow (paused, or untouched by an emergency) and the
 * helper mode carried on whatever state they chose; a paused flow says how to come back.
 */
function keep(ctx: TurnContext, progress: TurnContext['state']['flow'], note: string | undefined): void {
  if (!progress && ctx.state.helper === undefined) return;
  ctx.next = { ...ctx.next, ...(progress ? { flow: progress } : {}), ...(ctx.next.helper === undefined && ctx.state.helper !== undefined ? { helper: ctx.state.helper } : {}) };
  const reply = ctx.reply;
  if (!note || !reply || !reply.text) return;
  const flowTitle = ctx.engine.flows.byId(progress?.id ?? '')?.title ?? '';
  reply.text = insertBeforeSource(reply, `(${flowTitle}${note})`);
  reply.flow = { id: progress?.id ?? '', step: '#paused', event: 'paused' };
  reply.choices = [...(reply.choices ?? []), { n: (reply.choices?.length ?? 0) + 1, label: '继续刚才的问答', id: controlId(progress?.id ?? '', 'resume') }];
}

/** Under an answer naming a flow's words (法律援助): a button to start it, and the words to type. */
function offer(ctx: TurnContext): void {
  const reply = ctx.reply;
  if (!reply || reply.kind !== 'answer' || ctx.state.flow) return;
  const offered: Flow | undefined = ctx.engine.flows.offeredUnder(reply.text);
  if (!offered?.offerLabel) return;
  const say = offered.starts.find((phrase) => phrase.length <= 6) ?? offered.starts[0] ?? '';
  // Not numbered and not in the open list: a bare 1 / 0 still rates the answer; the button and the words start the flow.
  reply.text = insertBeforeSource(reply, `想知道自己能不能申请?回复“${say}”,或点:${offered.offerLabel}`);
  reply.choices = [...(reply.choices ?? []), { n: (reply.choices?.length ?? 0) + 1, label: offered.offerLabel, id: controlId(offered.id, 'start') }];
}

/**
 * The reply's text with `line` just above its source line, wherever that stands (the 有用回复1
 * hint of platforms without buttons comes after it and stays last).
 */
function insertBeforeSource(reply: Reply, line: string): string {
  const lines = reply.text.split('\n');
  const found = reply.source ? lines.lastIndexOf(reply.source) : -1;
  const at = found >= 0 ? found : lines.length;
  return [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
}
