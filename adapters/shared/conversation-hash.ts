/**
 * The `conv` field of adapter log lines: the same salted hash of the same conversation key
 * as the core's log lines and store records, so they join up and none reveals a chat id.
 */
import { randomBytes } from 'node:crypto';
import { conversationKey } from '../../src/bot.js';
import { saltedHasher } from '../../src/service/store/message-store.js';
import type { InboundMessage } from '../../src/types.js';

/** Salted hash of a conversation key (`App.hashConversation`). */
export type HashConversation = (key: string) => string;

/** A hash salted for this process only, for adapters started without the core's (tests, tools). */
export function processHash(): HashConversation {
  return saltedHasher(randomBytes(16).toString('hex'));
}

/** The `conv` log field of a message: as the core logs it. */
export function convOf(hash: HashConversation, message: InboundMessage): string {
  return hash(conversationKey(message));
}
