/**
 * Schema of `knowledge/local-facts.yaml`: the register of local facts staff verified (an
 * office's address, hours, phone number), each with who verified it, how, when, and when it
 * must be verified again. A fact with an empty value is 未核实 and never shown.
 */
import { z } from 'zod';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, '只能用小写字母、数字、点和短横线');
/** YAML reads an unquoted 2026-12-01 as text in the core schema; staff write dates so. */
const isoDate = z.union([z.string(), z.date()]).transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()));

/** The kinds of fact the register holds. */
export const LOCAL_FACT_KINDS = ['address', 'hours', 'phone'] as const;
/** How staff verified a fact. */
export const VERIFY_METHODS = ['电话核实', '现场', '官方网站'] as const;

/** One fact of an office; every field but `kind` may stay empty until staff verify it. */
export const LocalFactSchema = z.strictObject({
  kind: z.enum(LOCAL_FACT_KINDS),
  /** The fact as residents are told it; empty = 未核实 (never shown). */
  value: z.string().trim().default(''),
  /** Who verified it (a unit, e.g. 区司法局; no personal name needed). */
  verifiedBy: z.string().trim().default(''),
  how: z.union([z.enum(VERIFY_METHODS), z.literal('')]).default(''),
  /** YYYY-MM-DD. */
  verifiedOn: isoDate.default(''),
  /** YYYY-MM-DD: from this day on the fact is expired, not shown, and listed in 待处理. */
  reverifyBy: isoDate.default(''),
});

/** An office: the district's window, a town's 司法所 or 公共法律服务工作站. */
export const LocalOfficeSchema = z.strictObject({
  id,
  /** The name residents know it by, e.g. 樟市镇司法所. */
  name: text,
  /** The town it serves (as in meta.yaml's homePlaces); none for a district office. */
  town: text.optional(),
  facts: z.array(LocalFactSchema).default([]),
});

export const LocalFactsSchema = z.strictObject({
  /** Words of a question asking where to go or how to reach an office (去哪里, 地址, 电话…). */
  askWhere: z.array(text).min(1),
  /** At most this many other characters beside the town and those words: "我在樟市镇,去哪里" is asked by town; a longer question goes to the matcher. */
  maxOtherChars: z.number().int().min(0).max(40).default(6),
  offices: z.array(LocalOfficeSchema).default([]),
  /** The replies by town; `{town}`, `{offices}` and `{lines}` are filled by the bot. */
  messages: z.strictObject({
    /** Above the verified facts of a town's offices. */
    townHeader: text,
    /** An office of the town with no verified fact yet. */
    officeNotFilled: text,
    /** Below the facts: where else to ask. */
    townFooter: text,
    /** No office of the town has a verified fact yet. */
    townNotFilled: text,
    /** Below "nobody is on duty": when the office is open, only while verified. */
    nextHours: text.default('{office}的办公时间:{value}({source})。'),
  }),
  /** The office whose verified hours are given when nobody is on duty at the 接待 desk. */
  handoffOffice: id.default('district.window'),
});

export type LocalFact = z.infer<typeof LocalFactSchema>;
export type LocalOffice = z.infer<typeof LocalOfficeSchema>;
export type LocalFacts = z.infer<typeof LocalFactsSchema>;
