/**
 * The guided flows of one knowledge base (issue 22), pure: which flow a message starts, and
 * for a conversation inside a flow, what its message does (answer, go back, edit, skip, leave)
 * and the reply, with where the conversation stands after it. Nothing here keeps state: the
 * progress comes in from the session and goes back to it, its typed answers masked.
 */
import type { Reply } from '../../types.js';
import { civilDate, type CivilDate } from '../calculate/civil-date.js';
import type { CalculateKnowledge } from '../calculate/knowledge.js';
import type { Flow } from '../knowledge/flow-schema.js';
import type { SourceRef } from '../knowledge/schema.js';
import { buildEnding } from './ending.js';
import { decodeFlowId } from './flow-ids.js';
import { readFlowInput, type FlowInput } from './read-reply.js';
import { endingReply, FLOW_WORDS, questionReply, reviewReply, type HelperWords } from './render-flow.js';
import { walk, type FlowProgress } from './walk.js';

export type { FlowProgress } from './walk.js';

/** What the flows need from the rest of the core. */
export interface FlowDeps {
  /** Deadline rules and the holiday calendar (knowledge/calculate/), when loaded. */
  calculate?: CalculateKnowledge;
  /** Masks personal data in a typed answer before it is kept. */
  mask(text: string): string;
  /** The source line under a reply (compose/source-line.ts). */
  sourceLine(sources: SourceRef[]): string;
  /** 法律明白人 mode (matching.yaml `helper`): the messages that switch it, how the person is named. */
  helper?: { on: readonly string[]; off: readonly string[]; toggle: readonly string[] } & HelperWords;
}

/** A turn inside a flow: the reply, and the progress to keep (none: the flow is over). */
export interface FlowTurn {
  reply: Reply;
  progress?: FlowProgress;
}

/** How the person is addressed: as themselves, or as a 法律明白人 helping a villager. */
export interface FlowVoice {
  helper?: boolean;
}

const PUNCT = /[\s,.!?;:、。,!?;:~…]+/gu;
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The civil date in China (UTC+8) at `at` (ms since the epoch). */
export function chinaToday(at: number): CivilDate {
  const d = new Date(at + CHINA_OFFSET_MS);
  return civilDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? { year: 2000, month: 1, day: 1 };
}

/** The flows of a knowledge base. */
export interface Flows {
  readonly list: readonly Flow[];
  byId(id: string): Flow | undefined;
  /** The flow a whole message starts ("我能不能申请法律援助", "法援预审"). */
  startedBy(normalized: string): Flow | undefined;
  /** The flow offered under an answer whose text names one of its words. */
  offeredUnder(text: string): Flow | undefined;
  /** Its intro and first question. */
  start(flow: Flow, voice?: FlowVoice): FlowTurn;
  /** Whether a whole message switches 法律明白人 mode on, off, or over (`/mode`). */
  helperCue(normalized: string): 'on' | 'off' | 'toggle' | undefined;
  /** Where the conversation stands, asked again (继续, or after a new question). */
  resume(progress: FlowProgress, voice?: FlowVoice, note?: string): FlowTurn | undefined;
  /**
   * A typed message (normalized) or a pressed flow button inside a flow; `question` when the
   * message is not an answer (a new question: the caller leaves the flow and answers it).
   */
  turn(progress: FlowProgress, message: { normalized?: string; buttonId?: string }, at: number, voice?: FlowVoice): FlowTurn | 'question';
}

/** Builds the flows of `list`. */
export function createFlows(list: readonly Flow[], deps: FlowDeps): Flows {
  const byId = new Map(list.map((flow) => [flow.id, flow]));
  const starts = new Map<string, Flow>();
  for (const flow of list) for (const phrase of flow.starts) starts.set(phrase.replace(PUNCT, ''), flow);
  const cues = new Map<string, 'on' | 'off' | 'toggle'>();
  for (const phrase of deps.helper?.on ?? []) cues.set(phrase.replace(PUNCT, ''), 'on');
  for (const phrase of deps.helper?.off ?? []) cues.set(phrase.replace(PUNCT, ''), 'off');
  for (const phrase of deps.helper?.toggle ?? []) cues.set(phrase.replace(PUNCT, '').toLowerCase(), 'toggle');

  /** A helper's questions name the person (matching.yaml `helper`), not "you". */
  const voiced = (voice: FlowVoice): { helper?: HelperWords } => (voice.helper ? { helper: deps.helper ?? { you: '您', person: '当事人' } } : {});
  const fresh = (flow: Flow): FlowProgress => ({ id: flow.id, answers: {}, values: {} });

  /** The reply for where `progress` stands now: the step to ask, or the review. */
  const where = (flow: Flow, progress: FlowProgress, voice: FlowVoice, note?: string, intro = false): FlowTurn => {
    const walked = walk(flow, progress);
    if (walked.current) {
      return { reply: questionReply(flow, walked.current, walked, progress, { intro, note, ...voiced(voice) }), progress: { ...progress, reviewing: false } };
    }
    return { reply: reviewReply(flow, walked, progress, note), progress: { ...progress, pending: undefined, reviewing: true } };
  };

  const ending = (flow: Flow, progress: FlowProgress, at: number, voice: FlowVoice): FlowTurn => {
    const walked = walk(flow, progress);
    const built = buildEnding(flow, walked, progress, deps.calculate, chinaToday(at));
    return { reply: endingReply(flow, built, deps.sourceLine, Boolean(voice.helper)) };
  };

  const exit = (flow: Flow, progress: FlowProgress): FlowTurn => {
    const step = walk(flow, progress).current?.id ?? '#review';
    return { reply: { kind: 'flow', text: `好的,“${flow.title}”的问答结束了。有别的问题可以直接问,回复“菜单”看看还能问什么。`, flow: { id: flow.id, step, event: 'exit' } } };
  };

  const apply = (flow: Flow, progress: FlowProgress, input: FlowInput, at: number, voice: FlowVoice): FlowTurn | 'question' => {
    const walked = walk(flow, progress);
    const step = walked.current;
    switch (input.kind) {
      case 'question':
        return 'question';
      case 'exit':
        return exit(flow, progress);
      case 'resume':
        return where(flow, { ...progress, paused: false }, voice);
      case 'back': {
        const before = walked.path[walked.path.length - 1];
        if (!before) return where(flow, progress, voice, '已经是第一题了。');
        return where(flow, { ...progress, pending: before.id }, voice);
      }
      case 'edit': {
        const target = input.n ? walked.path[input.n - 1] : undefined;
        if (!target) return where(flow, progress, voice, walked.current ? undefined : '请说要改第几项,例如“修改2”。');
        return where(flow, { ...progress, pending: target.id }, voice);
      }
      case 'confirm':
        if (step) return where(flow, progress, voice);
        return ending(flow, progress, at, voice);
      case 'skip':
        if (!step) return where(flow, progress, voice);
        if (!step.skip && !step.choices?.some((c) => c.id === 'unknown' || c.id === 'skip')) {
          return where(flow, progress, voice, '这一题需要回答,才能给出结果;不清楚的可以选“不知道”。');
        }
        if (step.choices) {
          const id = step.choices.find((c) => c.id === 'skip')?.id ?? 'unknown';
          return answer(flow, progress, step.id, id, undefined, voice);
        }
        return answer(flow, progress, step.id, 'skipped', undefined, voice);
      case 'out-of-range':
        return where(flow, progress, voice, `没有第${input.n}项,请回复列出的数字。`);
      case 'unreadable':
        return where(flow, progress, voice, step?.input === 'date' ? '没看懂这个日期,请写成“2024年3月1日”这样。' : '没看懂这个金额,请写成“8000元”这样。');
      case 'value':
        if (!step?.input) return 'question';
        return answer(flow, progress, step.id, 'given', step.input === 'text' ? deps.mask(input.value) : input.value, voice);
      case 'choice': {
        const button = input.id.startsWith('f:') ? decodeFlowId(input.id) : undefined;
        if (button && button.flow !== flow.id) return 'question';
        if (button?.kind === 'edit') return where(flow, { ...progress, pending: button.step }, voice);
        if (button?.kind === 'control') {
          const control = button.control;
          if (control === 'start') return turnStart(flow, voice);
          return apply(flow, progress, { kind: control === 'ok' ? 'confirm' : control }, at, voice);
        }
        const stepId = button?.kind === 'choice' ? button.step : step?.id;
        const choice = button?.kind === 'choice' ? button.choice : input.id;
        const target = flow.steps.find((s) => s.id === stepId);
        if (!target?.choices?.some((c) => c.id === choice)) return where(flow, progress, voice);
        // A button of an earlier question (still on the path) changes that answer, as an edit would.
        if (target !== step && !walked.path.includes(target)) return where(flow, progress, voice);
        return answer(flow, progress, target.id, choice, undefined, voice);
      }
    }
  };

  const answer = (flow: Flow, progress: FlowProgress, stepId: string, id: string, value: string | undefined, voice: FlowVoice): FlowTurn => {
    const values = { ...progress.values };
    if (value === undefined) delete values[stepId];
    else values[stepId] = value;
    return where(flow, { ...progress, answers: { ...progress.answers, [stepId]: id }, values, pending: undefined, paused: false }, voice);
  };

  const turnStart = (flow: Flow, voice: FlowVoice): FlowTurn => where(flow, fresh(flow), voice, undefined, true);

  return {
    list,
    byId: (id) => byId.get(id),
    startedBy: (normalized) => starts.get(normalized.replace(PUNCT, '')),
    offeredUnder: (text) => list.find((flow) => flow.offerUnder.some((word) => text.includes(word))),
    start: (flow, voice = {}) => turnStart(flow, voice),
    helperCue: (normalized) => cues.get(normalized.replace(PUNCT, '')) ?? cues.get(normalized.replace(PUNCT, '').toLowerCase()),
    resume(progress, voice = {}, note) {
      const flow = byId.get(progress.id);
      return flow ? where(flow, { ...progress, paused: false }, voice, note) : undefined;
    },
    turn(progress, message, at, voice = {}) {
      const flow = byId.get(progress.id);
      if (!flow) return 'question';
      if (message.buttonId) return apply(flow, progress, { kind: 'choice', id: message.buttonId }, at, voice);
      const walked = walk(flow, progress);
      // Read against the choices as this person was shown them (a helper's name the person).
      const shown = walked.current ? questionReply(flow, walked.current, walked, progress, voiced(voice)) : reviewReply(flow, walked, progress);
      const input = readFlowInput(message.normalized ?? '', walked.current, chinaToday(at), shown.choices ?? []);
      if (progress.paused && input.kind !== 'resume') return 'question';
      return apply(flow, progress, input, at, voice);
    },
  };
}

export { FLOW_WORDS };
