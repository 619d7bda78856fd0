/**
 * What every part of the staff console shares: the store, the clock, session lengths, the
 * style sheet's URL, and how a refusal is answered (a Chinese page for a browser, JSON with
 * a code for anything else).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import type { StaffStore } from '../src/service/staff/staff-store.js';
import type { Clock } from '../src/service/time/clock.js';
import { errorBody } from '../adapters/http/json-errors.js';
import { html } from '../adapters/http/html.js';
import { page } from './page-frame.js';

/** A signed-in staff member, on `request.staff`. */
export interface StaffIdentity {
  name: string;
  csrf: string;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The staff member of this request's session; null when there is none. */
    staff: StaffIdentity | null;
  }
  interface FastifyContextConfig {
    /** Served without a session (the login page, the style sheet). */
    staffPublic?: boolean;
    /** A file that needs no store at all (the style sheet): served even while the store is unavailable. */
    staffStatic?: boolean;
  }
}

export interface ConsoleContext {
  store: StaffStore;
  logger: Logger;
  clock: Clock;
  /** A login lasts this long at most. */
  sessionMs: number;
  /** An untouched session ends after this long. */
  idleMs: number;
  /** URL of the style sheet, with its version. */
  css: string;
}

/** True when a browser asked for a page (not a script or a tool for JSON). */
export function wantsHtml(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html');
}

/** Refuses a request: a page in Chinese for a browser, `{error: {code, message}}` otherwise. */
export function refuse(ctx: ConsoleContext, request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  reply.code(status).header('cache-control', 'no-store');
  if (!wantsHtml(request)) return reply.send(errorBody(code, message));
  const body = html`<p><a href="/staff/login">登录</a> · <a href="/staff/review">返回后台</a></p><p class="code">${code}</p>`;
  return reply.type('text/html; charset=utf-8').send(page({ title: '无法完成', css: ctx.css, notice: { kind: 'error', lines: [message] } }, body));
}

/** Sends a page. */
export function sendPage(reply: FastifyReply, text: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(text);
}
