/**
 * The pieces every knowledge file's schema is made of: text, a phrase (a number written in
 * YAML is still text), an id, and a source line.
 */
import { z } from 'zod';

export const text = z.string().trim().min(1);
/** Staff write `keywords: [12348]`; YAML reads that as a number, which is still meant as text. */
export const phrase = z.union([z.string(), z.number()]).transform(String).pipe(text);
export const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, '只能用小写字母、数字、点和短横线');

export const SourceSchema = z.strictObject({
  kind: z.enum(['report', 'law', 'hotline']),
  ref: text,
  quote: text.optional(),
});
