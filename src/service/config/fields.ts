/**
 * The zod field kinds the configuration is written with: blank means unset (as `.env.example`
 * leaves keys), numbers within bounds, flags in the usual spellings. No environment is read here.
 */
import { z } from 'zod';

/** Text, or undefined when empty. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** An empty value (`KEY=` as .env.example leaves it) means the default, never 0. */
export const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** An integer between `min` and `max`; `fallback` when unset. */
export const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

/** "true"/"false" (also 1/0, yes/no, on/off); empty means the default. */
export const flag = (fallback: boolean) => z.preprocess(blankAsUnset, z.stringbool().default(fallback));

/** Unset when empty; otherwise must match `pattern` (the message names the expected form, never the value). */
export const optionalMatching = (pattern: RegExp, message: string) =>
  z.preprocess(blankAsUnset, z.string().trim().regex(pattern, message).optional());

/** Freezes `value` and everything in it. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
