/**
 * A bot with its HTTP server and the staff console mounted, as `serve` runs it, over a copy
 * of the real knowledge base (tests edit it) and a data directory of its own: the message
 * store is SQLite there, so 待处理 and 统计 read what the bot recorded. Staff accounts use a
 * cheap scrypt cost. `inject` helpers log in the way a browser does.
 */
import fs from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { appReadiness } from '../../adapters/http/app-readiness.js';
import { createHttpServer, type HttpServer } from '../../adapters/http/create-http-server.js';
import { staffConsole } from '../../staff-console/staff-console.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/service/config/config.js';
import { silentLogger } from '../../src/logger.js';
import { openSqliteStaffStore } from '../../src/service/staff/sqlite-staff-store.js';
import { addStaff } from '../../src/service/staff/staff-accounts.js';
import type { StaffStore } from '../../src/service/staff/staff-store.js';
import { tempDataDir } from './cli.js';
import { copyKnowledge, type KnowledgeCopy } from './knowledge-copy.js';
import { clockReading } from './manual-clock.js';

export const CHEAP_SCRYPT = { N: 1024, r: 8, p: 1 };
export const PASSWORD = 'correct horse 42';

export interface StaffWorld {
  app: App;
  server: HttpServer;
  store: StaffStore;
  knowledge: KnowledgeCopy;
  dataDir: string;
  /** The console's clock runs `offset` ms ahead of the real one; move it with `clock.offset += ms`. */
  clock: { offset: number };
  addAccount(name: string, password?: string): Promise<void>;
  /** Asks as a resident on the web (recorded), then writes the store. */
  ask(text: string, conversation?: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the world; `env` adds to its configuration; `staffStore` replaces the console's store (a failing one). */
export async function startStaffWorld(env: Record<string, string> = {}, options: { staffStore?: (dataDir: string) => StaffStore } = {}): Promise<StaffWorld> {
  const knowledge = copyKnowledge();
  const dataDir = tempDataDir('qlb-staff-world-');
  const config = loadConfig({ KNOWLEDGE_DIR: knowledge.dir, DATA_DIR: dataDir, HTTP_PORT: '0', ...env });
  const logger = silentLogger();
  const app = await createApp(config, logger, { record: true });
  const store = options.staffStore?.(dataDir) ?? openSqliteStaffStore(dataDir);
  const clock = { offset: 0 };
  const now = () => Date.now() + clock.offset;
  const server = createHttpServer({ config, logger, handler: app.handler, readiness: appReadiness(app), cookieSecret: 'test-secret-'.repeat(4), desk: app.desk, callbacks: app.callbacks });
  server.mount(staffConsole, { app, store, logger, sessionMs: config.staffConsole.sessionMs, clock: clockReading(now), scrypt: CHEAP_SCRYPT, loginRatePerMinute: 1000 });
  await server.fastify.ready();
  let n = 0;
  return {
    app,
    server,
    store,
    knowledge,
    dataDir,
    clock,
    addAccount: (name, password = PASSWORD) => addStaff({ store, actor: 'test', params: CHEAP_SCRYPT, now: now() }, name, password),
    async ask(text, conversation = `resident-${(n += 1)}`) {
      await app.handler({ adapter: 'web', conversationId: conversation, senderId: conversation, kind: 'text', text });
      app.store.flush();
    },
    async close() {
      await server.stop();
      await app.close();
      store.close();
      knowledge.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The `name=value` pairs of a response's Set-Cookie headers, for the next request's Cookie. */
export function cookiesOf(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The value of the first hidden `_csrf` field of a page. */
export function csrfOf(pageHtml: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(pageHtml)?.[1];
  if (!token) throw new Error('no _csrf field on the page');
  return token;
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
export const BROWSER = { accept: 'text/html,application/xhtml+xml' };
export { form };

/** Logs in through the login form; the session cookie and its CSRF token, or the refusing response. */
export async function login(world: StaffWorld, name: string, password = PASSWORD, headers: Record<string, string> = {}) {
  const { fastify } = world.server;
  const loginPage = await fastify.inject({ url: '/staff/login', headers: { ...BROWSER, ...headers } });
  const response = await fastify.inject({
    method: 'POST',
    url: '/staff/login',
    headers: { ...BROWSER, ...FORM, ...headers, cookie: cookiesOf(loginPage) },
    payload: form({ name, password, _csrf: csrfOf(loginPage.body), next: '/staff/review' }),
  });
  if (response.statusCode !== 303) return { response, cookie: '', csrf: '' };
  const cookie = cookiesOf(response).split('; ').filter((c) => c.startsWith('qlb_staff=')).join('; ');
  const review = await fastify.inject({ url: '/staff/review', headers: { ...BROWSER, cookie } });
  return { response, cookie, csrf: csrfOf(review.body) };
}
