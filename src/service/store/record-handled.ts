/**
 * Turns one handled message into store records, applying the privacy rules in one place:
 * the conversation only as a salted hash; the question only for `fallback` and `clarify`
 * and for 👎, and then only masked.
 */
import type { Vote } from '../../answer/dialog/votes.js';
import type { Masker } from '../../answer/privacy/mask.js';
import type { InboundMessage, Reply } from '../../types.js';
import type { MessageStore } from './message-store.js';
import { flowEntry } from './flow-stats.js';

/** Everything the bot knows about a message once it has answered. */
export interface Handled {
  message: InboundMessage;
  /** The bot's conversation key (adapter, conversation, and sender in groups). */
  key: string;
  reply: Reply;
  at: number;
  latencyMs: number;
  /** The question as matched (before normalization), when matching ran. */
  question?: string;
  /** For clarify and fallback: the entry the question came closest to. */
  nearest?: string;
  vote?: Vote;
  /** Masks the question before it is kept: the engine's masker. */
  mask: Masker;
  /** The topic of an entry of the knowledge base in use. */
  topicOf(entryId: string): string | undefined;
}

const KEEPS_QUESTION: ReadonlySet<string> = new Set(['fallback', 'clarify']);

/** Records `handled` in `store`. Never throws. */
export function recordHandled(store: MessageStore, handled: Handled): void {
  try {
    const { message, reply, vote } = handled;
    const conversation = store.hashConversation(handled.key);
    // A flow's reply is recorded by what it did where (flow:<flow>:<event>:<step>), for its 统计; never its answers.
    const entry = reply.kind === 'flow' && reply.flow ? flowEntry(reply.flow) : (reply.entryId ?? handled.nearest);
    store.recordMessage({
      at: handled.at,
      adapter: message.adapter,
      conversation,
      kind: vote ? 'feedback' : reply.kind,
      topic: entry === undefined ? undefined : handled.topicOf(entry),
      entry,
      score: reply.score === undefined ? undefined : Number(reply.score.toFixed(4)),
      latencyMs: Number(handled.latencyMs.toFixed(3)),
      question: KEEPS_QUESTION.has(reply.kind) && handled.question ? handled.mask(handled.question) : undefined,
    });
    if (vote) {
      store.recordFeedback({
        at: handled.at,
        adapter: message.adapter,
        conversation,
        useful: vote.useful,
        entry: vote.entryId,
        question: !vote.useful && vote.question ? handled.mask(vote.question) : undefined,
      });
    }
  } catch {
    // A store never throws by contract; this guards answering against a faulty one.
  }
}
