/**
 * A calculation waiting for the one input the person was asked for, as the conversation keeps
 * it between messages (plain JSON: the calculation's id, the dates as YYYY-MM-DD, amounts in
 * fen, lengths of service; no text the person typed), and the next message read as the answer:
 * "2026年3月2日" after "您是哪天被辞退的?", "6000" after "月工资是多少?", "5号" after
 * "请问是2025年3月的几号?".
 */
import { formatIsoDate, parseIsoDate, type CivilDate } from './civil-date.js';
import type { Fen } from './money.js';
import type { QuestionsFile } from './question-cues.js';
import { readCalculationInputs, type QuestionReading } from './read-question.js';
import type { Service } from './service.js';

/** What a conversation keeps of a calculation while one input is asked for. */
export interface PendingCalculation {
  /** The calculation of questions.yaml. */
  id: string;
  /** Its variant (deadline rule, kind of court fee), as read from the question. */
  choice?: string;
  flags: string[];
  /** What was assumed reading the question (said again with the result). */
  assumptions: string[];
  dates: Record<string, string>;
  money: Record<string, Fen>;
  durations: Record<string, Service>;
  /** The inputs the answer is taken for, first first: a date or amount with no role word goes there. */
  asked: string[];
  /** The year (and month) a vague date named ("去年三月"), which a bare "5号" completes. */
  vague?: { year: number; month?: number };
}

/** The inputs an answer to a calculator's question fills: the one asked, or what stands for it. */
const ANSWERS: Record<string, string[]> = { trigger: ['event'], service: ['service', 'start', 'end'] };

/** What to keep of `reading` while the person is asked for `missing` (the calculator's name for it). */
export function pendingOf(reading: QuestionReading, missing: string): PendingCalculation {
  const dates = Object.fromEntries(Object.entries(reading.dates).map(([name, date]) => [name, formatIsoDate(date)]));
  const vague = reading.vague?.year === undefined ? undefined : { year: reading.vague.year, ...(reading.vague.month ? { month: reading.vague.month } : {}) };
  return {
    id: reading.calculation.id,
    ...(reading.choice ? { choice: reading.choice } : {}),
    flags: [...reading.flags],
    assumptions: [...reading.assumptions],
    dates,
    money: { ...reading.money },
    durations: { ...reading.durations },
    asked: ANSWERS[missing] ?? [missing],
    ...(vague ? { vague } : {}),
  };
}

/** A day of the month said alone: "5号", "5日", "十五号", a bare "5". */
const NAMES_DAY = /[\d一二三四五六七八九十]\s*[号日]|^\s*\d{1,2}\s*$/u;

/**
 * The answer with the year and month the vague date named, where it leaves them out: "5号" →
 * "2025年3月5号". Only an answer that names a day (or, after a year alone, a month) is
 * completed: "法律援助在哪里申请" glued to "2025年3月" would read as the vague date again and
 * hold the person in the calculation.
 */
function inContext(text: string, vague: PendingCalculation['vague']): string {
  if (!vague || /年|\d{4}/u.test(text)) return text;
  if (vague.month !== undefined && !text.includes('月')) return NAMES_DAY.test(text) ? `${vague.year}年${vague.month}月${text}` : text;
  return text.includes('月') ? `${vague.year}年${text}` : text;
}

/**
 * The pending calculation completed by the next message, or undefined when the message gives
 * nothing it takes (the person moved on) or the calculation is no longer in the knowledge.
 */
export function answerPending(pending: PendingCalculation, text: string, today: CivilDate, file: QuestionsFile): QuestionReading | undefined {
  const calculation = file.calculations.find((candidate) => candidate.id === pending.id);
  if (!calculation) return undefined;
  const read = readCalculationInputs(inContext(text, pending.vague), today, calculation, pending.asked);
  const gave = Object.keys(read.dates).length + Object.keys(read.money).length + Object.keys(read.durations).length > 0 || read.vague !== undefined;
  if (!gave) return undefined;
  const kept: Record<string, CivilDate> = {};
  for (const [name, iso] of Object.entries(pending.dates)) {
    const date = parseIsoDate(iso);
    if (date) kept[name] = date;
  }
  return {
    calculation,
    ...(pending.choice ? { choice: pending.choice } : {}),
    flags: [...new Set([...pending.flags, ...read.flags])],
    assumptions: [...pending.assumptions, ...read.assumptions],
    dates: { ...kept, ...read.dates },
    money: { ...pending.money, ...read.money },
    durations: { ...pending.durations, ...read.durations },
    ...(read.vague ? { vague: read.vague } : {}),
  };
}
