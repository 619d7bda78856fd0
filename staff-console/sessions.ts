/**
 * Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS),
 * signed with the server's cookie secret; the store keeps only the token's SHA-256, with the
 * session's CSRF token. A session ends at logout, after `sessionMs`, after `idleMs` without
 * use, and when its account is removed or gets a new password.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleContext, StaffIdentity } from './console-context.js';

export const SESSION_COOKIE = 'qlb_staff';
/** A session's last use is written at most this often. */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A fresh random token (256 bits). */
export const randomToken = () => randomBytes(32).toString('base64url');

/** Constant-time comparison of two tokens. */
export function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The attributes of the console's cookies. */
export function cookieOptions(request: FastifyRequest, path = '/staff') {
  return { path, httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https', signed: true };
}

/** The value of a signed cookie, or undefined when absent or not signed by this server. */
export function signedCookie(request: FastifyRequest, name: string): string | undefined {
  const raw = request.cookies[name];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : undefined;
}

/** Starts a session for `name` and sets its cookie. */
export async function startSession(ctx: ConsoleContext, request: FastifyRequest, reply: FastifyReply, name: string): Promise<void> {
  const token = randomToken();
  const at = ctx.clock.now();
  await ctx.store.createSession({ id: sha256(token), name, csrf: randomToken(), createdAt: at, expiresAt: at + ctx.sessionMs, lastSeenAt: at });
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(request));
}

/** The staff member of the request's session, or null; an ended session is deleted. */
export async function currentStaff(ctx: ConsoleContext, request: FastifyRequest): Promise<StaffIdentity | null> {
  const token = signedCookie(request, SESSION_COOKIE);
  if (!token) return null;
  const id = sha256(token);
  const session = await ctx.store.getSession(id);
  if (!session) return null;
  const at = ctx.clock.now();
  const account = await ctx.store.getAccount(session.name);
  const ended =
    !account || session.expiresAt <= at || at - session.lastSeenAt >= ctx.idleMs || account.passwordChangedAt > session.createdAt;
  if (ended) {
    await ctx.store.deleteSession(id);
    return null;
  }
  if (at - session.lastSeenAt >= TOUCH_EVERY_MS) await ctx.store.touchSession(id, at);
  return { name: session.name, csrf: session.csrf, sessionId: id };
}

/** Ends the request's session and clears its cookie. */
export async function endSession(ctx: ConsoleContext, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.staff) await ctx.store.deleteSession(request.staff.sessionId);
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}
