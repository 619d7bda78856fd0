/**
 * The calculators' data, validated: the files under knowledge/calculate/ as parsed YAML in,
 * the checked and built knowledge (or every problem, in Chinese, with file and field) out.
 * No I/O here: the knowledge loader reads the files and hands over what it parsed.
 */
import type { z } from 'zod';
import { CourtFeesFileSchema, type CourtFeesFile } from './court-fee.js';
import { DeadlinesFileSchema, type DeadlinesFile } from './deadline-rules.js';
import { holidayCalendar, HolidaysFileSchema, type HolidayCalendar, type HolidaysFile } from './holidays.js';
import { LocalFiguresFileSchema, type LocalFiguresFile } from './local-figures.js';
import { QuestionsFileSchema, questionsProblems, type QuestionsFile } from './question-cues.js';

/** Where each file lives, relative to the knowledge folder. */
export const CALCULATE_FILES = {
  holidays: 'calculate/holidays.yaml',
  deadlines: 'calculate/deadlines.yaml',
  localFigures: 'calculate/local-figures.yaml',
  courtFees: 'calculate/court-fees.yaml',
  questions: 'calculate/questions.yaml',
} as const;

/** The parsed (not yet validated) content of each file. */
export type CalculateFiles = Record<keyof typeof CALCULATE_FILES, unknown>;

/** Everything the calculators read. */
export interface CalculateKnowledge {
  holidays: HolidaysFile;
  calendar: HolidayCalendar;
  deadlines: DeadlinesFile;
  localFigures: LocalFiguresFile;
  courtFees: CourtFeesFile;
  questions: QuestionsFile;
}

/** One problem in a file: which file, where in it, what is wrong (in Chinese). */
export interface CalculateProblem {
  file: string;
  field: string;
  message: string;
}

/** The outcome of {@link loadCalculateKnowledge}. */
export type CalculateLoad = { ok: true; knowledge: CalculateKnowledge } | { ok: false; problems: CalculateProblem[] };

/**
 * Validates the parsed files and builds the calculators' knowledge. `errorMap` lets the
 * knowledge loader pass its Chinese schema messages (src/knowledge/schema-messages.ts).
 */
export function loadCalculateKnowledge(files: CalculateFiles, errorMap?: z.core.$ZodErrorMap): CalculateLoad {
  const problems: CalculateProblem[] = [];
  const check = <T>(key: keyof typeof CALCULATE_FILES, schema: z.ZodType<T>): T | undefined => {
    const parsed = schema.safeParse(files[key], errorMap ? { error: errorMap } : undefined);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) problems.push({ file: CALCULATE_FILES[key], field: issue.path.join('.') || '(整个文件)', message: issue.message });
    return undefined;
  };
  const holidays = check('holidays', HolidaysFileSchema);
  const deadlines = check('deadlines', DeadlinesFileSchema);
  const localFigures = check('localFigures', LocalFiguresFileSchema);
  const courtFees = check('courtFees', CourtFeesFileSchema);
  const questions = check('questions', QuestionsFileSchema);
  if (questions && deadlines) {
    const ids = new Set(deadlines.rules.map((rule) => rule.id));
    for (const problem of questionsProblems(questions, ids)) problems.push({ file: CALCULATE_FILES.questions, ...problem });
  }
  if (problems.length || !holidays || !deadlines || !localFigures || !courtFees || !questions) return { ok: false, problems };
  return { ok: true, knowledge: { holidays, calendar: holidayCalendar(holidays), deadlines, localFigures, courtFees, questions } };
}
