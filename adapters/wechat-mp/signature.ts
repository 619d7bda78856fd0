/**
 * WeChat's request signatures: SHA-1 over the sorted parts joined without separator — token,
 * timestamp and nonce for `signature`; the same plus the `Encrypt` text for `msg_signature`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-1 (hex) of `parts` sorted in dictionary order and concatenated, as WeChat signs. */
export function sha1Signature(...parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

/** Compares a signature from a request with the expected one in constant time. */
export function sameSignature(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given.toLowerCase());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * True when `timestamp` (seconds, as WeChat sends it) lies within `windowSeconds` of `nowMs`
 * either way; a replayed request carries its old timestamp, and its signature covers it.
 */
export function withinWindow(timestamp: unknown, nowMs: number, windowSeconds: number): boolean {
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= windowSeconds;
}
