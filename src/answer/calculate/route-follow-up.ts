/**
 * A short follow-up after a problem's route, computed for that problem: "还来得及吗?" after
 * the dismissal route is the arbitration deadline, "能拿多少?" the compensation, "3月2号被辞退的"
 * the deadline from that day (the asking words weighed by their length, a date or an amount
 * more). Which calculation each route gets, and how short a follow-up
 * must be, is data (questions.yaml `afterRoute`); a message that says more than its asking
 * words, its dates and amounts, their role words and fillers asks about something else and is
 * left to the usual answers ("律师费要多少钱" after the same route).
 */
import type { CivilDate } from './civil-date.js';
import { findDates } from './date-parse.js';
import { findDurations } from './duration-parse.js';
import { findMoney } from './money-parse.js';
import type { CalculationCues, QuestionsFile } from './question-cues.js';
import { readCalculationInputs, type QuestionReading } from './read-question.js';

/** A date (or an amount) given outweighs any asking words: it says which calculation it is for. */
const MENTION_WEIGHT = 10;

/** Marks, spaces and the like, never counted as something said. */
const MARKS = /[\s\p{P}\p{S}]/u;

/** How many characters of `text` are left once `ranges` and every occurrence of `words` are taken out (marks not counted). */
function restLength(text: string, ranges: ReadonlyArray<{ index: number; end: number }>, words: readonly string[]): number {
  const taken = new Array<boolean>(text.length).fill(false);
  for (const { index, end } of ranges) taken.fill(true, index, end);
  for (const word of [...words].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) taken.fill(true, at, at + word.length);
  }
  return [...text].filter((char, at) => !taken[at] && !MARKS.test(char)).length;
}

/**
 * The reading of `text` as a follow-up to the route of `entryId`, or undefined when that
 * route has no calculation or the message is more than a short follow-up. Amount words, an
 * amount or a length of service ask for the money calculation; deadline words or a date for
 * the deadline.
 */
export function readRouteFollowUp(text: string, today: CivilDate, file: QuestionsFile, entryId: string | undefined): QuestionReading | undefined {
  const route = entryId === undefined ? undefined : file.afterRoute.routes.find((candidate) => candidate.entry === entryId);
  if (!route) return undefined;
  const dates = findDates(text, today);
  const amounts = [...findMoney(text), ...findDurations(text)];
  const heard = [...file.asking.deadline, ...file.asking.amount].filter((word) => text.includes(word));
  // A word inside a longer one heard ("多少" in "还有多少天") is not asked on its own.
  const own = heard.filter((word) => !heard.some((longer) => longer !== word && longer.includes(word)));
  const weigh = (words: readonly string[], mentioned: number) => own.filter((word) => words.includes(word)).reduce((sum, word) => sum + word.length, 0) + (mentioned > 0 ? MENTION_WEIGHT : 0);
  const amount = weigh(file.asking.amount, amounts.length);
  const deadline = weigh(file.asking.deadline, dates.length);
  if (amount === 0 && deadline === 0) return undefined;
  const calculation: CalculationCues | undefined = file.calculations.find((candidate) => candidate.id === (amount > deadline ? route.amount : route.deadline));
  if (!calculation) return undefined;
  const words = [...file.asking.deadline, ...file.asking.amount, ...calculation.cues, ...calculation.inputs.flatMap((input) => input.cues), ...file.afterRoute.fillers];
  if (restLength(text, [...dates, ...amounts], words) > file.afterRoute.maxRest) return undefined;
  return readCalculationInputs(text, today, calculation);
}
