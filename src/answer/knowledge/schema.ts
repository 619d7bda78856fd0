/**
 * Schemas of the knowledge files (see knowledge/README.md). Validated once at load.
 */
import { z } from 'zod';

import { id, phrase, SourceSchema, text } from './schema-parts.js';

export { SourceSchema } from './schema-parts.js';

/** Fewest sample questions an entry may have. */
export const MIN_QUESTIONS = 6;


export const EntrySchema = z.strictObject({
  id,
  topic: id,
  aspect: id,
  title: text,
  questions: z.array(phrase).min(MIN_QUESTIONS, `至少要有 ${MIN_QUESTIONS} 个示例问题`),
  keywords: z.array(phrase).default([]),
  answer: text,
  source: z.array(SourceSchema).min(1, '至少要有一个来源'),
  related: z.array(id).default([]),
});

export const EntryFileSchema = z.array(EntrySchema);

/** Fewest situations a problem lists: the matcher learns the problem from them. */
export const MIN_SITUATIONS = 10;

/**
 * A life situation residents bring ("隔壁装修把我家墙震裂了"), answered with a route: the
 * first step, what next if it fails, what to keep, the time limits, and entries to read next.
 */
export const ProblemSchema = z.strictObject({
  id: z.string().regex(/^problem\.[a-z0-9-]+$/, '要写成 problem.名称,名称只能用小写字母、数字和短横线'),
  title: text,
  /** Words and short phrases that signal the situation, as residents say them. */
  cues: z.array(phrase).min(3, '至少要有 3 个提示词'),
  situations: z.array(phrase).min(MIN_SITUATIONS, `至少要有 ${MIN_SITUATIONS} 个情形`),
  /** A line shown first where safety comes first (有危险马上打110). */
  safety: text.optional(),
  first: text,
  then: z.array(text).default([]),
  evidence: z.array(text).default([]),
  deadlines: z.array(text).default([]),
  source: z.array(SourceSchema).min(1, '至少要有一个来源'),
  /** Entries (or problems) offered as numbered next steps. */
  next: z.array(id).default([]),
});

export const ProblemFileSchema = z.array(ProblemSchema);

export const TopicsSchema = z.array(z.strictObject({ id, title: text })).min(1);

export const AspectsSchema = z.array(z.strictObject({ id, title: text, words: z.array(phrase).min(1) })).min(1);

/** RE2 regular expressions (no lookaround, no \1), matched against the normalized message. */
const emergencyPatterns = z.array(text).default([]);

/**
 * Danger now. `patterns` alarm wherever they stand; `urgent` cues alarm alone, `cues` with a
 * presence cue in their clause or a neighbouring one or a time cue in their own clause; cues
 * and urgent cues only where their own clause is not past, habitual, hypothetical or after the
 * fact. A vetoed danger word still puts the category's `line` on top of the reply.
 */
export const EmergencySchema = z
  .object({
    /** Shared presence cues (门口, 还在, 叫不醒…): pair with a danger cue in their clause or a neighbouring one. */
    presence: z.array(text).min(1),
    /** Shared time and urgency cues (现在, 刚刚, 今晚…): pair with a danger cue in their own clause only. */
    now: emergencyPatterns,
    /** Habitual, past or hypothetical markers (经常, 上个月, 如果…) that veto their own clause. */
    past: emergencyPatterns,
    /** After-the-fact markers (赔偿, 派出所, 被骗…) that veto their own clause only. */
    aftermath: emergencyPatterns,
    /**
     * The danger told is over (已经抢救回来, 已脱离危险, 孩子已经找到了): vetoes the danger words
     * of its own clause and of the clauses before it, which told the event it closes.
     */
    over: emergencyPatterns,
    /**
     * Letters the clauses without danger words need before they are read as a question asked
     * beside danger now ("…,我想找律师") and answered below the emergency lines.
     */
    besideQuestionMinChars: z.number().int().min(1).default(4),
    categories: z
      .array(
        z
          .object({
            id,
            /** Always an emergency. */
            patterns: emergencyPatterns,
            /** Urgent on their own (没呼吸, 叫不醒): an emergency unless their clause is vetoed. */
            urgent: emergencyPatterns,
            /** Danger cues (weapons, fire, missing child): an emergency with a presence or time cue. */
            cues: emergencyPatterns,
            reply: text,
            /**
             * One short line naming this danger's numbers, put on top of any other reply to a
             * message with its danger words that is not danger now ("如果正在发生危险,马上打110").
             */
            line: text,
          })
          .strict()
          .refine((category) => category.patterns.length + category.urgent.length + category.cues.length > 0, {
            message: 'patterns、urgent、cues 至少要写一项',
          }),
      )
      .min(1),
  })
  .strict();

export const MetaSchema = z.strictObject({
  district: text,
  sources: z
    .array(
      z.strictObject({
        id,
        kind: z.literal('report'),
        title: text,
        file: text,
        /** Year its statistics are for; answers giving them say it ("据2023年…"). Default: the year in the title. */
        year: z.number().int().min(1949).max(2100).optional(),
      }),
    )
    .min(1),
  messages: z.strictObject({
    menuHeader: text,
    menuFooter: text,
    topicMenuFooter: text,
    clarifyHeader: text,
    clarifyFooter: text,
    fallback: text,
    elsewhere: text,
    unknownAspect: text,
    unsupported: text,
    empty: text,
    truncated: text,
    noChoice: text,
    /** A number beyond the open list; `{max}` is its length. */
    choiceOutOfRange: text,
    /** The conversation goes to a person (platforms that can hand over). */
    handoff: text,
    /** Asked for a person where none can take over: where to reach one. */
    noHandoff: text,
    /** A resident's message while waiting for staff to take the handoff. */
    handoffWaiting: text.default('已转给工作人员,请稍等;工作人员接入后会在这里回复您。想回到机器人助手,回复"结束人工"。'),
    /** The handoff ended (by either side): the bot answers again. */
    handoffEnded: text.default('人工对话已结束,机器人助手继续为您服务。回复"菜单"看看我能回答哪些问题。'),
    relatedHeader: text,
    /** A question another office handles (referrals.yaml): {office} and {contact} filled in. */
    referral: text.default('这件事归{office}办理,我这里没有他们的办理资料,不想给您错误的信息。请{contact}咨询。'),
    /** Heads an answer's related questions as a numbered list where there are no buttons (a digit picks). */
    relatedPick: text.default('您还可以问(回复数字):'),
    sourcePrefix: text,
    /** Opens a computed figure's source line, its articles: a calculation is a source of its own. */
    calculationSourcePrefix: text.default('计算依据:'),
    feedbackThanks: text,
    /** A 👍 / 👎 that is not counted: no answer of this conversation to rate, or rated already. */
    feedbackRefused: text.default('这条回答已经评价过了,或者不是这次对话里的回答,所以没有计入。谢谢您!'),
    /** Ends answers on adapters without 👍 / 👎 buttons; a bare 1 / 0 then rates the answer. */
    feedbackHint: text,
    /** Ends answers that opened a numbered list, where digits pick: rating them takes the `votes` words. */
    feedbackHintWords: text.default('有用回复"有用",没用回复"没用"'),
    /** Headings of a problem's answer: first step, if that fails, evidence, time limits, next steps. */
    problemFirst: text,
    problemThen: text,
    problemEvidence: text,
    problemDeadlines: text,
    problemNext: text,
    /** Small talk the learned model recognised that no small-talk word list holds (thanks, a complaint, goodbye…). */
    smalltalkDefault: text,
    /** Heads the answer to a legal question asked beside danger now, below the emergency lines. */
    emergencyAnswerHeader: text,
    /** Sent once when a conversation goes over the rate limit (RATE_LIMIT_PER_MINUTE). */
    rateLimited: text,
    error: text,
  }),
  greetings: z.array(text).min(1),
  /** Small talk that is no question (thanks, who are you): answered politely, never "unanswered". */
  smalltalk: z.array(z.strictObject({ id, words: z.array(phrase).min(1), reply: text })).default([]),
  /**
   * Words asking for a person (转人工) as the whole message; `anywhere`: phrases that ask for one
   * wherever they stand in a short message ("讲不清楚,还是转人工吧"); after a fallback, `rejections`
   * ("不是") ask the same.
   */
  handoff: z.strictObject({
    words: z.array(phrase).min(1),
    anywhere: z.array(phrase).default([]),
    rejections: z.array(phrase).default([]),
    /** During a handoff, the whole message that ends it and returns to the bot. */
    ends: z.array(phrase).default(['结束人工', '结束', '返回机器人']),
  }),
  homePlaces: z.array(text).default([]),
  /**
   * Words that rate the last answer where there are no buttons, as the whole message: a list
   * open or not (a bare 1 / 0 rates only when no list is open, for there digits pick).
   */
  votes: z
    .strictObject({ useful: z.array(phrase).min(1).default(['有用']), notUseful: z.array(phrase).min(1).default(['没用']) })
    .prefault({}),
});

/** Questions the bot must decline, in groups (weather, shopping…); the matcher learns each group as a class. */
export const OutOfScopeSchema = z.strictObject({
  declines: z.record(id, z.array(phrase).min(3, '每组至少要有 3 个问题')),
});

export const SynonymsSchema = z.record(z.string().min(1), z.string());

// glossary.yaml and referrals.yaml have a file of their own; re-exported here with the others.
export { GlossarySchema, ReferralsSchema } from './glossary-schema.js';

// hotlines.yaml and the law texts have a file of their own; re-exported here with the others.
export { HotlinesSchema, LawFileSchema } from './sources-schema.js';

export type SourceRef = z.infer<typeof SourceSchema>;
export type EntryData = z.infer<typeof EntrySchema>;
export type ProblemData = z.infer<typeof ProblemSchema>;
export type Topic = z.infer<typeof TopicsSchema>[number];
export type Aspect = z.infer<typeof AspectsSchema>[number];
export type EmergencyData = z.infer<typeof EmergencySchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type { GlossaryTerm, Referral } from './glossary-schema.js';
export type { Hotline, LawFile } from './sources-schema.js';

// matching.yaml has a file of its own; re-exported here, where the other knowledge files' schemas are.
export { MatchingSchema, type MatchingSettings } from './matching-schema.js';
