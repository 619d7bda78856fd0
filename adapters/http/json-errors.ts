/**
 * Every HTTP error as JSON `{error: {code, message}}` with a stable code from src/errors.ts and
 * a message in Chinese, whatever raised it: schema validation, fastify's body parser (bad
 * JSON, `__proto__` keys, a wrong Content-Length), the rate limit, a bad percent-encoded URL,
 * an unknown route, a route that failed. A browser asking for a page (not the API) gets the
 * same as a Chinese HTML page. Causes of 500s are logged, never sent. Errors before a request
 * exists (headers too large, an unreadable request line) are in `client-errors.ts`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes, type ErrorCode } from '../../src/errors.js';
import { errorPage } from './error-page.js';
import { validationMessage } from './validation-messages.js';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Builds the body of an error response. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** An error with an HTTP status, for a route or hook to throw (the handler says it in Chinese). */
export function httpError(status: number, message: string): FastifyError {
  return Object.assign(new Error(message), { statusCode: status, code: `HTTP_${status}`, name: 'HttpError' }) as FastifyError;
}

/** Thrown by the JSON parser for `__proto__` / `constructor.prototype` keys (valid JSON, refused). */
export const FORBIDDEN_KEY = 'QLB_JSON_FORBIDDEN_KEY';

const BY_STATUS: Record<number, ErrorCode> = {
  404: ErrorCodes.HTTP_NOT_FOUND,
  405: ErrorCodes.HTTP_NOT_FOUND,
  413: ErrorCodes.HTTP_BODY_TOO_LARGE,
  415: ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCodes.HTTP_RATE_LIMITED,
  431: ErrorCodes.HTTP_HEADERS_TOO_LARGE,
};

/** What people read, by code; 400s say more below. */
export const SAID: Partial<Record<ErrorCode, string>> = {
  [ErrorCodes.HTTP_BAD_REQUEST]: '请求有误,无法处理',
  [ErrorCodes.HTTP_NOT_FOUND]: '没有这个网址或请求方法',
  [ErrorCodes.HTTP_BODY_TOO_LARGE]: '请求内容太大,超过了服务器接受的上限',
  [ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE]: '请求内容须以 JSON 发送(content-type: application/json)',
  [ErrorCodes.HTTP_RATE_LIMITED]: '请求太频繁,请稍等一会儿再试',
  [ErrorCodes.HTTP_HEADERS_TOO_LARGE]: '请求头太大,无法处理',
  [ErrorCodes.HTTP_STOPPING]: '服务正在重启,这个请求没有处理;请稍后重试',
  [ErrorCodes.HTTP_INTERNAL]: '服务器内部出错,请稍后再试;原因已记入日志',
};

/** fastify's own 400s, said precisely. */
const BAD_REQUESTS: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '请求内容不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '请求内容是空的;请发送 JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求内容的长度与 Content-Length 不符',
  FST_ERR_BAD_URL: '网址无效(百分号编码有误)',
  FST_ERR_MAX_PARAM_LENGTH: '网址太长',
  [FORBIDDEN_KEY]: '请求内容含有不允许的字段名(__proto__ 或 constructor.prototype)',
};

/** Maps an error thrown inside fastify to a status, a code and what people read. */
export function classify(error: FastifyError): { status: number; code: ErrorCode; message: string } {
  if (error.validation) return { status: 400, code: ErrorCodes.HTTP_BAD_REQUEST, message: validationMessage(error.validation) };
  const status = error.statusCode ?? 500;
  // A stopping server answers 503 itself (create-http-server.ts); any other 5xx is the route's fault.
  if (status >= 500) return { status: 500, code: ErrorCodes.HTTP_INTERNAL, message: SAID[ErrorCodes.HTTP_INTERNAL] ?? '' };
  const code = BY_STATUS[status] ?? ErrorCodes.HTTP_BAD_REQUEST;
  const message = (code === ErrorCodes.HTTP_BAD_REQUEST && BAD_REQUESTS[error.code]) || SAID[code] || '请求有误,无法处理';
  return { status, code, message };
}

/** True when a browser asked for a page: HTML accepted, and not the JSON API. */
export function wantsPage(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('text/html') && !request.url.startsWith('/api/');
}

/** Sends an error: JSON `{error: {code, message}}`, or the same as a Chinese page to a browser. */
export function sendError(request: FastifyRequest, reply: FastifyReply, status: number, code: ErrorCode, message: string) {
  reply.code(status).header('cache-control', 'no-store');
  if (wantsPage(request)) return reply.type('text/html; charset=utf-8').send(errorPage(status, code, message));
  return reply.send(errorBody(code, message));
}

function onError(this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, code, message } = classify(error);
  if (status >= 500) request.log.error({ err: error, code, route: request.routeOptions.url }, 'HTTP route failed');
  return sendError(request, reply, status, code, message);
}

function notFound(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  return sendError(request, reply, 404, ErrorCodes.HTTP_NOT_FOUND, `${SAID[ErrorCodes.HTTP_NOT_FOUND]}:${request.method} ${path.slice(0, 200)}`);
}

/** fastify's `frameworkErrors` option: a bad percent-encoded URL and the like, before any route. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, code, message } = classify(error);
  return sendError(request, reply, status, code, message);
}

/**
 * The JSON parser: fastify's own (which refuses `__proto__` and `constructor.prototype` keys),
 * except that a body refused only for such a key says so instead of "not valid JSON".
 */
function installJsonParser(fastify: FastifyInstance): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, value) => {
      if (!error) return done(null, value);
      let forbidden = false;
      try {
        JSON.parse(body as string);
        forbidden = true;
      } catch {
        // Not JSON at all: fastify's error says so.
      }
      done(forbidden ? Object.assign(httpError(400, 'a forbidden key (__proto__, constructor.prototype)'), { code: FORBIDDEN_KEY }) : error, undefined);
    });
  });
}

/** Installs the JSON parser and the error and not-found handlers on the root instance (inherited by every plugin). */
export function installJsonErrors(fastify: FastifyInstance): void {
  installJsonParser(fastify);
  fastify.setErrorHandler(onError);
  fastify.setNotFoundHandler(notFound);
}
