/**
 * POST /api/v1/feedback against the real core: a 👍 / 👎 counts only for an answer this
 * conversation received, once per answer. Anything else (an entry never answered here, one
 * answered to another conversation, `__proto__`, a repeat) is refused with the JSON error
 * shape and counts nowhere: no feedback record, no message record (待处理 and 统计 read both).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { realEngine } from '../../doubles/harness.js';
import { createStaffBot, type StaffBot } from '../../doubles/staff-bot.js';

const CONV = 'feedback-conversation-1';
const OTHER = 'feedback-conversation-2';
const servers: HttpServer[] = [];

beforeAll(async () => {
  await realEngine();
});
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

async function world(): Promise<{ b: StaffBot; server: HttpServer }> {
  const b = await createStaffBot();
  const server = createHttpServer({ config: loadConfig({ HTTP_RATE_PER_MINUTE: '0' }), logger: silentLogger(), handler: b.bot.handle, readiness: () => ({}) });
  servers.push(server);
  return { b, server };
}

const post = (server: HttpServer, url: string, payload: object) =>
  server.fastify.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json' } });
const ask = async (server: HttpServer, conversation: string, text: string) => (await post(server, '/api/v1/messages', { conversation, text })).json();
const vote = (server: HttpServer, conversation: string, entry: string | undefined, useful = true) =>
  post(server, '/api/v1/feedback', { conversation, useful, ...(entry === undefined ? {} : { entry }) });

function expectRefused(response: Awaited<ReturnType<typeof vote>>) {
  expect(response.statusCode).toBe(409);
  expect(response.json()).toEqual({ error: { code: ErrorCodes.HTTP_FEEDBACK_REFUSED, message: expect.stringMatching(/[\u4e00-\u9fff]/) } });
}

const counted = (b: StaffBot) => ({ feedback: b.store.feedback.length, feedbackMessages: b.store.messages.filter((m) => m.kind === 'feedback').length });

describe('feedback through the API', () => {
  it('refuses a vote for an entry this conversation was never answered, and counts it nowhere', async () => {
    const { b, server } = await world();
    for (let i = 0; i < 30; i += 1) expectRefused(await vote(server, CONV, 'legal-aid.where', false));
    expect(counted(b)).toEqual({ feedback: 0, feedbackMessages: 0 });
    expect(b.store.messages).toHaveLength(0);
  });

  it('refuses __proto__ and other names of no answer', async () => {
    const { b, server } = await world();
    await ask(server, CONV, '法律援助在哪里申请');
    for (const entry of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) expectRefused(await vote(server, CONV, entry, false));
    expect(counted(b)).toEqual({ feedback: 0, feedbackMessages: 0 });
  });

  it('counts one vote per answer received: a repeat, 👍 or 👎, is refused', async () => {
    const { b, server } = await world();
    const answer = await ask(server, CONV, '法律援助在哪里申请');
    // It offers its suggestions as choices (awaits a pick); its 👍 / 👎 buttons still rate it.
    expect(answer).toMatchObject({ kind: 'answer', awaits: 'pick' });
    const first = await vote(server, CONV, answer.entry, false);
    expect(first.statusCode).toBe(200);
    expect(first.json().text).toBe('谢谢您的反馈!');
    expectRefused(await vote(server, CONV, answer.entry, false));
    expectRefused(await vote(server, CONV, answer.entry, true));
    expect(b.store.feedback).toEqual([expect.objectContaining({ useful: false, entry: answer.entry, question: '法律援助在哪里申请' })]);
    expect(counted(b)).toEqual({ feedback: 1, feedbackMessages: 1 });
  });

  it('refuses a vote for an answer another conversation received', async () => {
    const { b, server } = await world();
    const answer = await ask(server, OTHER, '法律援助在哪里申请');
    expectRefused(await vote(server, CONV, answer.entry));
    expect(counted(b)).toEqual({ feedback: 0, feedbackMessages: 0 });
  });

  it('takes a vote on an older answer (the page keeps 👍 / 👎 under each), and on the last without naming it', async () => {
    const { b, server } = await world();
    const older = await ask(server, CONV, '法律援助在哪里申请');
    const menu = await post(server, '/api/v1/messages', { conversation: CONV, command: 'menu' });
    expect(menu.statusCode).toBe(200);
    const last = await ask(server, CONV, '公证处在哪里');
    expect(last.kind).toBe('answer');
    expect(last.entry).not.toBe(older.entry);
    expect((await vote(server, CONV, older.entry)).statusCode).toBe(200);
    expect((await vote(server, CONV, undefined, false)).statusCode).toBe(200);
    expectRefused(await vote(server, CONV, undefined));
    expect(b.store.feedback.map((f) => [f.entry, f.useful])).toEqual([
      [older.entry, true],
      [last.entry, false],
    ]);
  });
});
