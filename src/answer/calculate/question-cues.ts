/**
 * The cues that tell which calculation a question asks for (knowledge/calculate/questions.yaml):
 * per calculation its cue words, the words that rule it out, how to pick its variant (the
 * deadline rule, the kind of court fee), and the words that give each input its role. The
 * inputs a calculator takes are fixed in code (INPUTS); which words point at them is data.
 */
import { z } from 'zod';

/** The kinds of calculation and the inputs (name → type) each takes. */
export const INPUTS = {
  deadline: { event: 'date', restart: 'date' },
  compensation: { service: 'duration', start: 'date', end: 'date', wage: 'money' },
  'unlawful-termination': { service: 'duration', start: 'date', end: 'date', wage: 'money' },
  'double-wages': { start: 'date', signed: 'date', left: 'date', wage: 'money' },
  'court-fee': { amount: 'money' },
} as const;

/** A kind of calculation. */
export type CalculationKind = keyof typeof INPUTS;

/** The variants a kind chooses among, besides deadline rule ids. */
export const COURT_FEE_KINDS = ['property', 'labour', 'divorce'] as const;

const Words = z.array(z.string().min(1)).min(1);
/** All groups must match, each by any one of its words. */
const AllOf = z.array(Words).min(1);

const InputCueSchema = z.object({
  name: z.string().min(1),
  /** Words near a mention (just after it, or just before) that give it this role. */
  cues: z.array(z.string().min(1)),
  /** A mention with no role word goes to this input when it is the only one of its type. */
  default: z.boolean().default(false),
});

const ChoiceSchema = z.object({
  /** A deadline rule id, or a court-fee kind. */
  value: z.string().min(1),
  /** Omitted: the default, taken when no earlier choice matched. */
  when: AllOf.optional(),
  /** Said when the default is taken because the question did not say. */
  assume: z.string().min(1).optional(),
});

const CalculationSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/u),
  /** Its name in Chinese, for a question asked before a rule is known. */
  title: z.string().min(1),
  kind: z.enum(Object.keys(INPUTS) as [CalculationKind, ...CalculationKind[]]),
  /** Words that name this calculation; the longer the matched words, the stronger. */
  cues: Words,
  /** Words that rule it out. */
  excludes: z.array(z.string().min(1)).default([]),
  choose: z.array(ChoiceSchema).default([]),
  inputs: z.array(InputCueSchema).default([]),
  /** Yes/no facts read from words: simple → 简易程序. */
  flags: z.record(z.string(), Words).default({}),
});

const RouteSchema = z.object({
  /** The problem (or answer) whose route the follow-up comes after: problem.dismissal. */
  entry: z.string().min(1),
  /** The calculation a follow-up asking "还来得及吗" gets: a deadline calculation's id. */
  deadline: z.string().min(1).optional(),
  /** The calculation a follow-up asking "能拿多少" gets: a money calculation's id. */
  amount: z.string().min(1).optional(),
});

/** A short follow-up after a route, computed for that route's problem. */
const AfterRouteSchema = z.object({
  /**
   * Characters a follow-up may have besides its asking words, the dates and amounts it gives,
   * their role words and the fillers; with more it asks about something else ("律师费要多少钱").
   */
  maxRest: z.number().int().min(0).max(10).default(2),
  /** Words a bare follow-up is made of besides those: 还, 吗, 现在, 申请…. */
  fillers: z.array(z.string().min(1)).default([]),
  routes: z.array(RouteSchema).default([]),
});

/** The schema of questions.yaml. */
export const QuestionsFileSchema = z.object({
  /** Words that make a question ask for a figure, per kind: deadline or amount. */
  asking: z.object({ deadline: Words, amount: Words }),
  calculations: z.array(CalculationSchema).min(1),
  afterRoute: AfterRouteSchema.default({ maxRest: 2, fillers: [], routes: [] }),
});

/** questions.yaml as validated. */
export type QuestionsFile = z.infer<typeof QuestionsFileSchema>;
/** One calculation's cues. */
export type CalculationCues = QuestionsFile['calculations'][number];

/** Problems a schema cannot see: unknown inputs, choices that name no rule, a missing default. */
export function questionsProblems(file: QuestionsFile, deadlineIds: ReadonlySet<string>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const ids = new Set<string>();
  file.calculations.forEach((calculation, index) => {
    const at = (field: string, message: string) => problems.push({ field: `calculations[${index}](${calculation.id}).${field}`, message });
    if (ids.has(calculation.id)) at('id', 'id 重复');
    ids.add(calculation.id);
    const allowed: Record<string, string> = INPUTS[calculation.kind];
    calculation.inputs.forEach((input, inputIndex) => {
      if (!(input.name in allowed)) at(`inputs[${inputIndex}].name`, `${calculation.kind} 没有输入“${input.name}”，只有：${Object.keys(allowed).join('、')}`);
    });
    const values = calculation.kind === 'deadline' ? deadlineIds : calculation.kind === 'court-fee' ? new Set<string>(COURT_FEE_KINDS) : new Set<string>();
    calculation.choose.forEach((choice, choiceIndex) => {
      if (!values.has(choice.value)) at(`choose[${choiceIndex}].value`, `没有“${choice.value}”这个规则或种类`);
    });
    if ((calculation.kind === 'deadline' || calculation.kind === 'court-fee') && calculation.choose.at(-1)?.when !== undefined) {
      at('choose', '最后一项要是不带 when 的默认项');
    }
  });
  file.afterRoute.routes.forEach((route, index) => {
    const at = (field: string, message: string) => problems.push({ field: `afterRoute.routes[${index}](entry=${route.entry}).${field}`, message });
    if (!route.deadline && !route.amount) at('deadline', '要写 deadline 或 amount（至少一个）');
    for (const which of ['deadline', 'amount'] as const) {
      const id = route[which];
      const named = id === undefined ? undefined : file.calculations.find((calculation) => calculation.id === id);
      if (id !== undefined && !named) at(which, `calculations 里没有“${id}”`);
      else if (named && (named.kind === 'deadline') !== (which === 'deadline')) at(which, which === 'deadline' ? `“${id}”不是期限类的计算` : `“${id}”是期限类的计算，不是金额`);
    }
  });
  return problems;
}
