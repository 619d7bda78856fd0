/**
 * Logging in and out. The login form carries a token that must match a signed cookie set
 * with the form (a double submit), so no other site can log a browser in. Failures count
 * per account name and per client address; past the limit both are locked for a while,
 * right password or not. An unknown name costs the same scrypt work as a known one.
 * Password checks wait in one queue (Bottleneck) and run a few at a time: scrypt takes a
 * core and 32 MiB each, so a burst of logins must not take the CPU residents are answered on.
 */
import Bottleneck from 'bottleneck';
import type { FastifyInstance } from 'fastify';
import { ErrorCodes } from '../src/errors.js';
import { createLockout, type Lockout } from '../src/service/staff/lockout.js';
import { DEFAULT_SCRYPT, hashPassword, verifyPassword, type ScryptParams } from '../src/service/staff/passwords.js';
import { refuse, sendPage, type ConsoleContext } from './console-context.js';
import { crossSite, safeNext } from './guard.js';
import { html } from '../adapters/http/html.js';
import { page } from './page-frame.js';
import { cookieOptions, endSession, randomToken, sameToken, signedCookie, startSession } from './sessions.js';

const LOGIN_COOKIE = 'qlb_staff_login';

/** Failed logins allowed, and for how long the lock lasts. */
export const LOCKOUT = {
  perName: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  perAddress: { maxFailures: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

/**
 * Password checks at once, and how many may wait; beyond that a login is refused with 503.
 * One at a time leaves the other core to residents; a staff team rarely logs in together.
 */
export const LOGIN_QUEUE = { concurrent: 1, waiting: 40 } as const;

export interface LoginOptions {
  /** scrypt's cost for the stand-in hash of unknown names (tests make it cheap). */
  scrypt?: ScryptParams;
  /** Login attempts per client address per minute, before any password is checked. */
  ratePerMinute?: number;
  /** Checks a password against a stored hash; {@link verifyPassword} (tests watch it). */
  verify?: (password: string, stored: string) => Promise<boolean>;
}

interface LoginBody {
  name?: string;
  password?: string;
  _csrf?: string;
  next?: string;
}

function loginPage(ctx: ConsoleContext, token: string, next: string, name = '', error?: string): string {
  const body = html`<form method="post" action="/staff/login" class="login">
<input type="hidden" name="_csrf" value="${token}"><input type="hidden" name="next" value="${next}">
<label for="name">账号名</label><input id="name" name="name" autocomplete="username" required maxlength="32" value="${name}">
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="200">
<button type="submit">登录</button>
</form>
<p class="hint">账号由管理员在服务器上用 <code>legal-bot staff add 名字</code> 添加。</p>`;
  return page({ title: '登录', css: ctx.css, ...(error ? { notice: { kind: 'error', lines: [error] } } : {}) }, body);
}

/** Registers GET and POST /staff/login and POST /staff/logout. */
export function loginRoutes(fastify: FastifyInstance, ctx: ConsoleContext, options: LoginOptions = {}): void {
  const byName: Lockout = createLockout({ ...LOCKOUT.perName, clock: ctx.clock });
  const byAddress: Lockout = createLockout({ ...LOCKOUT.perAddress, clock: ctx.clock });
  const standIn = hashPassword(randomToken(), options.scrypt ?? DEFAULT_SCRYPT);
  const publicRoute = { config: { staffPublic: true } };
  const verify = options.verify ?? verifyPassword;
  const checks = new Bottleneck({ maxConcurrent: LOGIN_QUEUE.concurrent, highWater: LOGIN_QUEUE.waiting, strategy: Bottleneck.strategy.OVERFLOW });
  fastify.addHook('onClose', async () => {
    await checks.stop({ dropWaitingJobs: true });
  });
  /** True when `password` is the account's; an unknown name costs the same work, so timing tells no names. */
  const check = async (password: string, stored: string | undefined) => {
    const ok = await verify(password, stored ?? (await standIn));
    return ok && stored !== undefined;
  };

  fastify.get<{ Querystring: { next?: string } }>('/staff/login', publicRoute, async (request, reply) => {
    if (request.staff) return reply.redirect(safeNext(request.query.next), 303);
    const token = randomToken();
    reply.setCookie(LOGIN_COOKIE, token, cookieOptions(request, '/staff/login'));
    return sendPage(reply, loginPage(ctx, token, safeNext(request.query.next)));
  });

  const rateLimit = { max: options.ratePerMinute ?? 30, timeWindow: 60_000 };
  fastify.post<{ Body: LoginBody }>('/staff/login', { config: { staffPublic: true, rateLimit } }, async (request, reply) => {
    const { name = '', password = '', next } = request.body ?? {};
    const expected = signedCookie(request, LOGIN_COOKIE);
    if (crossSite(request) || !expected || !sameToken(request.body?._csrf, expected)) {
      return refuse(ctx, request, reply, 403, ErrorCodes.STAFF_CSRF_INVALID, '登录表单已过期或来自别的网站。请重新打开登录页');
    }
    const nameKey = `name:${name.normalize('NFKC').toLowerCase().slice(0, 64)}`;
    const addressKey = `address:${request.ip}`;
    const retry = (token: string, error: string, status: number) => {
      reply.setCookie(LOGIN_COOKIE, token, cookieOptions(request, '/staff/login'));
      return sendPage(reply, loginPage(ctx, token, safeNext(next), name.slice(0, 32), error), status);
    };
    const locked = Math.max(byName.lockedFor(nameKey), byAddress.lockedFor(addressKey));
    if (locked > 0) {
      const minutes = Math.ceil(locked / 60_000);
      reply.header('retry-after', String(Math.ceil(locked / 1000)));
      return retry(randomToken(), `登录失败次数过多,已暂时锁定。请 ${minutes} 分钟后再试 (${ErrorCodes.STAFF_LOCKED_OUT})`, 429);
    }
    const account = await ctx.store.getAccount(name);
    let ok: boolean;
    try {
      ok = await checks.schedule(() => check(password, account?.passwordHash));
    } catch (error) {
      if (!(error instanceof Bottleneck.BottleneckError)) throw error;
      // Dropped: the queue is full (or the server stops). Nothing was checked or counted.
      ctx.logger.warn({ code: ErrorCodes.STAFF_LOGIN_BUSY, err: error }, 'staff login refused: too many logins waiting for a password check');
      reply.header('retry-after', '10');
      return retry(randomToken(), `同时登录的人太多,请稍等片刻再试 (${ErrorCodes.STAFF_LOGIN_BUSY})`, 503);
    }
    if (!ok || !account) {
      const lockedNow = [byName.fail(nameKey), byAddress.fail(addressKey)].some(Boolean);
      if (lockedNow) {
        ctx.logger.warn({ code: ErrorCodes.STAFF_LOCKED_OUT, known: Boolean(account) }, 'staff login locked after repeated failures');
        await ctx.store.audit({ at: ctx.clock.now(), actor: account ? account.name : '(未知账号)', action: 'login.locked', detail: `来自 ${request.ip}` });
      }
      return retry(randomToken(), `账号名或密码不对 (${ErrorCodes.STAFF_LOGIN_FAILED})`, 401);
    }
    byName.succeed(nameKey);
    await startSession(ctx, request, reply, account.name);
    reply.clearCookie(LOGIN_COOKIE, cookieOptions(request, '/staff/login'));
    await ctx.store.audit({ at: ctx.clock.now(), actor: account.name, action: 'login', detail: `来自 ${request.ip}` });
    return reply.redirect(safeNext(next), 303);
  });

  fastify.post('/staff/logout', async (request, reply) => {
    await ctx.store.audit({ at: ctx.clock.now(), actor: request.staff?.name ?? '', action: 'logout' });
    await endSession(ctx, request, reply);
    return reply.redirect('/staff/login', 303);
  });
}
