/**
 * How a reply reaches the person: the passive reply (the XML answer to WeChat's request,
 * possible only within its 5 seconds) and/or customer-service messages sent through the API.
 */
import type { Reply } from '../../src/types.js';
import { splitReply } from '../shared/split-reply.js';

/**
 * WeChat's documented limit of a text reply's Content: 2048 bytes (UTF-8, so about 680
 * Chinese characters). Longer replies go out as parts through the customer-service API.
 */
export const MAX_TEXT_BYTES = 2048;
/**
 * Characters per part of a split reply, prefix included: even 4-byte characters (emoji)
 * stay under {@link MAX_TEXT_BYTES}.
 */
export const PART_CHARS = 500;

export type Passive = { type: 'text'; content: string } | { type: 'transfer' };

export interface ReplyPlan {
  /** The answer to WeChat's request; undefined = answer `success` (nothing shown). */
  passive?: Passive;
  /** Texts to send through the customer-service API, in order. */
  push: string[];
}

export interface PlanOptions {
  /** Handoff is on (WECHAT_MP_HANDOFF). */
  handoff: boolean;
  /** The request was a person's message; events (menu clicks...) are never transferred. */
  userMessage: boolean;
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Plans a reply ready in time. A handoff transfers the message to customer service — WeChat
 * forwards the very message answered with `transfer_customer_service` — and the reply's text
 * (saying so) goes through the API, since a request gets one passive reply.
 */
export function planReply(reply: Reply, options: PlanOptions): ReplyPlan {
  const text = reply.text.trim();
  if (reply.kind === 'handoff' && options.handoff && options.userMessage) {
    return { passive: { type: 'transfer' }, push: text === '' ? [] : [text] };
  }
  if (text === '') return { push: [] };
  if (bytes(text) <= MAX_TEXT_BYTES) return { passive: { type: 'text', content: text }, push: [] };
  return { push: splitParts(text) };
}

/** Plans a reply that came too late for a passive answer: everything through the API. */
export function planLateReply(reply: Reply): ReplyPlan {
  const text = reply.text.trim();
  if (text === '') return { push: [] };
  return { push: bytes(text) <= MAX_TEXT_BYTES ? [text] : splitParts(text) };
}

function splitParts(text: string): string[] {
  return splitReply(text, { max: PART_CHARS, numbered: true });
}
