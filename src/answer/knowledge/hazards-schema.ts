/**
 * hazards.yaml: the danger lexicon, words by kind with the emergency category each kind's
 * numbers come from, the markers that pair with them (now, imminent, presence) or veto them
 * (past, aftermath, over), and the ambiguous words with their everyday readings.
 */
import { z } from 'zod';

const word = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1));
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, '只能用小写字母、数字、点和短横线');

export const HAZARD_MARKERS = ['now', 'imminent', 'presence', 'past', 'aftermath', 'over'] as const;
export type HazardMarker = (typeof HAZARD_MARKERS)[number];

export const HazardsSchema = z.strictObject({
  /** Letters a message needs before a lexicon word with a marker raises an emergency. */
  alarmMinChars: z.number().int().min(0).default(6),
  kinds: z.record(
    id,
    z.strictObject({
      /** The emergency.yaml category whose reply and safety line apply. */
      category: id,
      /** A word of this kind alone puts the safety line on the reply. */
      line: z.boolean(),
      /** A word of this kind with a now, imminent or presence marker raises an emergency. */
      alarm: z.boolean(),
      comment: z.string().min(1),
      words: z.array(word).min(1),
    }),
  ),
  markers: z.strictObject(
    Object.fromEntries(HAZARD_MARKERS.map((marker) => [marker, z.strictObject({ comment: z.string().min(1), words: z.array(word).min(1) })])) as Record<
      HazardMarker,
      z.ZodObject<{ comment: z.ZodString; words: z.ZodArray<typeof word> }>
    >,
  ),
  ambiguous: z
    .record(z.string().min(1), z.strictObject({ kinds: z.array(id), ordinary: z.array(word), note: z.string().optional() }))
    .default({}),
});
export type HazardsData = z.infer<typeof HazardsSchema>;
