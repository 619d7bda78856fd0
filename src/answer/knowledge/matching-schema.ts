/**
 * Schema of knowledge/matching.yaml: the numbers that steer understanding. Validated once at load.
 */
import { z } from 'zod';

const share = z.number().min(0).max(1);
const count = z.number().int();

/**
 * matching.yaml: the numbers that steer understanding, each with its default and its reason
 * in the file. `model` is how the learned signal is built; `danger` and `intent` how far it is
 * trusted beside the rules and the matcher.
 */
export const MatchingSchema = z.strictObject({
  model: z
    .strictObject({
      ngrams: z.array(count.min(1).max(5)).min(1).default([1, 2, 3]),
      words: z.boolean().default(false),
      minCount: count.min(1).default(1),
      epochs: count.min(1).max(50).default(6),
      learningRate: z.number().positive().default(0.5),
      l2: z.number().min(0).default(0.0001),
      seed: count.default(1),
      prune: z.number().min(0).default(0.01),
      minGradient: z.number().min(0).max(1).default(0.02),
      keywordWeight: z.number().positive().max(1).default(0.5),
    })
    .prefault({}),
  danger: z
    .strictObject({
      emergencyAt: share.default(0.4),
      lineAt: share.default(0.2),
      minChars: count.min(0).default(6),
    })
    .prefault({}),
  intent: z
    .strictObject({
      kindAt: share.default(0.5),
      declineAt: share.default(0.7),
      rescueAt: share.default(0.6),
      pickAt: share.default(0.4),
      overrideAt: share.default(0.75),
      overrideBelow: share.default(0.2),
      disagreeAt: share.default(0.4),
      disagreeBelow: share.default(0.1),
    })
    .prefault({}),
  /** 法律明白人 mode (issue 22): the whole messages that switch it on and off, and how a flow's questions name the person. */
  helper: z
    .strictObject({
      on: z.array(z.string().trim().min(1)).default(['我是法律明白人', '我帮村民问', '帮村民问', '替村民问', '我替别人问', '替别人问', '帮别人问']),
      off: z.array(z.string().trim().min(1)).default(['我自己问', '问我自己的事', '退出法律明白人模式']),
      toggle: z.array(z.string().trim().min(1)).default(['/mode', '切换模式']),
      you: z.string().trim().min(1).default('您'),
      person: z.string().trim().min(1).default('当事人'),
    })
    .prefault({}),
});
export type MatchingSettings = z.infer<typeof MatchingSchema>;
