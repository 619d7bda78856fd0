/**
 * A message sent again with the same `clientMessageId` (a client retrying after a timeout or a
 * dropped connection) is handled once: the retry gets the first request's reply, whether it
 * arrives while the first is still being answered or after. A message is the conversation,
 * the id and the content together, so an id reused for other content is another message.
 *
 * Kept in memory for {@link RETRIES}.windowMs, at most {@link RETRIES}.maxKept, so memory stays
 * flat. Given the deployment's shared cache (Redis), finished replies are shared too and the
 * first instance claims the message, so a retry the proxy sends to another instance gets the
 * same reply. A failure is not kept: the retry is handled anew. Nothing here ever leaves a
 * message without its reply: when another instance holds the claim and no reply appears in
 * time (it died), the message is answered here. Twice rather than never, so an emergency
 * always gets the emergency reply.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ReplyJson } from '../../src/reply-json.js';
import type { SharedCache } from '../../src/service/shared-state/shared-state.js';
import { systemClock, type Clock } from '../../src/service/time/clock.js';

/** How long a reply is kept for retries, how many at most, and how long to wait for another instance's. */
export const RETRIES = {
  /** Clients give up retrying long before this (the page after its 20 s timeout and a 重试). */
  windowMs: 10 * 60_000,
  maxKept: 10_000,
  /** Longer than the core's answer normally takes, shorter than a client's patience. */
  waitMs: 5_000,
  pollMs: 100,
} as const;

/** What makes two requests the same message. */
export interface MessageIdentity {
  conversation: string;
  clientMessageId: string;
  /** The text or the command, as sent. */
  content: string;
}

export interface RetriedMessages {
  /** The reply to `message`: handled by `handle` the first time, the same reply to a retry. */
  answer(message: MessageIdentity, handle: () => Promise<ReplyJson>): Promise<ReplyJson>;
}

export interface RetriedMessagesOptions {
  /** The deployment's shared cache; without it retries are recognized on this instance only. */
  shared?: SharedCache;
  clock?: Clock;
  /** Told when a retry is answered without handling it again (a log line). */
  onRetry?: (where: 'here' | 'shared') => void;
  limits?: Partial<Record<keyof typeof RETRIES, number>>;
}

function identify({ conversation, clientMessageId, content }: MessageIdentity): string {
  return createHash('sha256').update(`${conversation}\0${clientMessageId}\0${content}`).digest('hex').slice(0, 32);
}

function parseReply(text: string | undefined): ReplyJson | undefined {
  if (text === undefined) return undefined;
  try {
    const reply = JSON.parse(text) as ReplyJson;
    return typeof reply?.kind === 'string' && typeof reply.text === 'string' ? reply : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the memory of recent messages. */
export function createRetriedMessages(options: RetriedMessagesOptions = {}): RetriedMessages {
  const limits = { ...RETRIES, ...options.limits };
  const clock = options.clock ?? systemClock;
  const { shared } = options;
  const local = new LRUCache<string, Promise<ReplyJson>>({ max: limits.maxKept, ttl: limits.windowMs, ttlResolution: 0, perf: { now: () => clock.now() } });
  const replyKey = (id: string) => `web:reply:${id}`;
  const claimKey = (id: string) => `web:claim:${id}`;

  /** Another instance claimed the message: its reply, once it appears, or undefined after waitMs. */
  async function awaitShared(cache: SharedCache, id: string): Promise<ReplyJson | undefined> {
    const until = clock.now() + limits.waitMs;
    while (clock.now() < until) {
      await clock.sleep(limits.pollMs);
      const reply = parseReply(await cache.get(replyKey(id)));
      if (reply) return reply;
    }
    return undefined;
  }

  async function resolve(id: string, handle: () => Promise<ReplyJson>): Promise<ReplyJson> {
    if (shared) {
      const stored = parseReply(await shared.get(replyKey(id)));
      if (stored) {
        options.onRetry?.('shared');
        return stored;
      }
      if (!(await shared.claim(claimKey(id), limits.windowMs))) {
        const theirs = await awaitShared(shared, id);
        if (theirs) {
          options.onRetry?.('shared');
          return theirs;
        }
      }
    }
    try {
      const reply = await handle();
      await shared?.set(replyKey(id), JSON.stringify(reply), limits.windowMs);
      return reply;
    } catch (error) {
      await shared?.delete(claimKey(id));
      throw error;
    }
  }

  return {
    answer(message, handle) {
      const id = identify(message);
      const known = local.get(id);
      if (known) {
        options.onRetry?.('here');
        return known;
      }
      const answer = resolve(id, handle);
      local.set(id, answer);
      // A failed attempt is forgotten, so its retry is handled anew.
      answer.catch(() => {
        if (local.get(id) === answer) local.delete(id);
      });
      return answer;
    },
  };
}
