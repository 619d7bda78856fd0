/**
 * JSON schemas of the calculators over HTTP (issue 23): the outcome a reply carries as
 * `calculation` (src/answer/calculate/result.ts, as `toReplyJson` gives it), and the request
 * of POST /api/v1/calculate, one shape per calculation (`calculateForm`'s `CalculationForm`).
 * Dates are YYYY-MM-DD; money is whole yuan or a decimal string of yuan ("6000.50"), never a
 * float, so the figure is exact to the fen.
 */

const text = { type: 'string' } as const;
const texts = { type: 'array', items: text } as const;

/** A calculator's outcome: a result, the one input it asks for, or why it did not compute. */
export const CALCULATION_OUTCOME = {
  type: ['object', 'null'],
  description:
    'The calculator\'s outcome, for computed replies (entry `calc.<rule>`) and the one question a calculation asks; null otherwise. `kind` result: `figure` (with `date` YYYY-MM-DD or `fen`), `how` (one line), `articles`, `changes` (what would change it), `assumptions`, `notes`, `inputs`; ask: `missing`, `question`; refuse: `reason`, `message`.',
  required: ['kind', 'calculation', 'title'],
  properties: {
    kind: { type: 'string', enum: ['result', 'ask', 'refuse'] },
    calculation: text,
    title: text,
    figure: {
      type: 'object',
      required: ['label', 'text'],
      properties: { label: text, text, date: text, fen: { type: 'integer' }, maxFen: { type: 'integer' } },
    },
    how: text,
    articles: { type: 'array', items: { type: 'object', required: ['law', 'article'], properties: { law: text, article: text } } },
    changes: texts,
    assumptions: texts,
    notes: texts,
    inputs: { type: 'array', items: { type: 'object', required: ['name', 'value'], properties: { name: text, value: text } } },
    status: { type: 'string', enum: ['open', 'passed'] },
    missing: text,
    question: text,
    reason: text,
    message: text,
  },
} as const;

/** A calendar day, YYYY-MM-DD (whether it exists, 2026-02-30, the calculator says). */
const DATE = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' } as const;

/** Yuan: a whole number, or a decimal string with at most two decimals ("6000.50"); never a float. */
const YUAN = {
  anyOf: [
    { type: 'integer', minimum: 0, maximum: 1_000_000_000_000 },
    { type: 'string', pattern: '^\\d{1,13}(\\.\\d{1,2})?$' },
  ],
  description: 'Yuan: an integer, or a string such as "6000.50" (never a float).',
} as const;

/** A length of service as years and months (days optional), when the dates are not known. */
const SERVICE = {
  type: 'object',
  required: ['years', 'months'],
  additionalProperties: false,
  properties: {
    years: { type: 'integer', minimum: 0, maximum: 70 },
    months: { type: 'integer', minimum: 0, maximum: 11 },
    days: { type: 'integer', minimum: 0, maximum: 30 },
  },
} as const;

const shape = (calculation: readonly string[], required: string[], properties: Record<string, unknown>) => ({
  type: 'object',
  required: ['calculation', ...required],
  additionalProperties: false,
  properties: { calculation: { type: 'string', enum: calculation }, ...properties },
});

/** POST /api/v1/calculate: one calculation and its inputs; a missing input is asked for in the reply. */
export const CalculateRequest = {
  $id: 'CalculateRequest',
  type: 'object',
  oneOf: [
    shape(['deadline'], ['rule'], {
      rule: { type: 'string', pattern: '^[a-z0-9-]{1,60}$', description: 'A deadline of knowledge/calculate/deadlines.yaml: labour-arbitration, civil-limitation, …' },
      event: { ...DATE, description: 'The day the period runs from (dismissal, due date, decision received): YYYY-MM-DD.' },
      restart: { ...DATE, description: 'A later day it started again (a demand, an agreement to pay): YYYY-MM-DD.' },
    }),
    shape(['compensation', 'unlawful-termination'], [], { wage: YUAN, service: SERVICE, start: DATE, end: DATE }),
    shape(['double-wages'], [], { wage: YUAN, start: DATE, signed: DATE, left: DATE }),
    shape(['court-fee'], ['kind'], {
      kind: { type: 'string', enum: ['property', 'labour', 'divorce'] },
      amount: YUAN,
      simple: { type: 'boolean', description: 'The simple procedure (half the fee, 诉讼费用交纳办法 第十六条).' },
    }),
  ],
} as const;
