/**
 * The web adapter's requests as the core's {@link InboundMessage}: pure mappings, one per API
 * route. A conversation id is a random id the browser (or API client) made; it is both the
 * conversation and its only sender.
 */
import type { InboundCommand, InboundMessage } from '../../src/types.js';

/** The adapter name in logs, the store and metrics. */
export const WEB_ADAPTER = 'web';

/**
 * `POST /api/v1/messages`: a question typed, or a command (the menu button); the client's own
 * id of the message, when it sends one, makes a retry get the same reply (the route's concern).
 */
export type MessageBody = ({ conversation: string; text: string } | { conversation: string; command: InboundCommand }) & { clientMessageId?: string };
/** `POST /api/v1/choices`: a press on a choice button, by the choice's id. */
export interface ChoiceBody {
  conversation: string;
  choice: string;
}
/** `POST /api/v1/feedback`: 👍 / 👎 on an answer. */
export interface FeedbackBody {
  conversation: string;
  useful: boolean;
  entry?: string;
}

function base(conversation: string, now: number) {
  return {
    adapter: WEB_ADAPTER,
    conversationId: conversation,
    senderId: conversation,
    receivedAt: now,
    // The page shows choices and 👍 / 👎 as buttons, so replies need no typed-feedback line;
    // every request gets a reply to show, never an empty one (the rate limit says when to ask again).
    capabilities: { buttons: true, neverSilent: true },
  };
}

/** Maps a message request. */
export function messageToInbound(body: MessageBody, now = Date.now()): InboundMessage {
  if ('command' in body) return { ...base(body.conversation, now), kind: 'command', command: body.command, text: '' };
  return { ...base(body.conversation, now), kind: 'text', text: body.text };
}

/** Maps a choice request. */
export function choiceToInbound(body: ChoiceBody, now = Date.now()): InboundMessage {
  return { ...base(body.conversation, now), kind: 'choice', choiceId: body.choice, text: '' };
}

/** Maps a feedback request. */
export function feedbackToInbound(body: FeedbackBody, now = Date.now()): InboundMessage {
  const feedback = body.entry === undefined ? { useful: body.useful } : { useful: body.useful, entryId: body.entry };
  return { ...base(body.conversation, now), kind: 'feedback', feedback, text: '' };
}
