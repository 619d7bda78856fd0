/**
 * Calculators for deadlines and money (issue 23): pure functions, no I/O, no imports from the
 * rest of the project. The knowledge loader hands {@link loadCalculateKnowledge} the parsed
 * files of knowledge/calculate/; the pipeline, the API and the web form then call
 * {@link calculateQuestion} (from a question; {@link readRouteFollowUp} after a problem's route,
 * {@link answerPending} for the answer to its one question) or {@link calculateForm} (from a
 * form), and {@link renderCalculation} for the Chinese text. Money is whole fen (see money.ts).
 */
export { addDays, addMonths, civilDate, compareDates, formatChineseDate, formatIsoDate, parseIsoDate, type CivilDate } from './civil-date.js';
export { findDates, parseChineseDate, type DateMention, type DateOptions } from './date-parse.js';
export { findMoney, parseMoney, type MoneyMention } from './money-parse.js';
export { findDurations, type DurationMention, type Span } from './duration-parse.js';
export { formatYuan, yuanToFen, type Fen } from './money.js';
export { EMPTY_CALENDAR, holidayCalendar, isRestDay, type HolidayCalendar } from './holidays.js';
export { periodEnd, type Period, type PeriodEnd, type PeriodUnit } from './period.js';
export { computeDeadline, periodText, type DeadlineInput } from './deadline.js';
export type { CountingRules, DeadlineRule, DeadlinesFile } from './deadline-rules.js';
export { compensationHalfMonths, serviceBetween, type Service } from './service.js';
export { computeCompensation, computeUnlawfulTermination, type CompensationInput } from './labour-money.js';
export { computeDoubleWages, type DoubleWagesInput } from './double-wages.js';
export { computeCourtFee, type CourtFeeInput, type CourtFeesFile } from './court-fee.js';
export { averageMonthlyWage, type LocalFiguresFile } from './local-figures.js';
export { CALCULATE_FILES, loadCalculateKnowledge, type CalculateFiles, type CalculateKnowledge, type CalculateLoad, type CalculateProblem } from './knowledge.js';
export { chooseCalculation, readCalculationInputs, readCalculationQuestion, type QuestionReading } from './read-question.js';
export { readRouteFollowUp } from './route-follow-up.js';
export { answerPending, pendingOf, type PendingCalculation } from './pending.js';
export { calculateQuestion, calculateReading } from './calculate-question.js';
export { calculateForm, type CalculationForm, type FormOutcome, type YuanInput } from './form.js';
export { citationsText, renderCalculation, type RenderOptions } from './render.js';
export type { CalcOutcome, CalcQuestion, CalcRefusal, CalcResult, Citation, Figure, InputShown } from './result.js';
