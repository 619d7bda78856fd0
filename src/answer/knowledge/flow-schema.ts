/**
 * knowledge/flows/*.yaml: a guided flow as data (issue 22). Steps ask one short question each
 * (choices, or a date / amount / short text typed in), may be shown only on earlier answers
 * (`when`) and may jump forward (`next` on a choice); the walk ends in a review of the answers,
 * then the outcome, the checklist, the next steps and the deadlines, every line with its source.
 * The shape is checked here; what a shape cannot say (reachable, no loop, sourced) in
 * check-flows.ts.
 */
import { z } from 'zod';
import { SourceSchema } from './schema.js';

const text = z.string().trim().min(1);
const phrase = z.union([z.string(), z.number()]).transform(String).pipe(text);
const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, '只能用小写字母、数字和短横线');

/**
 * Shown only when every listed earlier step was answered with one of the listed choice ids
 * (`given` / `skipped` for a typed answer). `{ matter: [wages, injury] }`.
 */
export const WhenSchema = z.record(name, z.array(name).min(1, '至少列一个选项')).optional();

export const FlowChoiceSchema = z.strictObject({
  id: name,
  label: text,
  /** Other words that pick it when typed (是, 对, 有…), besides its label and its number. */
  says: z.array(phrase).default([]),
  /** Jump forward to this step instead of the next one in order (never back: that is a loop). */
  next: name.optional(),
});

export const FlowStepSchema = z
  .strictObject({
    id: name,
    /** The question, short and plain. */
    ask: text,
    /** How the answer is named in the review and the summary ("事情类别"). */
    field: text,
    /** A line of help under the question (why it is asked, what counts). */
    hint: text.optional(),
    choices: z.array(FlowChoiceSchema).optional(),
    /** A typed answer instead of choices: a date, an amount of money, or a short text (masked). */
    input: z.enum(['date', 'money', 'text']).optional(),
    /** A typed answer may be skipped (跳过). */
    skip: z.boolean().default(false),
    when: WhenSchema,
    /** After a typed answer, jump forward to this step. */
    next: name.optional(),
  })
  .refine((step) => Boolean(step.choices?.length) !== Boolean(step.input), { message: '一个问题要么给选项(choices),要么让人输入(input),只能二选一' });

/** One line of the ending (a checklist item, a next step) with its sources and, optionally, when it applies. */
export const FlowLineSchema = z.strictObject({
  text,
  when: WhenSchema,
  source: z.array(SourceSchema).default([]),
});

/** The verdict of a screen; an intake's outcome is its route. */
export const FlowOutcomeSchema = z.strictObject({
  id: name,
  when: WhenSchema,
  /** likely 很可能符合 / possible 可能符合,由机构审查决定 / unlikely 可能不符合 / route (intake). */
  verdict: z.enum(['likely', 'possible', 'unlikely', 'route']),
  text,
  source: z.array(SourceSchema).default([]),
});

/** A deadline from a date the person gave, by a rule of knowledge/calculate/deadlines.yaml, or the rule in words. */
export const FlowDeadlineSchema = z
  .strictObject({
    when: WhenSchema,
    /** A rule id of calculate/deadlines.yaml. */
    rule: name.optional(),
    /** The date step it runs from. */
    from: name.optional(),
    /** The rule in words, where no calculator rule exists (or the date was not given). */
    text: text.optional(),
    source: z.array(SourceSchema).default([]),
  })
  .refine((d) => Boolean(d.rule) === Boolean(d.from) && (Boolean(d.rule) || Boolean(d.text)), { message: '期限要么写 rule 和 from(按日期计算),要么写 text(用文字说明规则)' });

export const FlowSchema = z.strictObject({
  id: name,
  title: text,
  /** screen: a pre-screen ending in a verdict; intake: questions ending in a case summary. */
  kind: z.enum(['screen', 'intake']),
  /** Label of the flow in the menu; none keeps it off the menu. */
  menu: text.optional(),
  /** Messages that start it when they are the whole message ("我能不能申请法律援助"). */
  starts: z.array(phrase).default([]),
  /** Answers whose text holds one of these words offer a button to start it. */
  offerUnder: z.array(phrase).default([]),
  /** The button's label under such answers. */
  offerLabel: text.optional(),
  intro: text,
  /** Intake: the steps whose answers the summary needs (they cannot be skipped). */
  required: z.array(name).default([]),
  steps: z.array(FlowStepSchema).min(1, '至少要有一个问题'),
  outcomes: z.array(FlowOutcomeSchema).min(1, '至少要有一个结果'),
  /** Intake: the case summary, one line per answer, `{step}` filled with the answer; a line whose step was not answered is left out. */
  summary: z.array(z.strictObject({ text, when: WhenSchema })).default([]),
  checklistTitle: text.optional(),
  checklist: z.array(FlowLineSchema).default([]),
  nextSteps: z.array(FlowLineSchema).default([]),
  deadlines: z.array(FlowDeadlineSchema).default([]),
});

export type FlowData = z.infer<typeof FlowSchema>;
export type FlowStep = FlowData['steps'][number];
export type FlowChoice = NonNullable<FlowStep['choices']>[number];
export type FlowLine = FlowData['checklist'][number];
export type FlowOutcome = FlowData['outcomes'][number];
export type FlowDeadline = FlowData['deadlines'][number];
export type FlowWhen = z.infer<typeof WhenSchema>;

/** A flow as loaded, with its file. */
export interface Flow extends FlowData {
  file: string;
}
