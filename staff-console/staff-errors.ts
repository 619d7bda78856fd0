/**
 * How the staff console answers what goes wrong inside it: a browser gets a page in Chinese,
 * anything else the server's JSON `{error: {code, message}}`. A store that cannot be reached
 * (the staff store, or the message store a page reads) is 503 with a page saying the console
 * comes back by itself once the database does; anything unexpected is 500, its cause in the
 * log only. Refusals the server itself raises (a form too large, a bad request) keep their
 * status and code.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BotError, ErrorCodes, type ErrorCode } from '../src/errors.js';
import { classify } from '../adapters/http/json-errors.js';
import { refuse, type ConsoleContext } from './console-context.js';

/** Codes of a store that cannot be opened, read or written: the console is unavailable, not broken. */
const UNAVAILABLE: ReadonlySet<ErrorCode> = new Set([
  ErrorCodes.STAFF_STORE_FAILED,
  ErrorCodes.DATABASE_UNREACHABLE,
  ErrorCodes.STORE_UNREADABLE,
  ErrorCodes.STORE_LOCKED,
  ErrorCodes.STORE_DISK_FULL,
  ErrorCodes.STORE_CORRUPT,
]);

/** Seconds a browser or a script is told to wait before trying again. */
const RETRY_AFTER_S = 30;

export const UNAVAILABLE_MESSAGE = '工作人员后台暂时无法使用:后台的数据库连不上或无法读写。机器人照常回答居民;数据库恢复后后台自动恢复,无需重启,请稍后刷新。';
const INTERNAL_MESSAGE = '后台处理这个请求时出了意外错误,原因已写入服务器日志。请稍后再试;一直出现请联系管理员。';

/** The console's error handler (set on its own plugin, so the rest of the server keeps its own). */
export function staffErrorHandler(ctx: ConsoleContext) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const route = request.routeOptions.url;
    if (error instanceof BotError && UNAVAILABLE.has(error.code)) {
      ctx.logger.warn({ code: error.code, err: error, route }, 'staff console unavailable: its store cannot be used (503)');
      reply.header('retry-after', String(RETRY_AFTER_S));
      return refuse(ctx, request, reply, 503, error.code, UNAVAILABLE_MESSAGE);
    }
    const { status, code } = classify(error);
    if (status >= 500) {
      ctx.logger.error({ code, err: error, route }, 'staff console route failed');
      return refuse(ctx, request, reply, 500, code, INTERNAL_MESSAGE);
    }
    return refuse(ctx, request, reply, status, code, error.validation ? `请求内容不符合要求:${error.message}` : error.message);
  };
}
