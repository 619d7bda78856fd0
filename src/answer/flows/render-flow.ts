/**
 * A flow's replies as plain text with numbered choices (buttons where the platform has them):
 * the question with its choices, 上一步 and 退出; the review of the answers with 确认 and 修改;
 * the ending. Every reply carries `flow` (which flow, which step, what happened) for the
 * adapters and for 统计.
 */
import type { Reply, ReplyChoice } from '../../types.js';
import { callFirst } from '../compose/safety-reply.js';
import type { Flow, FlowStep } from '../knowledge/flow-schema.js';
import type { SourceRef } from '../knowledge/schema.js';
import type { Ending } from './ending.js';
import { answerText } from './ending.js';
import { choiceId, controlId, editId } from './flow-ids.js';
import type { FlowProgress, Walk } from './walk.js';

/** The words of a flow's own controls and headings (the flow files hold everything else). */
const WORDS = {
  back: '上一步',
  exit: '退出问答',
  skip: '跳过',
  ok: '没问题,看结果',
  restart: '重新回答一遍',
  pickHint: '回复数字选择;答错了可以回“上一步”,想问别的直接问。',
  typeHint: { date: '请直接输入日期,例如:2024年3月1日。', money: '请直接输入金额,例如:8000元。', text: '请用一句话简单说(不用写姓名、身份证号)。' },
  helperAsk: '(您在替别人问:请按当事人的情况回答,不用写当事人的姓名、身份证号)',
  reviewHead: '请核对您的回答:',
  reviewHint: '都对就回“确认”;要改哪一项,点“改”或回复“修改”加序号(如“修改2”)。',
  left: '刚才的问答先停在这里;想接着答,回复“继续”。',
  noPromise: '这是按您的回答作的初步判断,不是决定。',
  summaryHead: '【案情摘要】(可以截图或转发给窗口工作人员、村(居)法律顾问)',
  deadlinesHead: '期限:',
  nextHead: '下一步:',
  helperEnding: '可以这样告诉村民(当事人):',
  helperOn: '好的,您在替别人问(法律明白人模式)。引导问答会问当事人的情况,结果可以转告当事人;不用告诉我当事人的姓名、身份证号。想问自己的事,回复“我自己问”。',
  helperOff: '好的,之后按您自己的情况问。',
  menuHead: '也可以一步一步问(点选或回复数字):',
} as const;

export const FLOW_WORDS = WORDS;

const numbered = (choices: readonly ReplyChoice[]) => choices.map((choice) => `${choice.n}. ${choice.label}`).join('\n');
const list = (items: { label: string; id: string }[]): ReplyChoice[] => items.map((item, i) => ({ n: i + 1, ...item }));

/** How a helper's flow names the person asked about: `you` in the flow's words becomes `person`. */
export interface HelperWords {
  you: string;
  person: string;
}

/** The question of `step`, the `k`th on the path; for a helper (法律明白人) about the person, not "you". */
export function questionReply(flow: Flow, step: FlowStep, walked: Walk, progress: FlowProgress, options: { intro?: boolean; helper?: HelperWords; note?: string }): Reply {
  const helper = options.helper;
  const voiced = (words: string) => (helper ? words.split(helper.you).join(helper.person) : words);
  const items = (step.choices ?? []).map((choice) => ({ label: voiced(choice.label), id: choiceId(flow.id, step.id, choice.id) }));
  if (step.input && step.skip) items.push({ label: WORDS.skip, id: controlId(flow.id, 'skip') });
  if (walked.path.length > 0) items.push({ label: WORDS.back, id: controlId(flow.id, 'back') });
  items.push({ label: WORDS.exit, id: controlId(flow.id, 'exit') });
  const choices = list(items);
  const before = progress.answers[step.id] !== undefined ? answerText(step, progress) : '';
  const lines = [
    ...(options.note ? [options.note] : []),
    ...(options.intro ? [flow.intro.trim()] : []),
    ...(helper ? [WORDS.helperAsk] : []),
    `【${flow.title}】第${walked.path.length + 1}题`,
    voiced(step.ask.trim()),
    ...(step.hint ? [voiced(step.hint.trim())] : []),
    ...(before ? [`(上次答的是:${before})`] : []),
    ...(step.input ? [WORDS.typeHint[step.input]] : []),
    numbered(choices),
    WORDS.pickHint,
  ];
  return { kind: 'flow', text: lines.join('\n'), choices, awaits: 'pick', flow: { id: flow.id, step: step.id, event: options.intro ? 'start' : 'ask' } };
}

/** The review of the answers on the path, before the outcome. */
export function reviewReply(flow: Flow, walked: Walk, progress: FlowProgress, note?: string): Reply {
  const shown = walked.path.map((step, i) => `(${i + 1}) ${step.field}:${answerText(step, progress)}`);
  const choices = list([
    { label: WORDS.ok, id: controlId(flow.id, 'ok') },
    ...walked.path.map((step) => ({ label: `改:${step.field}`, id: editId(flow.id, step.id) })),
    { label: WORDS.back, id: controlId(flow.id, 'back') },
    { label: WORDS.exit, id: controlId(flow.id, 'exit') },
  ]);
  const lines = [...(note ? [note] : []), `【${flow.title}】${WORDS.reviewHead}`, ...shown, WORDS.reviewHint, numbered(choices)];
  return { kind: 'flow', text: lines.join('\n'), choices, awaits: 'pick', flow: { id: flow.id, step: '#review', event: 'review' } };
}

/** The ending: the outcome, the summary (intake), the checklist, deadlines, next steps, the source line. */
export function endingReply(flow: Flow, ending: Ending, sourceLine: (sources: SourceRef[]) => string, helper: boolean): Reply {
  const source = sourceLine(ending.sources);
  const section = (head: string | undefined, lines: string[]) => (lines.length ? [...(head ? [head] : []), ...lines] : []);
  const lines = [
    ...(helper ? [WORDS.helperEnding] : []),
    ...(flow.kind === 'intake' ? section(WORDS.summaryHead, ending.summary) : []),
    `【${flow.title}:结果】`,
    ending.outcome.text.trim(),
    ...section(flow.checklistTitle ? `${flow.checklistTitle}:` : undefined, ending.checklist),
    ...section(WORDS.deadlinesHead, ending.deadlines),
    ...section(WORDS.nextHead, ending.nextSteps),
    ...(flow.kind === 'screen' ? [WORDS.noPromise] : []),
  ];
  const choices = list([{ label: WORDS.restart, id: controlId(flow.id, 'start') }]);
  // An outcome that sends to 110 / 120 leads with its numbers, as every reply in danger does.
  const call = callFirst(ending.outcome.text);
  return {
    kind: 'flow',
    ...(call.length > 0 ? { call } : {}),
    // The source line last, as under every answer (the web page shows it apart).
    text: [...lines, numbered(choices), source].join('\n'),
    source,
    choices,
    awaits: 'pick',
    flow: { id: flow.id, step: ending.outcome.id, event: 'done', ...(ending.summary.length ? { summary: [WORDS.summaryHead, ...ending.summary].join('\n') } : {}) },
  };
}
