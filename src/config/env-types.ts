/**
 * The zod building blocks of the environment schema: how an unset, blank, numeric, boolean
 * or patterned key is read. Shared by the parts of the config in this folder.
 */
import { z } from 'zod';

/** Unset when empty or blank; otherwise the trimmed text. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An empty value (`KEY=` as .env.example leaves it) means the default, never 0. */
export const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An integer between `min` and `max`; `fallback` when unset or blank. */
export const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

/** "true"/"false" (also 1/0, yes/no, on/off); empty means the default. */
export const flag = (fallback: boolean) => z.preprocess(blankAsUnset, z.stringbool().default(fallback));

/** Unset when empty; otherwise must match `pattern` (the message names the expected form, never the value). */
export const optionalMatching = (pattern: RegExp, message: string) =>
  z.preprocess(blankAsUnset, z.string().trim().regex(pattern, message).optional());
