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
