/**
 * The deadline rules (knowledge/calculate/deadlines.yaml): each period, what starts it, how it
 * is counted, its articles and what would change it, as data staff can read and correct.
 */
import { z } from 'zod';
import { CitationSchema } from './result.js';

const CountingSchema = z.object({
  /** One line of the rule, shown when a year's holidays are not on file. */
  text: z.string().min(1),
  articles: z.array(CitationSchema),
});

const PeriodSchema = z.object({
  amount: z.number().int().positive(),
  unit: z.enum(['day', 'month', 'year', 'workday']),
});

const RuleSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/u, { message: 'id 只用小写字母、数字和连字符' }),
    title: z.string().min(1),
    /** null: no running period (unpaid wages while employed); `statement` says what applies. */
    period: PeriodSchema.nullable(),
    counting: z.enum(['civil', 'procedural', 'criminal', 'workday']),
    /** What starts the period, as said to the person. */
    trigger: z.string().min(1),
    /** The one question asked when the start date is missing. */
    triggerAsk: z.string().min(1),
    /** What the figure is: 最晚申请劳动仲裁的日期. */
    label: z.string().min(1),
    articles: z.array(CitationSchema).min(1),
    changes: z.array(z.string().min(1)),
    /** Said when the last day has passed (never "不能起诉" where the law does not say so). */
    whenPassed: z.string().min(1),
    /** Articles `whenPassed` cites. */
    passedArticles: z.array(CitationSchema).default([]),
    statement: z.string().min(1).optional(),
    /** A later date that restarts the period (a demand for payment), with its rule. */
    restart: z.object({ what: z.string().min(1), articles: z.array(CitationSchema).min(1) }).optional(),
  })
  .superRefine((rule, context) => {
    if (rule.period === null && !rule.statement) context.addIssue({ code: 'custom', path: ['statement'], message: '没有期间（period: null）的规则要写 statement' });
    if ((rule.counting === 'workday') !== (rule.period?.unit === 'workday') && rule.period !== null) {
      context.addIssue({ code: 'custom', path: ['counting'], message: '按工作日计算的期间，counting 和 unit 都要写 workday' });
    }
  });

/** The schema of deadlines.yaml. */
export const DeadlinesFileSchema = z
  .object({
    counting: z.object({ civil: CountingSchema, procedural: CountingSchema, criminal: CountingSchema, workday: CountingSchema }),
    rules: z.array(RuleSchema).min(1),
  })
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.rules.forEach((rule, index) => {
      if (seen.has(rule.id)) context.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `id“${rule.id}”重复` });
      seen.add(rule.id);
    });
  });

/** deadlines.yaml as validated. */
export type DeadlinesFile = z.infer<typeof DeadlinesFileSchema>;
/** One deadline rule. */
export type DeadlineRule = DeadlinesFile['rules'][number];
/** The counting rules by kind. */
export type CountingRules = DeadlinesFile['counting'];
