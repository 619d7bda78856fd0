/**
 * The access token of the official-account API, from the stable token API (POST
 * /cgi-bin/stable_token, normal mode): unlike /cgi-bin/token, fetching it does not cut off
 * another system that uses the same account (the district may run one). Cached until
 * shortly before it expires; one fetch at a time. Several instances share it through the
 * shared cache (Redis): one of them fetches under a lock, the others wait for its token.
 */
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Locks, SharedCache } from '../../src/service/shared-state/shared-state.js';
import { requestJson, TransportError } from './http-json.js';
import { systemClock, type Clock } from '../../src/service/time/clock.js';

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
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
  /** Where instances share the token, and the lock that lets one refresh it; this process only when unset. */
  shared?: { cache: SharedCache; locks: Locks };
}

interface Cached {
  token: string;
  expiresAt: number;
}

/** How long an instance waits for another's refresh before fetching itself. */
const WAIT_FOR_OTHER_MS = 5_000;
const POLL_MS = 200;

/** Seconds before expiry a token is replaced: WeChat renews stable tokens 5 minutes early. */
const EARLY_SECONDS = 300;

export function createAccessTokens(options: AccessTokenOptions): AccessTokens {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const { shared } = options;
  const key = `wechat-mp:token:${options.appId}`;
  let cached: Cached | undefined;
  let invalid: string | undefined;
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
    invalid = undefined;
    return token;
  }

  /** A token another instance fetched, still valid and not one WeChat refused here. */
  async function sharedToken(): Promise<string | undefined> {
    const raw = await shared?.cache.get(key);
    if (!raw) return undefined;
    try {
      const found = JSON.parse(raw) as Cached;
      if (typeof found.token !== 'string' || found.token === invalid || !(now() < found.expiresAt)) return undefined;
      cached = found;
      return found.token;
    } catch {
      return undefined;
    }
  }

  async function obtain(): Promise<string> {
    if (!shared) return fetchToken();
    const known = await sharedToken();
    if (known) return known;
    const lock = await shared.locks.acquire(`wechat-mp-token:${options.appId}`, { ttlMs: 15_000 });
    if (lock.acquired) {
      try {
        const token = (await sharedToken()) ?? (await fetchToken());
        if (cached) await shared.cache.set(key, JSON.stringify(cached), cached.expiresAt - now());
        return token;
      } finally {
        await lock.lock.release();
      }
    }
    for (let waited = 0; waited < WAIT_FOR_OTHER_MS; waited += POLL_MS) {
      await clock.sleep(POLL_MS, options.signal);
      const token = await sharedToken();
      if (token) return token;
    }
    return fetchToken();
  }

  return {
    async get() {
      if (cached && cached.token !== invalid && now() < cached.expiresAt) return cached.token;
      fetching ??= obtain().finally(() => {
        fetching = undefined;
      });
      return fetching;
    },
    invalidate(token) {
      invalid = token;
      if (cached?.token === token) cached = undefined;
      void shared?.cache.delete(key);
    },
  };
}
