/**
 * The official-account API calls the adapter makes: customer-service text messages and menu
 * creation. Each call takes the cached access token; on an invalid-token answer (40001,
 * 40014, 42001) it fetches a new token once and repeats; on "system busy" (-1), network
 * errors, timeouts and 5xx it backs off and tries again, a bounded number of times. Other
 * errors fail at once: repeating cannot help (45015: the person has not written for 48 h).
 */
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { createAccessTokens, type AccessTokens } from './access-token.js';
import { requestJson, TransportError, type ApiResult } from './http-json.js';
import type { MpMenu } from './menu.js';
import { systemClock, type Clock } from '../../src/service/time/clock.js';

export interface MpApi {
  /** Sends one customer-service text message. @throws BotError */
  sendText(openId: string, content: string): Promise<void>;
  /** Replaces the account's custom menu. @throws BotError */
  createMenu(menu: MpMenu): Promise<void>;
}

export interface MpApiOptions {
  apiRoot: string;
  appId: string;
  secret: string;
  logger: Logger;
  /** Per request (default 5 s). */
  timeoutMs?: number;
  /** Tries per call, the first included (default 3). */
  attempts?: number;
  /** First wait before trying again, doubled each time (default 500 ms). */
  backoffMs?: number;
  /** Aborts waits and requests when the adapter stops. */
  signal?: AbortSignal;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
}

const INVALID_TOKEN = new Set([40001, 40014, 42001]);
/** Cannot reach the person now: 48 h without a message from them, or their message quota is used. */
const WINDOW_CLOSED = new Set([45015, 45047]);

export function createMpApi(options: MpApiOptions): MpApi {
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const clock = options.clock ?? systemClock;
  const tokens: AccessTokens = createAccessTokens({ ...options, timeoutMs });

  const wait = async (attempt: number) => {
    await clock.sleep(backoffMs * 2 ** (attempt - 1), options.signal);
  };

  async function call(path: string, body: unknown): Promise<ApiResult> {
    let refreshed = false;
    for (let attempt = 1; ; attempt += 1) {
      let result: ApiResult;
      let token: string;
      try {
        token = await tokens.get();
        result = await requestJson(`${options.apiRoot}${path}?access_token=${encodeURIComponent(token)}`, body, {
          timeoutMs,
          signal: options.signal,
        });
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (!error.retryable || attempt >= attempts) {
          throw new BotError(ErrorCodes.WECHAT_MP_API_FAILED, `wechat-mp: ${path} failed (${error.message})`, [path], { cause: error });
        }
        logger.warn({ path, attempt, reason: error.message }, 'wechat-mp: API call failed, trying again');
        await wait(attempt);
        continue;
      }
      const errcode = result.errcode ?? 0;
      if (errcode === 0) return result;
      if (INVALID_TOKEN.has(errcode) && !refreshed) {
        refreshed = true;
        logger.info({ path, errcode }, 'wechat-mp: access token refused, fetching a new one');
        tokens.invalidate(token);
        continue;
      }
      if (errcode === -1 && attempt < attempts) {
        logger.warn({ path, errcode, attempt }, 'wechat-mp: WeChat busy, trying again');
        await wait(attempt);
        continue;
      }
      const code = WINDOW_CLOSED.has(errcode) ? ErrorCodes.WECHAT_MP_REPLY_WINDOW_CLOSED : ErrorCodes.WECHAT_MP_API_FAILED;
      throw new BotError(code, `wechat-mp: ${path} answered errcode ${errcode}: ${result.errmsg ?? ''}`, [
        `errcode=${errcode}`,
        path,
      ]);
    }
  }

  return {
    async sendText(openId, content) {
      await call('/cgi-bin/message/custom/send', { touser: openId, msgtype: 'text', text: { content } });
    },
    async createMenu(menu) {
      await call('/cgi-bin/menu/create', menu);
    },
  };
}
