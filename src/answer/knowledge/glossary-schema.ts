/**
 * Schemas of knowledge/glossary.yaml and knowledge/referrals.yaml. Validated once at load.
 */
import { z } from 'zod';
import { id, phrase, SourceSchema, text } from './schema-parts.js';

/**
 * glossary.yaml: legal terms answers use, each with a plain explanation shown where it first
 * appears in an answer, and the law text it stands on (checked like an entry's sources).
 */
export const GlossarySchema = z.array(
  z.strictObject({
    /** Exactly as answers write it (非诉讼事项). */
    term: text,
    /** In a resident's words, no fact the source does not give. */
    gloss: text,
    source: z.array(SourceSchema).min(1, '至少要有一个来源'),
  }),
);

/**
 * referrals.yaml: offices that handle what the bot cannot answer (社保 → 12333), each reached by a
 * listed national `hotline` or at `where`, with the source that says the office handles it.
 */
export const ReferralsSchema = z.array(
  z
    .strictObject({
      id,
      /** The office, as residents would look for it. */
      office: text,
      /** Words of a question that belong to this office. */
      words: z.array(phrase).min(1),
      /** A number of hotlines.yaml. */
      hotline: phrase.optional(),
      /** Where to go, where there is no hotline. */
      where: text.optional(),
      source: z.array(SourceSchema).min(1, '至少要有一个来源'),
    })
    .refine((r) => r.hotline !== undefined || r.where !== undefined, '要写 hotline(热线号码)或 where(去哪里办)'),
);

export type GlossaryTerm = z.infer<typeof GlossarySchema>[number];
export type Referral = z.infer<typeof ReferralsSchema>[number];
