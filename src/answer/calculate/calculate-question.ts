/**
 * From a question to a calculator's outcome: read the question (read-question.ts), then run
 * the calculation it asks for with the inputs it carries. A vague input gets its one
 * question; a missing one gets the calculator's one question; a question that asks for no
 * calculation gets undefined, so the pipeline answers it the usual way.
 */
import type { CivilDate } from './civil-date.js';
import { computeCourtFee } from './court-fee.js';
import { computeDeadline } from './deadline.js';
import { computeDoubleWages } from './double-wages.js';
import type { CalculateKnowledge } from './knowledge.js';
import { computeCompensation, computeUnlawfulTermination } from './labour-money.js';
import { readCalculationQuestion, type QuestionReading } from './read-question.js';
import type { CalcOutcome } from './result.js';

/** Runs the calculation a reading asks for. */
export function calculateReading(reading: QuestionReading, today: CivilDate, knowledge: CalculateKnowledge): CalcOutcome {
  const { calculation, dates, money, durations, assumptions } = reading;
  if (reading.vague) {
    return { kind: 'ask', calculation: calculation.id, title: calculation.title, missing: reading.vague.input, question: reading.vague.question, inputs: [] };
  }
  switch (calculation.kind) {
    case 'deadline': {
      const rule = knowledge.deadlines.rules.find((candidate) => candidate.id === reading.choice)!;
      return computeDeadline({
        rule, counting: knowledge.deadlines.counting, calendar: knowledge.calendar, today, assumptions,
        ...(dates.event ? { event: dates.event } : {}), ...(dates.restart ? { restart: dates.restart } : {}),
      });
    }
    case 'compensation':
    case 'unlawful-termination': {
      const input = {
        today, localFigures: knowledge.localFigures, assumptions,
        ...(durations.service ? { service: durations.service } : {}),
        ...(dates.start ? { start: dates.start } : {}), ...(dates.end ? { end: dates.end } : {}),
        ...(money.wage !== undefined ? { monthlyWage: money.wage } : {}),
      };
      return calculation.kind === 'compensation' ? computeCompensation(input) : computeUnlawfulTermination(input);
    }
    case 'double-wages':
      return computeDoubleWages({
        today, assumptions,
        ...(dates.start ? { start: dates.start } : {}), ...(dates.signed ? { signed: dates.signed } : {}), ...(dates.left ? { left: dates.left } : {}),
        ...(money.wage !== undefined ? { monthlyWage: money.wage } : {}),
      });
    case 'court-fee':
      return computeCourtFee({
        fees: knowledge.courtFees, kind: (reading.choice ?? 'property') as 'property' | 'labour' | 'divorce', simple: reading.flags.includes('simple'),
        ...(money.amount !== undefined ? { amount: money.amount } : {}),
      });
  }
}

/** The outcome for a question, or undefined when it asks for no calculation. */
export function calculateQuestion(text: string, today: CivilDate, knowledge: CalculateKnowledge): CalcOutcome | undefined {
  const reading = readCalculationQuestion(text, today, knowledge.questions);
  return reading ? calculateReading(reading, today, knowledge) : undefined;
}
