/**
 * What inline buttons carry back. Telegram allows 1–64 bytes of callback data, so the
 * format is terse: the choice's own id (`t:<topic>`, `e:<entry>`) for a menu or clarify
 * button, and a guided flow's `f:<flow>:<step>:<choice>` / `f:<flow>:#<control>`, so an old
 * button answers what it showed; `fb:1:<entryId>` / `fb:0:<entryId>` is
 * 👍 / 👎 under an answer; a bare number (buttons of earlier versions, or an id too long
 * for 64 bytes) is the digit the person could have typed.
 */

/** A decoded button press. */
export type ButtonAction =
  | { type: 'choice'; id: string }
  | { type: 'pick'; n: number }
  | { type: 'feedback'; useful: boolean; entryId?: string };

const MAX_BYTES = 64;
const PICK = /^(\d{1,3})$/;
const FEEDBACK = /^fb:([01]):(.*)$/s;

const CHOICE = /^(?:[te]:[a-z0-9][a-z0-9.-]*|f:[a-z0-9-]+:[a-z0-9:#-]+)$/;

/** Callback data for a choice: its id, or its number when the id does not fit in 64 bytes. */
export function encodeChoice(choice: { n: number; id: string }): string {
  return Buffer.byteLength(choice.id, 'utf8') <= MAX_BYTES && CHOICE.test(choice.id) ? choice.id : String(choice.n);
}

/**
 * Callback data for a feedback button. An entry id too long for the 64-byte limit is left
 * out (the vote is still recorded, without its entry) rather than making Telegram refuse
 * the whole reply.
 */
export function encodeFeedback(useful: boolean, entryId?: string): string {
  const data = `fb:${useful ? 1 : 0}:${entryId ?? ''}`;
  return Buffer.byteLength(data, 'utf8') <= MAX_BYTES ? data : `fb:${useful ? 1 : 0}:`;
}

/** Decodes callback data; undefined for anything this bot did not produce. */
export function decodeButton(data: string): ButtonAction | undefined {
  if (CHOICE.test(data)) return { type: 'choice', id: data };
  const pick = PICK.exec(data);
  if (pick?.[1]) {
    const n = Number(pick[1]);
    return n >= 1 ? { type: 'pick', n } : undefined;
  }
  const feedback = FEEDBACK.exec(data);
  if (feedback) {
    const entryId = feedback[2] ? feedback[2] : undefined;
    return { type: 'feedback', useful: feedback[1] === '1', ...(entryId ? { entryId } : {}) };
  }
  return undefined;
}
