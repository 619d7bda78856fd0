/**
 * The gate in front of every staff route: the store is there, who is signed in, and refusals. Anonymous requests
 * are refused (a browser asking for a page is sent to the login page, anything else gets
 * 401); every change (any method but GET and HEAD) must come from this site (Origin,
 * Sec-Fetch-Site) and carry the session's CSRF token, in the `_csrf` field or the
 * X-CSRF-Token header, or it gets 403.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes } from '../src/errors.js';
import { refuse, wantsHtml, type ConsoleContext } from './console-context.js';
import { currentStaff, sameToken } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** True when the request says it comes from another site. */
export function crossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  // "null": a page whose referrer policy hides its origin; Sec-Fetch-Site and the token decide.
  if (origin === undefined || origin === 'null') return false;
  try {
    // Through URL both sides, so a default port written out (localhost:80) still matches.
    return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
  } catch {
    return true;
  }
}

/** The CSRF token a change carries. */
function csrfOf(request: FastifyRequest): unknown {
  const body = request.body as { _csrf?: unknown } | undefined;
  return body?._csrf ?? request.headers['x-csrf-token'];
}

/** Where the login page sends back to: a console path only, never elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/staff(\/[\w./?=&%-]*)?$/.test(next) && !next.includes('//') ? next : '/staff/review';
}

/** The preHandler hook of the console's routes. */
export function staffGuard(ctx: ConsoleContext) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.routeOptions.config.staffStatic) return;
    // A store that could not be opened is tried again here; while it cannot be, this throws (503).
    await ctx.store.ready?.();
    request.staff = await currentStaff(ctx, request);
    if (request.routeOptions.config.staffPublic) return;
    if (!request.staff) {
      if (SAFE_METHODS.has(request.method) && wantsHtml(request)) {
        return reply.redirect(`/staff/login?next=${encodeURIComponent(safeNext(request.url))}`, 303);
      }
      return refuse(ctx, request, reply, 401, ErrorCodes.STAFF_LOGIN_REQUIRED, '请先登录工作人员后台(没有登录,或登录已过期)');
    }
    if (SAFE_METHODS.has(request.method)) return;
    if (crossSite(request) || !sameToken(csrfOf(request), request.staff.csrf)) {
      ctx.logger.warn({ code: ErrorCodes.STAFF_CSRF_INVALID, staff: request.staff.name, route: request.routeOptions.url }, 'staff change refused: CSRF token missing or wrong, or from another site');
      return refuse(ctx, request, reply, 403, ErrorCodes.STAFF_CSRF_INVALID, '这个改动请求缺少防伪令牌或来自别的网站,已拒绝。请刷新页面后再试');
    }
  };
}
