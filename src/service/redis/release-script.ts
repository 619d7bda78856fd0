/**
 * The one way a Redis lock is let go, shared by the instance locks (shared-state/redis-locks.ts)
 * and the conversations' locks (session/redis-conversation-locks.ts): deleted only by the
 * holder whose token it still holds, so a lock that expired and was taken by another is left to it.
 */

/** Deletes KEYS[1] only while it holds ARGV[1] (the holder's token): 1 when deleted. */
export const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
