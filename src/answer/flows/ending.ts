/**
 * The end of a flow, from the answers on the person's path: the outcome (a screen's verdict,
 * an intake's route), the case summary (an intake: one line per answer, no names, fitting one
 * phone screen), the checklist and next steps that apply (each line with its article), and the
 * deadlines: computed from the dates given where calculate/deadlines.yaml has the rule
 * (computeDeadline), else the rule in words.
 */
import { formatChineseDate, parseIsoDate, type CivilDate } from '../calculate/civil-date.js';
import { computeDeadline } from '../calculate/deadline.js';
import type { CalculateKnowledge } from '../calculate/knowledge.js';
import { formatYuan } from '../calculate/money.js';
import { citationsText } from '../calculate/render.js';
import type { Flow, FlowLine, FlowOutcome, FlowStep } from '../knowledge/flow-schema.js';
import type { SourceRef } from '../knowledge/schema.js';
import { allHolding, firstHolding, type FlowProgress, type Walk } from './walk.js';

/** The parts of a flow's ending, as lines ready to show. */
export interface Ending {
  outcome: FlowOutcome;
  /** Intake: the case summary, one line per answer given. */
  summary: string[];
  checklist: string[];
  nextSteps: string[];
  deadlines: string[];
  /** Every source the ending stands on, for its source line. */
  sources: SourceRef[];
}

/** How an answer reads in the review and the summary: the choice's label, the date, the amount, the text. */
export function answerText(step: FlowStep, progress: Pick<FlowProgress, 'answers' | 'values'>): string {
  const answer = progress.answers[step.id];
  if (answer === undefined) return '';
  if (answer === 'skipped') return '(跳过)';
  if (step.choices) return step.choices.find((choice) => choice.id === answer)?.label ?? answer;
  const value = progress.values[step.id] ?? '';
  if (step.input === 'date') {
    const date = parseIsoDate(value);
    return date ? formatChineseDate(date) : value;
  }
  if (step.input === 'money' && /^\d+$/.test(value)) return formatYuan(Number(value));
  return value;
}

/** 《法律援助法》第四十二条: where a line stands, said after it. */
export function citeOf(sources: readonly SourceRef[]): string {
  const byLaw = new Map<string, string[]>();
  for (const source of sources) {
    // A hotline line names its number itself; a report is cited by its section.
    if (source.kind === 'hotline') continue;
    const match = source.kind === 'law' ? /^(《[^》]+》)(.*)$/u.exec(source.ref.replace(/中华人民共和国/u, '')) : null;
    const [law, article] = match ? [match[1] as string, match[2] as string] : ['报告', source.ref];
    const articles = byLaw.get(law) ?? [];
    if (!articles.includes(article)) articles.push(article);
    byLaw.set(law, articles);
  }
  const refs = [...byLaw].map(([law, articles]) => `${law}${articles.join('、')}`);
  return refs.length ? `(依据:${refs.join(';')})` : '';
}

function lineOf(line: FlowLine): string {
  return `· ${line.text.trim()}${citeOf(line.source)}`;
}

/** Builds the ending of `flow` for the walk `walked` (all steps answered). */
export function buildEnding(flow: Flow, walked: Walk, progress: FlowProgress, calculate: CalculateKnowledge | undefined, today: CivilDate): Ending {
  const { answers } = walked;
  const outcome = firstHolding(flow.outcomes, answers) ?? (flow.outcomes[flow.outcomes.length - 1] as FlowOutcome);
  const sources: SourceRef[] = [...outcome.source];
  const stepById = new Map(flow.steps.map((step) => [step.id, step]));
  const summary = allHolding(flow.summary, answers).flatMap((line) => {
    let missing = false;
    const text = line.text.replace(/\{([a-z0-9-]+)\}/g, (_, id: string) => {
      const step = stepById.get(id);
      const said = step && walked.path.includes(step) ? answerText(step, progress) : '';
      if (!said || said === '(跳过)') missing = true;
      return said;
    });
    return missing ? [] : [`· ${text}`];
  });
  const pick = (lines: readonly FlowLine[]) => {
    const holding = allHolding(lines, answers);
    for (const line of holding) sources.push(...line.source);
    return holding.map(lineOf);
  };
  const checklist = pick(flow.checklist);
  const nextSteps = pick(flow.nextSteps);
  const deadlines = allHolding(flow.deadlines, answers).flatMap((deadline) => {
    sources.push(...deadline.source);
    const rule = deadline.rule ? calculate?.deadlines.rules.find((r) => r.id === deadline.rule) : undefined;
    const event = deadline.from ? parseIsoDate(progress.values[deadline.from] ?? '') : undefined;
    if (rule && event && calculate) {
      const computed = computeDeadline({ rule, counting: calculate.deadlines.counting, calendar: calculate.calendar, today, event });
      if (computed.kind === 'result') {
        // The last note says how many days are left, or what can still be done once it has passed.
        const status = computed.notes[computed.notes.length - 1] ?? '';
        return [`· ${computed.figure.label}:${computed.figure.text}(从您说的${formatChineseDate(event)}算;依据:${citationsText(computed.articles)})。${status}`];
      }
      if (computed.kind === 'refuse') return [`· ${computed.message}`];
    }
    return deadline.text ? [`· ${deadline.text.trim()}${citeOf(deadline.source)}`] : [];
  });
  return { outcome, summary, checklist, nextSteps, deadlines, sources };
}
