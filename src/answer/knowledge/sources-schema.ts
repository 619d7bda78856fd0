/**
 * Schemas of knowledge/hotlines.yaml and the law texts in knowledge/sources/laws/. Validated once at load.
 */
import { z } from 'zod';
import { phrase, text } from './schema-parts.js';

/** hotlines.yaml: the national hotlines, the only phone numbers an answer may give, each for its matters. */
export const HotlinesSchema = z
  .array(
    z.strictObject({
      number: phrase.pipe(z.string().regex(/^\d{3,6}$/, '号码只能是3到6位数字')),
      /** The official name: 12348公共法律服务热线. */
      name: text,
      /** Other names an answer may call it by (公共法律服务热线). */
      names: z.array(text).default([]),
      /** What the line is for, in a resident's words. */
      for: text,
      /** The office that handles what it is for (an out-of-scope reply names it). */
      office: text,
      /** Matters it serves (ids of honesty.yaml `terms`); '*' for any but `except`. */
      matters: z.array(text).min(1, '至少写一个事项'),
      except: z.array(text).default([]),
      /** The official source that set up or unified the number. */
      source: text,
    }),
  )
  .min(1);

const ARTICLE = /^第[一二三四五六七八九十百千零]+条$/;

/** sources/laws/<law>.yaml: the cited articles of one law, verbatim from the published text. */
export const LawFileSchema = z.strictObject({
  /** Full official name, as cited inside 《》. */
  law: text,
  /** Date of the adoption or latest amendment whose text this is (YYYY-MM-DD). */
  version: z
    .union([z.string(), z.date()])
    .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)))
    .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '版本日期写成 YYYY-MM-DD')),
  source: text,
  articles: z.record(z.string().regex(ARTICLE, '条号写成“第X条”(汉字数字)'), text),
});

export type Hotline = z.infer<typeof HotlinesSchema>[number];
export type LawFile = z.infer<typeof LawFileSchema>;
