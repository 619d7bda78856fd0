/**
 * Reads a question (normalized Chinese) for a calculation: which one it asks for (by the cue
 * words of questions.yaml), which variant (the deadline rule, the kind of court fee), and the
 * dates, amounts and lengths of time it carries, each given its role by the words next to it
 * ("2026年3月2日被辞退" → the event; "月薪6000" → the wage). Rule-based and data-driven: no
 * example is special. A vague date or length that a role needs comes back as the question to
 * ask; what is missing is left for the calculator to ask.
 */
import type { CivilDate } from './civil-date.js';
import { findDates } from './date-parse.js';
import { findDurations } from './duration-parse.js';
import type { Fen } from './money.js';
import { findMoney } from './money-parse.js';
import { INPUTS, type CalculationCues, type QuestionsFile } from './question-cues.js';
import type { Service } from './service.js';

/** What a question asks to compute and the inputs it carries. */
export interface QuestionReading {
  calculation: CalculationCues;
  /** The deadline rule id or court-fee kind chosen, when the calculation has choices. */
  choice?: string;
  assumptions: string[];
  dates: Record<string, CivilDate>;
  money: Record<string, Fen>;
  durations: Record<string, Service>;
  flags: string[];
  /** A mention an input needs that is too vague to use, with the question to ask (and the year and month it named, if any). */
  vague?: { input: string; question: string; year?: number; month?: number };
}

type Value =
  | { type: 'date'; date: CivilDate; assumption?: string }
  | { type: 'money'; fen: Fen }
  | { type: 'duration'; service: Service }
  | { type: 'vague'; question: string; year?: number; month?: number };
interface Mention {
  index: number;
  end: number;
  type: 'date' | 'money' | 'duration';
  value: Value;
}

const allOf = (text: string, groups: string[][]) => groups.every((group) => group.some((word) => text.includes(word)));

/** The calculation `text` asks for, or undefined when it asks for none. */
export function chooseCalculation(text: string, file: QuestionsFile): CalculationCues | undefined {
  let best: CalculationCues | undefined;
  let bestScore = 0;
  for (const calculation of file.calculations) {
    const asking = calculation.kind === 'deadline' ? file.asking.deadline : file.asking.amount;
    if (!asking.some((word) => text.includes(word))) continue;
    if (calculation.excludes.some((word) => text.includes(word))) continue;
    const score = calculation.cues.filter((cue) => text.includes(cue)).reduce((sum, cue) => sum + [...cue].length, 0);
    if (score > bestScore) [best, bestScore] = [calculation, score];
  }
  return best;
}

function mentionsOf(text: string, today: CivilDate): Mention[] {
  const mentions: Mention[] = findDates(text, today).map((found) => ({
    index: found.index, end: found.end, type: 'date',
    value: found.kind === 'date'
      ? { type: 'date', date: found.date, ...(found.assumption ? { assumption: found.assumption } : {}) }
      : { type: 'vague', question: found.question, ...(found.year ? { year: found.year } : {}), ...(found.month ? { month: found.month } : {}) },
  }));
  const free = (index: number, end: number) => !mentions.some((kept) => index < kept.end && kept.index < end);
  for (const found of findMoney(text)) if (free(found.index, found.end)) mentions.push({ index: found.index, end: found.end, type: 'money', value: { type: 'money', fen: found.fen } });
  for (const found of findDurations(text)) {
    if (!free(found.index, found.end)) continue;
    const value: Value = found.kind === 'duration' ? { type: 'duration', service: { ...found.span, ...(found.someDays ? { someDays: true } : {}) } } : { type: 'vague', question: found.question };
    mentions.push({ index: found.index, end: found.end, type: 'duration', value });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/** The input whose role word stands nearest the mention (just after it wins a tie), if any. */
function roleOf(text: string, mentions: Mention[], at: number, inputs: CalculationCues['inputs']): string | undefined {
  const mention = mentions[at]!;
  const after = text.slice(mention.end, Math.min(mentions[at + 1]?.index ?? text.length, mention.end + 10));
  const before = text.slice(Math.max(mentions[at - 1]?.end ?? 0, mention.index - 8), mention.index);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const input of inputs) {
    for (const cue of input.cues) {
      const a = after.indexOf(cue);
      const b = before.lastIndexOf(cue);
      const distance = Math.min(a >= 0 ? a : Infinity, b >= 0 ? before.length - b - cue.length + 0.5 : Infinity);
      if (distance < bestDistance) [best, bestDistance] = [input.name, distance];
    }
  }
  return best;
}

/** Reads `text` for a calculation; undefined when it asks for none. */
export function readCalculationQuestion(text: string, today: CivilDate, file: QuestionsFile): QuestionReading | undefined {
  const calculation = chooseCalculation(text, file);
  return calculation ? readCalculationInputs(text, today, calculation) : undefined;
}

/**
 * Reads `text` for the inputs of a calculation already known (a follow-up after a route, the
 * answer to the calculation's one question). `prefer`: inputs that a mention with no role word
 * goes to first, in order, each once (the input just asked for: a bare "2026年3月2日" answers it).
 */
export function readCalculationInputs(text: string, today: CivilDate, calculation: CalculationCues, prefer: readonly string[] = []): QuestionReading {
  const reading: QuestionReading = { calculation, assumptions: [], dates: {}, money: {}, durations: {}, flags: [] };
  const choice = calculation.choose.find((candidate) => !candidate.when || allOf(text, candidate.when));
  if (choice) {
    reading.choice = choice.value;
    if (!choice.when && choice.assume) reading.assumptions.push(choice.assume);
  }
  for (const [flag, words] of Object.entries(calculation.flags)) if (words.some((word) => text.includes(word))) reading.flags.push(flag);
  const types: Record<string, string> = INPUTS[calculation.kind];
  const mentions = mentionsOf(text, today);
  const assigned = new Map<string, Value>();
  let unassigned: Mention[] = [];
  mentions.forEach((mention, at) => {
    const inputs = calculation.inputs.filter((input) => types[input.name] === mention.type && !assigned.has(input.name));
    const role = roleOf(text, mentions, at, inputs);
    if (role) assigned.set(role, mention.value);
    else unassigned.push(mention);
  });
  unassigned = unassigned.filter((mention) => {
    const name = prefer.find((input) => types[input] === mention.type && !assigned.has(input));
    if (name) assigned.set(name, mention.value);
    return !name;
  });
  for (const input of calculation.inputs.filter((candidate) => candidate.default && !assigned.has(candidate.name))) {
    const left = unassigned.filter((mention) => mention.type === types[input.name]);
    if (left.length === 1) assigned.set(input.name, left[0]!.value);
  }
  for (const [name, value] of assigned) {
    if (value.type === 'vague') reading.vague ??= { input: name, question: value.question, ...(value.year ? { year: value.year } : {}), ...(value.month ? { month: value.month } : {}) };
    else if (value.type === 'date') {
      reading.dates[name] = value.date;
      if (value.assumption) reading.assumptions.push(value.assumption);
    } else if (value.type === 'money') reading.money[name] = value.fen;
    else reading.durations[name] = value.service;
  }
  return reading;
}
