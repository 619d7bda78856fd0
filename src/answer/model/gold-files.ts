/**
 * The evaluation files: single questions (`expect` one outcome or a list of acceptable ones)
 * and multi-turn dialogues. Read and validated here; scored by run-eval and run-dialogues.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { BotError, ErrorCodes } from '../../errors.js';

/** An outcome is an entry id (an answer with that entry) or a reply kind (`fallback`, `clarify`…). */
const expectation = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

const GoldCaseSchema = z.object({
  q: z.string(),
  expect: expectation,
  category: z.enum(['answer', 'out-of-scope', 'emergency', 'robustness', 'smalltalk']),
});
export type GoldCase = z.infer<typeof GoldCaseSchema>;
export type GoldCategory = GoldCase['category'];

const DialogueSchema = z.object({
  name: z.string().min(1),
  turns: z.array(z.object({ say: z.string(), expect: expectation })).min(1),
});
export type Dialogue = z.infer<typeof DialogueSchema>;

function read<T extends z.ZodType>(file: string, schema: T, what: string): z.infer<T> {
  const parsed = schema.safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new BotError(ErrorCodes.EVAL_FILE_INVALID, `${file} 不是有效的${what}`, details);
  }
  return parsed.data;
}

/** Reads and validates a file of single questions. @throws BotError QLB_EVAL_FILE_INVALID */
export function readGoldSet(file: string): GoldCase[] {
  return read(file, z.array(GoldCaseSchema), '评测集');
}

/** Reads and validates a dialogue file. @throws BotError QLB_EVAL_FILE_INVALID */
export function readDialogues(file: string): Dialogue[] {
  return read(file, z.array(DialogueSchema), '对话评测集');
}

/** True when a file holds dialogues (a list of `{name, turns}`). */
export function isDialogueFile(file: string): boolean {
  const data: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
  return Array.isArray(data) && data.length > 0 && typeof data[0] === 'object' && data[0] !== null && 'turns' in data[0];
}

/** What a reply amounted to, in the gold files' terms. */
export function outcomeOf(reply: { kind: string; entryId?: string; flow?: { event: string } }): string {
  // A guided flow's reply says what it did: flow.start, flow.ask, flow.review, flow.done, flow.exit.
  if (reply.kind === 'flow') return `flow.${reply.flow?.event ?? 'ask'}`;
  return reply.kind === 'answer' ? (reply.entryId ?? 'answer') : reply.kind;
}

/** True when `got` is the expected outcome or one of the acceptable ones. */
export function meets(expect: string | string[], got: string): boolean {
  return Array.isArray(expect) ? expect.includes(got) : expect === got;
}

let runs = 0;

/** A conversation-id prefix of its own for each evaluation run, so runs on one bot never share a session. */
export function runPrefix(kind: string): string {
  runs += 1;
  return `${kind}-${runs}`;
}
