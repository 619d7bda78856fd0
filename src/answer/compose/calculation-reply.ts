/**
 * A calculator's outcome as a reply. A result is an `answer` whose entry is `calc.<rule>` (the
 * deadline rule or the money calculation: calc.labour-arbitration, calc.unlawful-termination,
 * calc.court-fee),
 * so it is rated, recorded and scored like any answer, and its source line is its articles
 * ("计算依据:《劳动合同法》第八十七条、第四十七条"): a computed figure is a source of its own. The
 * one short question for a missing input, and a polite refusal (a date in the future), are
 * `clarify` replies without a list. Every reply carries the outcome itself as `calculation`.
 */
import { citationsText, renderCalculation, type CalcOutcome } from '../calculate/index.js';
import type { Reply } from '../../types.js';

/** Entries of computed answers start with this: `calc.labour-arbitration`. */
export const CALCULATION_ENTRY_PREFIX = 'calc.';

/**
 * The entry id of a result: `calc.` and its deadline rule (`deadline:labour-arbitration` →
 * calc.labour-arbitration) or its money calculation (`court-fee:property` → calc.court-fee).
 */
export function calculationEntryId(outcome: CalcOutcome): string {
  const [kind = '', variant] = outcome.calculation.split(':');
  return `${CALCULATION_ENTRY_PREFIX}${kind === 'deadline' && variant ? variant : kind}`;
}

/** The reply of `outcome`; `sourcePrefix` opens the line of its articles. */
export function calculationReply(outcome: CalcOutcome, sourcePrefix: string): Reply {
  if (outcome.kind !== 'result') return { kind: 'clarify', text: renderCalculation(outcome), calculation: outcome };
  return {
    kind: 'answer',
    text: renderCalculation(outcome, { sourcePrefix }),
    entryId: calculationEntryId(outcome),
    source: `${sourcePrefix}${citationsText(outcome.articles)}`,
    calculation: outcome,
  };
}
