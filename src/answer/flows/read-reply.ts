/**
 * What a typed message means at a flow's step: a control (上一步, 退出, 继续, 跳过, 确认, 修改),
 * a choice (its number, its label, one of its words), a typed answer (a date, an amount, a
 * short text), or none of these: a new question, which leaves the flow politely.
 */
import { formatIsoDate, type CivilDate } from '../calculate/civil-date.js';
import { parseChineseDate } from '../calculate/date-parse.js';
import { parseMoney } from '../calculate/money-parse.js';
import { parsePick } from '../dialog/intents.js';
import type { FlowStep } from '../knowledge/flow-schema.js';

/** What a message does to the flow. */
export type FlowInput =
  | { kind: 'back' }
  | { kind: 'exit' }
  | { kind: 'resume' }
  | { kind: 'skip' }
  | { kind: 'confirm' }
  | { kind: 'edit'; n?: number }
  | { kind: 'choice'; id: string }
  | { kind: 'value'; value: string }
  /** A number beyond the list. */
  | { kind: 'out-of-range'; n: number }
  /** A date or amount the step asked for, not read: asked again with an example. */
  | { kind: 'unreadable' }
  /** Not an answer to this step: a new question. */
  | { kind: 'question' };

const PUNCT = /[\s,.!?;:、。,!?;:~…]+/gu;
const BACK = /^(?:返回|上一步|上一题|后退|退回|回到上一题|返回上一步|back)$/u;
const EXIT = /^(?:退出|结束|不问了|不答了|取消|算了|退出问答|结束问答|不用了|exit)$/u;
const RESUME = /^(?:继续|接着|接着答|继续问答|继续答|continue)$/u;
const SKIP = /^(?:跳过|不想说|不方便说|略过|下一题|skip)$/u;
const CONFIRM = /^(?:确认|没问题|对的|都对|正确|确定|看结果|ok)$/u;
const EDIT = /^(?:修改|改|更改|我要改|改一下)(?:第?([0-9一二三四五六七八九十]+)(?:项|个|条|题)?)?$/u;
const UNKNOWN = /^(?:不知道|不清楚|不晓得|不记得|说不清|唔知|不确定)$/u;
/** A message that asks something: never taken as a typed answer. */
const ASKS = /[??]|吗$|呢$|怎么|如何|哪里|哪儿|能不能|可不可以|是不是|多少钱|要不要|什么/u;
/** The longest text taken as a typed answer; longer is a story or a question. */
const MAX_TEXT = 60;

/** Reads `normalized` (the message as the pipeline normalized it) at `step`; `today` places dates. */
export function readFlowInput(normalized: string, step: FlowStep | undefined, today: CivilDate, choices: readonly { n: number; id: string }[]): FlowInput {
  const bare = normalized.replace(PUNCT, '');
  if (BACK.test(bare)) return { kind: 'back' };
  if (EXIT.test(bare)) return { kind: 'exit' };
  if (RESUME.test(bare)) return { kind: 'resume' };
  const edit = EDIT.exec(bare);
  if (edit) return { kind: 'edit', ...(edit[1] ? { n: parsePick(edit[1]) ?? 0 } : {}) };
  const n = parsePick(normalized);
  if (n !== undefined) {
    const chosen = choices.find((choice) => choice.n === n);
    if (chosen) return controlOf(chosen.id) ?? { kind: 'choice', id: chosen.id };
    if (!step?.input) return { kind: 'out-of-range', n };
  }
  if (!step) return CONFIRM.test(bare) ? { kind: 'confirm' } : { kind: 'question' };
  if (SKIP.test(bare)) return { kind: 'skip' };
  if (step.choices) {
    const choice = step.choices.find((c) => c.label.replace(PUNCT, '') === bare || c.says.some((word) => word === bare))
      ?? (UNKNOWN.test(bare) ? step.choices.find((c) => c.id === 'unknown') : undefined);
    return choice ? { kind: 'choice', id: choice.id } : { kind: 'question' };
  }
  if (UNKNOWN.test(bare)) return step.skip ? { kind: 'skip' } : step.input === 'text' ? { kind: 'value', value: normalized.trim() } : { kind: 'question' };
  if (step.input === 'date') {
    const date = parseChineseDate(normalized, today);
    if (date?.kind === 'date') return { kind: 'value', value: formatIsoDate(date.date) };
    return looksLikeAnswer(normalized) && /[0-9一二三四五六七八九十]|年|月|号|日|前天|昨天|今天/u.test(normalized) ? { kind: 'unreadable' } : { kind: 'question' };
  }
  if (step.input === 'money') {
    const fen = parseMoney(normalized);
    if (fen !== undefined) return { kind: 'value', value: String(fen) };
    return looksLikeAnswer(normalized) && /[0-9一二三四五六七八九十百千万]/u.test(normalized) ? { kind: 'unreadable' } : { kind: 'question' };
  }
  return looksLikeAnswer(normalized) ? { kind: 'value', value: normalized.trim() } : { kind: 'question' };
}

function looksLikeAnswer(text: string): boolean {
  return text.length <= MAX_TEXT && !ASKS.test(text);
}

/** A numbered control of a flow reply (上一步, 退出, 确认, 修改第N项) by its id. */
function controlOf(id: string): FlowInput | undefined {
  const control = /#([a-z]+)(?::(.+))?$/.exec(id);
  switch (control?.[1]) {
    case 'back':
      return { kind: 'back' };
    case 'exit':
      return { kind: 'exit' };
    case 'skip':
      return { kind: 'skip' };
    case 'ok':
      return { kind: 'confirm' };
    default:
      return undefined;
  }
}
