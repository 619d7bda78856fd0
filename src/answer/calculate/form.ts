/**
 * A calculation asked for with its inputs given one by one (the web page's "算一算" form, the
 * API's POST /api/v1/calculate) rather than in a sentence: dates as YYYY-MM-DD, money as whole
 * yuan or a decimal string of yuan ("6000", "6000.50"), never a float. The same calculators
 * and knowledge as a question in the chat, so both give the same result.
 */
import { parseIsoDate, type CivilDate } from './civil-date.js';
import { computeCourtFee } from './court-fee.js';
import { computeDeadline } from './deadline.js';
import { computeDoubleWages } from './double-wages.js';
import type { CalculateKnowledge } from './knowledge.js';
import { computeCompensation, computeUnlawfulTermination } from './labour-money.js';
import { yuanToFen, type Fen } from './money.js';
import type { CalcOutcome } from './result.js';
import type { Service } from './service.js';

/** Money as given: whole yuan, or a decimal string of yuan. */
export type YuanInput = number | string;

/** A calculation with its inputs. */
export type CalculationForm =
  | { calculation: 'deadline'; rule: string; event?: string; restart?: string }
  | { calculation: 'compensation' | 'unlawful-termination'; wage?: YuanInput; service?: Service; start?: string; end?: string }
  | { calculation: 'double-wages'; wage?: YuanInput; start?: string; signed?: string; left?: string }
  | { calculation: 'court-fee'; kind: 'property' | 'labour' | 'divorce'; amount?: YuanInput; simple?: boolean };

/** The outcome, or the field that cannot be read and why (in Chinese). */
export type FormOutcome = { ok: true; outcome: CalcOutcome } | { ok: false; field: string; message: string };

class FieldError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

function date(form: object, field: string): CivilDate | undefined {
  const text = (form as Record<string, unknown>)[field];
  if (text === undefined) return undefined;
  const parsed = typeof text === 'string' ? parseIsoDate(text) : undefined;
  if (!parsed) throw new FieldError(field, `${field} 不是有效的日期（写成 年-月-日，如 2026-03-02）`);
  return parsed;
}

function fen(form: object, field: string): Fen | undefined {
  const value = (form as Record<string, unknown>)[field];
  if (value === undefined) return undefined;
  const parsed = typeof value === 'number' || typeof value === 'string' ? yuanToFen(value) : undefined;
  if (parsed === undefined) throw new FieldError(field, `${field} 不是有效的金额（写整数元，或带两位以内小数的文字，如 "6000.50"）`);
  return parsed;
}

const given = <K extends string, V>(key: K, value: V | undefined) => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

function run(form: CalculationForm, today: CivilDate, knowledge: CalculateKnowledge): CalcOutcome {
  switch (form.calculation) {
    case 'deadline': {
      const rule = knowledge.deadlines.rules.find((candidate) => candidate.id === form.rule);
      if (!rule) throw new FieldError('rule', `没有“${form.rule}”这个期限，可用的有：${knowledge.deadlines.rules.map((candidate) => candidate.id).join('、')}`);
      return computeDeadline({ rule, counting: knowledge.deadlines.counting, calendar: knowledge.calendar, today, ...given('event', date(form, 'event')), ...given('restart', date(form, 'restart')) });
    }
    case 'compensation':
    case 'unlawful-termination': {
      const input = {
        today, localFigures: knowledge.localFigures,
        ...given('service', form.service), ...given('start', date(form, 'start')), ...given('end', date(form, 'end')), ...given('monthlyWage', fen(form, 'wage')),
      };
      return form.calculation === 'compensation' ? computeCompensation(input) : computeUnlawfulTermination(input);
    }
    case 'double-wages':
      return computeDoubleWages({
        today, ...given('start', date(form, 'start')), ...given('signed', date(form, 'signed')), ...given('left', date(form, 'left')), ...given('monthlyWage', fen(form, 'wage')),
      });
    case 'court-fee':
      return computeCourtFee({ fees: knowledge.courtFees, kind: form.kind, simple: form.simple === true, ...given('amount', fen(form, 'amount')) });
  }
}

/** Runs the calculation `form` asks for. */
export function calculateForm(form: CalculationForm, today: CivilDate, knowledge: CalculateKnowledge): FormOutcome {
  try {
    return { ok: true, outcome: run(form, today, knowledge) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}
