/**
 * The staff console at `/staff`, a fastify plugin mounted on the HTTP server: login, then
 * 试问, 待处理, 统计, 知识库 and 审计, server-rendered in Chinese with one style sheet and no
 * script, nothing loaded from elsewhere. Every route is behind {@link staffGuard}; every
 * change is audited; a store that cannot be used makes it answer 503 (staff-errors.ts).
 * Expired sessions and, past the retention period, audit records and review actions are
 * purged at start and every six hours.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../src/app.js';
import { ErrorCodes } from '../src/errors.js';
import type { Logger } from '../src/logger.js';
import { createKnowledgeEditor } from '../src/service/staff/add-sample-question.js';
import type { ScryptParams } from '../src/service/staff/passwords.js';
import type { StaffStore } from '../src/service/staff/staff-store.js';
import { systemClock, type Clock } from '../src/service/time/clock.js';
import { DAY_MS } from '../src/service/time/durations.js';
import { addQuestionRoutes } from './add-question-page.js';
import { auditRoutes } from './audit-page.js';
import type { ConsoleContext } from './console-context.js';
import { staffGuard } from './guard.js';
import { staffErrorHandler } from './staff-errors.js';
import { knowledgeRoutes } from './knowledge-page.js';
import { flowRoutes } from './flows-page.js';
import { loginRoutes } from './login-routes.js';
import { reviewRoutes } from './review-page.js';
import { deskRoutes } from './desk-page.js';
import { recordSourceChanges } from './source-changes.js';
import { statsRoutes } from './stats-page.js';
import { tryRoutes } from './try-page.js';

export interface StaffConsoleOptions {
  app: App;
  store: StaffStore;
  logger: Logger;
  /** A login lasts this long at most (STAFF_SESSION_HOURS). */
  sessionMs: number;
  /** An untouched session ends after this long; 30 minutes by default. */
  idleMs?: number;
  /** The clock (the system clock by default; tests pass their own). */
  clock?: Clock;
  /** scrypt's cost for unknown names at login (tests make it cheap). */
  scrypt?: ScryptParams;
  /** Login attempts per client address per minute. */
  loginRatePerMinute?: number;
  /** Checks a password at login (tests watch the login queue with it). */
  verifyPassword?: (password: string, stored: string) => Promise<boolean>;
}

const PURGE_EVERY_MS = 6 * 3_600_000;
/** How often a source change of the knowledge in service is looked for (a reference comparison). */
const SOURCE_AUDIT_EVERY_MS = 30_000;
/** Forms of the console are small; anything bigger is not one of them. */
const FORM_LIMIT_BYTES = 64 * 1024;

function styleSheet(): { text: string; version: string } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'public', 'staff.css');
  const file = fs.existsSync(beside) ? beside : path.resolve(here, '../../staff-console/public/staff.css');
  const text = fs.readFileSync(file, 'utf8');
  return { text, version: createHash('sha256').update(text).digest('hex').slice(0, 10) };
}

/** Registers the console's routes. */
export const staffConsole: FastifyPluginAsync<StaffConsoleOptions> = async (fastify, options) => {
  const { app, store, logger } = options;
  const css = styleSheet();
  const ctx: ConsoleContext = {
    store,
    logger,
    clock: options.clock ?? systemClock,
    sessionMs: options.sessionMs,
    idleMs: options.idleMs ?? 30 * 60_000,
    css: `/staff/static/staff.css?v=${css.version}`,
  };
  fastify.decorateRequest('staff', null);
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  fastify.setErrorHandler(staffErrorHandler(ctx));
  fastify.addHook('preHandler', staffGuard(ctx));
  fastify.addHook('onSend', async (_request, reply) => {
    reply.header('x-robots-tag', 'noindex');
    // The server's no-referrer makes browsers send "Origin: null" with forms; same-origin keeps
    // the real origin on the console's own requests (checked by the guard) and none elsewhere.
    reply.header('referrer-policy', 'same-origin');
  });

  fastify.get('/staff/static/staff.css', { config: { staffPublic: true, staffStatic: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=604800, immutable').send(css.text),
  );
  loginRoutes(fastify, ctx, { scrypt: options.scrypt, ratePerMinute: options.loginRatePerMinute, verify: options.verifyPassword });
  tryRoutes(fastify, ctx, app);
  reviewRoutes(fastify, ctx, app);
  deskRoutes(fastify, ctx, app);
  const editor = createKnowledgeEditor({
    knowledgeDir: app.config.knowledgeDir,
    knowledge: () => app.bot.engine.knowledge,
    reload: (reason) => app.reload(reason),
    mask: (text) => app.bot.engine.mask(text),
    plan: (request) => app.planSampleQuestion(request),
  });
  addQuestionRoutes(fastify, ctx, app, editor);
  statsRoutes(fastify, ctx, app);
  knowledgeRoutes(fastify, ctx, app);
  const sources = recordSourceChanges(ctx, app);
  flowRoutes(fastify, ctx, app);
  auditRoutes(fastify, ctx, app, sources.sync);

  const purge = () =>
    void store.purge({ now: ctx.clock.now(), before: ctx.clock.now() - app.config.retentionDays * DAY_MS }).catch((error: unknown) =>
      logger.warn({ code: ErrorCodes.STAFF_STORE_FAILED, err: error }, 'staff store purge failed; tried again later'),
    );
  let timer: NodeJS.Timeout | undefined;
  let sourceTimer: NodeJS.Timeout | undefined;
  fastify.addHook('onReady', async () => {
    purge();
    timer = setInterval(purge, PURGE_EVERY_MS);
    timer.unref();
    sourceTimer = setInterval(() => void sources.sync(), SOURCE_AUDIT_EVERY_MS);
    sourceTimer.unref();
  });
  fastify.addHook('onClose', async () => {
    clearInterval(timer);
    clearInterval(sourceTimer);
  });
};
