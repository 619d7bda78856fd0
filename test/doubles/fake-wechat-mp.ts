/**
 * A fake official-account API on 127.0.0.1 (random port) for WECHAT_MP_API_ROOT: the stable
 * token endpoint (tokens that expire, can be expired or revoked on demand), customer-service
 * messages and menu creation, each checking the token as WeChat does (40014 unknown, 42001
 * expired, 40001 revoked) and able to fail on demand with any errcode, or with HTTP 500.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from './eventually.js';

export interface MpCall {
  path: string;
  body: Record<string, unknown>;
  /** The errcode answered (0 = success). */
  errcode: number;
  at: number;
}

export type MpFailure = number | 'http500';

export interface FakeWechatMp {
  readonly apiRoot: string;
  readonly appId: string;
  readonly secret: string;
  readonly calls: MpCall[];
  /** Tokens handed out so far. */
  readonly tokensIssued: number;
  /** The next `times` calls of `path` (e.g. '/cgi-bin/message/custom/send') fail as given. */
  failNext(path: string, failure: MpFailure, times?: number): void;
  /** Every token issued so far is expired (42001) from now on. */
  expireTokens(): void;
  /** Every token issued so far is invalid (40001) from now on, as after a forced refresh elsewhere. */
  revokeTokens(): void;
  /** Texts delivered (errcode 0) to one OpenID, in order. */
  textsTo(openId: string): string[];
  /** Menus created (errcode 0). */
  menus(): Array<Record<string, unknown>>;
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const MESSAGES: Record<number, string> = {
  40001: 'invalid credential, access_token is invalid or not latest',
  40014: 'invalid access_token',
  42001: 'access_token expired',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  40125: 'invalid appsecret',
  [-1]: 'system error',
};

/** Starts the fake; tokens live `expiresIn` seconds (WeChat: 7200). */
export async function startFakeWechatMp(options: { appId?: string; secret?: string; expiresIn?: number } = {}): Promise<FakeWechatMp> {
  const appId = options.appId ?? 'wx5823bf96d3bd56c7';
  const secret = options.secret ?? 'fake-app-secret';
  const expiresIn = options.expiresIn ?? 7200;
  const calls: MpCall[] = [];
  const failures: Array<{ path: string; failure: MpFailure }> = [];
  const tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  let issued = 0;

  const json = (res: http.ServerResponse, payload: unknown) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  const error = (errcode: number) => ({ errcode, errmsg: `${MESSAGES[errcode] ?? 'failed'} rid: fake` });

  const tokenError = (token: string | null): number => {
    const known = token === null ? undefined : tokens.get(token);
    if (!known) return 40014;
    if (known.revoked) return 40001;
    return Date.now() >= known.expiresAt ? 42001 : 0;
  };

  const stableToken = (body: Record<string, unknown>) => {
    if (body.grant_type !== 'client_credential' || body.appid !== appId || body.secret !== secret) return error(40125);
    // Normal mode: the current token while it is valid.
    const current = [...tokens.entries()].find(([, state]) => !state.revoked && Date.now() < state.expiresAt);
    if (current && body.force_refresh !== true) {
      return { access_token: current[0], expires_in: Math.ceil((current[1].expiresAt - Date.now()) / 1000) };
    }
    issued += 1;
    const token = `FAKE-TOKEN-${issued}`;
    tokens.set(token, { expiresAt: Date.now() + expiresIn * 1000, revoked: false });
    return { access_token: token, expires_in: expiresIn };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const record = (errcode: number) => calls.push({ path: url.pathname, body, errcode, at: Date.now() });
      const injected = failures.findIndex((failure) => failure.path === url.pathname);
      const failure = injected >= 0 ? failures.splice(injected, 1)[0]?.failure : undefined;
      if (failure === 'http500') {
        record(-500);
        return void res.writeHead(500).end('busy');
      }
      if (failure !== undefined) {
        record(failure);
        return json(res, error(failure));
      }
      if (url.pathname === '/cgi-bin/stable_token') {
        const answer = stableToken(body);
        record('errcode' in answer ? answer.errcode : 0);
        return json(res, answer);
      }
      if (url.pathname !== '/cgi-bin/message/custom/send' && url.pathname !== '/cgi-bin/menu/create') {
        record(404);
        return void res.writeHead(404).end('not found');
      }
      const errcode = tokenError(url.searchParams.get('access_token'));
      record(errcode);
      return json(res, errcode === 0 ? { errcode: 0, errmsg: 'ok' } : error(errcode));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const delivered = (path: string) => calls.filter((call) => call.path === path && call.errcode === 0);

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    appId,
    secret,
    calls,
    get tokensIssued() {
      return issued;
    },
    failNext(path, failure, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push({ path, failure });
    },
    expireTokens() {
      for (const state of tokens.values()) state.expiresAt = 0;
    },
    revokeTokens() {
      for (const state of tokens.values()) state.revoked = true;
    },
    textsTo(openId) {
      return delivered('/cgi-bin/message/custom/send')
        .filter((call) => call.body.touser === openId)
        .map((call) => String((call.body.text as { content?: unknown } | undefined)?.content));
    },
    menus: () => delivered('/cgi-bin/menu/create').map((call) => call.body),
    waitFor: (probe, timeoutMs = 5_000) => eventually(probe, timeoutMs, 5),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
