/**
 * The access token of the official-account API, from the stable token API (POST
 * /cgi-bin/stable_token, normal mode): unlike /cgi-bin/token, fetching it does not cut off
 * another system that uses the same account (the district may run one). Cached until
 * shortly before it expires; one fetch at a time.
 */
import { BotError, ErrorCodes } from '../../src/errors.js';
import { requestJson, TransportError } from './http-json.js';

export interface AccessTokens {
  /**
   * A valid token, fetched when none is cached. @throws TransportError when WeChat could not
   * be reached or was busy (worth another try), BotError QLB_WECHAT_MP_TOKEN_FAILED when it refused.
   */
  get(): Promise<string>;
  /** Forgets `token` after WeChat called it invalid or expired; the next get() fetches anew. */
  invalidate(token: string): void;
}

export interface AccessTokenOptions {
  apiRoot: string;
  appId: string;
  secret: string;
  timeoutMs: number;
  signal?: AbortSignal;
  now?: () => number;
}

/** Seconds before expiry a token is replaced: WeChat renews stable tokens 5 minutes early. */
const EARLY_SECONDS = 300;

export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  const now = options.now ?? Date.now;
  let cached: { token: string; expiresAt: number } | undefined;
  let fetching: Promise<string> | undefined;

  const failed = (reason: string, details: string[]) =>
    new BotError(ErrorCodes.WECHAT_MP_TOKEN_FAILED, `wechat-mp: no access token (${reason})`, details);

  async function fetchToken(): Promise<string> {
    const body = { grant_type: 'client_credential', appid: options.appId, secret: options.secret, force_refresh: false };
    const result = await requestJson(`${options.apiRoot}/cgi-bin/stable_token`, body, options);
    if (result.errcode === -1) throw new TransportError('system busy (errcode -1)', true);
    const token = result.access_token;
    const expiresIn = Number(result.expires_in);
    if (typeof token !== 'string' || token === '' || !(expiresIn > 0)) {
      // 40013 / 40125: wrong AppID or secret; 40164: this server's IP is not on the whitelist.
      throw failed(`errcode ${result.errcode ?? '?'}: ${result.errmsg ?? 'no token in the answer'}`, [`errcode=${result.errcode ?? ''}`]);
    }
    const early = Math.min(EARLY_SECONDS, expiresIn / 10);
    cached = { token, expiresAt: now() + (expiresIn - early) * 1000 };
    return token;
  }

  return {
    async get() {
      if (cached && now() < cached.expiresAt) return cached.token;
      fetching ??= fetchToken().finally(() => {
        fetching = undefined;
      });
      return fetching;
    },
    invalidate(token) {
      if (cached?.token === token) cached = undefined;
    },
  };
}
