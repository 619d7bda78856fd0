/**
 * Errors Node's HTTP parser meets before fastify has a request (fastify's
 * `clientErrorHandler`): headers too large (431), a request line or Content-Length it cannot
 * read (400), a client too slow to send its request (408). Answered in the one error shape,
 * `{error: {code, message}}`, in Chinese, then the connection is closed as Node does.
 */
import type { Socket } from 'node:net';
import { ErrorCodes, type ErrorCode } from '../../src/errors.js';
import { errorBody, SAID } from './json-errors.js';

function answer(error: NodeJS.ErrnoException): { status: number; code: ErrorCode; message: string } {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: ErrorCodes.HTTP_HEADERS_TOO_LARGE, message: SAID[ErrorCodes.HTTP_HEADERS_TOO_LARGE] ?? '' };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, code: ErrorCodes.HTTP_BAD_REQUEST, message: '请求没有及时发完,连接已关闭' };
  const message = error.code === 'HPE_INVALID_CONTENT_LENGTH' || error.code === 'HPE_UNEXPECTED_CONTENT_LENGTH' ? '请求的 Content-Length 无效' : '请求格式有误,无法读取';
  return { status: 400, code: ErrorCodes.HTTP_BAD_REQUEST, message };
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };

/** fastify's `clientErrorHandler`. */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } = answer(error);
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${REASONS[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
