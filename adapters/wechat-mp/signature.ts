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

/** How far a request's timestamp may lie from our clock: `replayWindowSeconds` behind, `clockSkewSeconds` ahead. */
export interface SignedWindow {
  replayWindowSeconds: number;
  clockSkewSeconds: number;
}

/**
 * Where `timestamp` (seconds, as WeChat sends it) lies from `nowMs`: `fresh` within the
 * window; `stale` when older (a replay carries its old timestamp, and the signature covers
 * it); `ahead` when further in the future than the skew (a clock fault, or a URL signed in
 * advance); `malformed` when not a number.
 */
export function timestampVerdict(timestamp: unknown, nowMs: number, window: SignedWindow): 'fresh' | 'stale' | 'ahead' | 'malformed' {
  if (typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp)) return 'malformed';
  const age = nowMs / 1000 - Number(timestamp);
  if (age > window.replayWindowSeconds) return 'stale';
  if (-age > window.clockSkewSeconds) return 'ahead';
  return 'fresh';
}
