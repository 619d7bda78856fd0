/**
 * Optional (WECHAT_AUTO_ACCEPT): accepts friend requests and greets the new friend with the
 * menu, so a resident who adds the bot from a poster gets started without typing anything.
 */
import { types, type Friendship } from 'wechaty';
import type { Logger } from '../../src/logger.js';
import type { Responder } from './responder.js';

/** Handles one friendship event; only incoming requests are acted on. Never rejects. */
export async function acceptFriend(friendship: Friendship, responder: Responder, logger: Logger): Promise<void> {
  try {
    if (friendship.type() !== types.Friendship.Receive) return;
    const contact = friendship.contact();
    // Only people are befriended: an official account's request is promotion.
    if (contact.type() === types.Contact.Official) return;
    await friendship.accept();
    logger.info('wechat friend request accepted');
    await responder.greet(contact);
  } catch (error) {
    logger.warn({ err: error }, 'wechat friend request could not be accepted');
  }
}
