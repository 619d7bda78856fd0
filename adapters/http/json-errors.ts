/**
 * Every HTTP error as JSON `{error: {code, message}}` with a stable code from src/errors.ts,
 * whatever raised it: schema validation, fastify's body parser, the rate limit, a route.
 * Causes of 500s are logged, never sent.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes, type ErrorCode } from '../../src/errors.js';

/** The body of every error response. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Builds the body of an error response. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

const BY_STATUS: Record<number, ErrorCode> = {
  404: ErrorCodes.HTTP_NOT_FOUND,
  405: ErrorCodes.HTTP_NOT_FOUND,
  413: ErrorCodes.HTTP_BODY_TOO_LARGE,
  415: ErrorCodes.HTTP_UNSUPPORTED_MEDIA_TYPE,
  429: ErrorCodes.HTTP_RATE_LIMITED,
};

/** Maps an error thrown inside fastify to a status and a code. */
export function classify(error: FastifyError): { status: number; code: ErrorCode } {
  if (error.validation) return { status: 400, code: ErrorCodes.HTTP_BAD_REQUEST };
  const status = error.statusCode ?? 500;
  if (status >= 500) return { status: 500, code: ErrorCodes.HTTP_INTERNAL };
  return { status, code: BY_STATUS[status] ?? ErrorCodes.HTTP_BAD_REQUEST };
}

function onError(this: FastifyInstance, error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const { status, code } = classify(error);
  if (status >= 500) {
    request.log.error({ err: error, code, route: request.routeOptions.url }, 'HTTP route failed');
    return reply.code(500).send(errorBody(code, 'internal error; the server log has the cause'));
  }
  const message = error.validation ? `invalid request: ${error.message}` : error.message;
  return reply.code(status).send(errorBody(code, message));
}

/** Installs the JSON error and not-found handlers on the root instance (inherited by every plugin). */
export function installJsonErrors(fastify: FastifyInstance): void {
  fastify.setErrorHandler(onError);
  fastify.setNotFoundHandler((request, reply) =>
    reply.code(404).send(errorBody(ErrorCodes.HTTP_NOT_FOUND, `no route ${request.method} ${request.url.split('?')[0]}`)),
  );
}
