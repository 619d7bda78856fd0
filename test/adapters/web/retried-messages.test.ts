/**
 * POST /api/v1/messages with a `clientMessageId`: a retry (same conversation, id and content)
 * gets the same reply and is handled once, while the first is still in flight or after, on
 * this instance or, through the shared cache, another; kept for a while and a bounded number.
 * An emergency is always answered with the emergency reply, retried or not: never silence.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { createRetriedMessages, RETRIES } from '../../../adapters/web/retried-messages.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import type { ReplyJson } from '../../../src/reply-json.js';
import { createMemoryCache } from '../../../src/service/shared-state/memory-state.js';
import type { SharedCache } from '../../../src/service/shared-state/shared-state.js';
import type { InboundMessage, MessageHandler, Reply } from '../../../src/types.js';
import { eventually } from '../../doubles/eventually.js';
import { createFakeCore } from '../../doubles/fake-core.js';
import { createManualClock } from '../../doubles/manual-clock.js';

const CONV = 'retry-conversation-1';
const ID = 'msg-0001-abcdef';
const servers: HttpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
});

function serverWith(handler: MessageHandler, shared?: SharedCache) {
  const server = createHttpServer({ config: loadConfig({ HTTP_RATE_PER_MINUTE: '0' }), logger: silentLogger(), handler, readiness: () => ({}), shared });
  servers.push(server);
  return server;
}

const send = (server: HttpServer, body: Record<string, unknown>) =>
  server.fastify.inject({ method: 'POST', url: '/api/v1/messages', headers: { 'content-type': 'application/json' }, payload: body });

/** A core whose every answer is told apart by a counter, and that holds messages until released when asked to. */
function countingCore(options: { hold?: boolean; failFirst?: boolean } = {}) {
  const received: InboundMessage[] = [];
  const held: (() => void)[] = [];
  const fake = createFakeCore();
  const handler: MessageHandler = async (message) => {
    received.push(message);
    if (options.hold) await new Promise<void>((resolve) => held.push(resolve));
    if (options.failFirst && received.length === 1) throw new Error('first attempt fails');
    const reply: Reply = await fake.handler(message);
    return { ...reply, text: `${reply.text} #${received.length}` };
  };
  return { handler, received, release: () => held.splice(0).forEach((go) => go()) };
}

describe('a retried message', () => {
  it('gets the same reply, handled once', async () => {
    const core = countingCore();
    const server = serverWith(core.handler);
    const body = { conversation: CONV, text: '没钱请律师怎么办', clientMessageId: ID };
    const first = await send(server, body);
    const retry = await send(server, body);
    expect(first.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(core.received).toHaveLength(1);
  });

  it('sent again while the first is still answered waits for that answer', async () => {
    const core = countingCore({ hold: true });
    const server = serverWith(core.handler);
    const body = { conversation: CONV, text: '没钱请律师怎么办', clientMessageId: ID };
    const first = send(server, body);
    await eventually(() => core.received.length === 1);
    const retry = send(server, body);
    core.release();
    const [a, b] = await Promise.all([first, retry]);
    expect(b.json()).toEqual(a.json());
    expect(core.received).toHaveLength(1);
  });

  it('without an id, in another conversation, with another id or other content, is another message', async () => {
    const core = countingCore();
    const server = serverWith(core.handler);
    await send(server, { conversation: CONV, text: '你好', clientMessageId: ID });
    await send(server, { conversation: CONV, text: '你好' });
    await send(server, { conversation: CONV, text: '你好' });
    await send(server, { conversation: 'retry-conversation-2', text: '你好', clientMessageId: ID });
    await send(server, { conversation: CONV, text: '你好', clientMessageId: 'msg-0002-abcdef' });
    await send(server, { conversation: CONV, text: '你好呀', clientMessageId: ID });
    await send(server, { conversation: CONV, command: 'menu', clientMessageId: ID });
    expect(core.received).toHaveLength(7);
  });

  it('whose first attempt failed is handled again', async () => {
    const core = countingCore({ failFirst: true });
    const server = serverWith(core.handler);
    const body = { conversation: CONV, text: '没钱请律师怎么办', clientMessageId: ID };
    expect((await send(server, body)).statusCode).toBe(500);
    const retry = await send(server, body);
    expect(retry.statusCode).toBe(200);
    expect(core.received).toHaveLength(2);
  });

  it('an emergency gets the emergency reply every time, retried or not, and with an id reused from another message', async () => {
    const core = countingCore();
    const server = serverWith(core.handler);
    await send(server, { conversation: CONV, text: '你好', clientMessageId: ID });
    const body = { conversation: CONV, text: '救命,有人要杀我', clientMessageId: ID };
    const replies = [await send(server, body), await send(server, body), await send(server, { ...body, clientMessageId: undefined })];
    for (const reply of replies) expect(reply.json()).toMatchObject({ kind: 'emergency', call: ['110', '120'], text: expect.stringContaining('110') });
  });

  it('refuses a malformed id with 400', async () => {
    const core = countingCore();
    const server = serverWith(core.handler);
    for (const clientMessageId of ['short', 'has space in it', 12345678, 'x'.repeat(65)]) {
      const response = await send(server, { conversation: CONV, text: '你好', clientMessageId });
      expect([response.statusCode, response.json().error.code]).toEqual([400, ErrorCodes.HTTP_BAD_REQUEST]);
    }
    expect(core.received).toHaveLength(0);
  });

  it('sent to another instance gets the reply through the shared cache, also while the first is still answered', async () => {
    const shared = createMemoryCache();
    const core = countingCore({ hold: true });
    const other = countingCore();
    const [a, b] = [serverWith(core.handler, shared), serverWith(other.handler, shared)];
    const body = { conversation: CONV, text: '没钱请律师怎么办', clientMessageId: ID };
    const first = send(a, body);
    await eventually(() => core.received.length === 1);
    const retry = send(b, body);
    core.release();
    const [one, two] = await Promise.all([first, retry]);
    expect(two.json()).toEqual(one.json());
    expect((await send(b, body)).json()).toEqual(one.json());
    expect(other.received).toHaveLength(0);
  });
});

describe('the memory of retried messages', () => {
  const reply = (text: string): ReplyJson => ({ kind: 'answer', text, entry: null, score: null, choices: null, source: null, awaits: null, call: null, calculation: null, glossary: null, flow: null });
  const message = (clientMessageId: string) => ({ conversation: CONV, clientMessageId, content: 'text:你好' });

  it('forgets a reply after the window', async () => {
    const clock = createManualClock();
    const retried = createRetriedMessages({ clock });
    expect((await retried.answer(message(ID), async () => reply('first'))).text).toBe('first');
    await clock.advance(RETRIES.windowMs - 1);
    expect((await retried.answer(message(ID), async () => reply('second'))).text).toBe('first');
    await clock.advance(2);
    expect((await retried.answer(message(ID), async () => reply('third'))).text).toBe('third');
  });

  it('keeps a bounded number, the oldest forgotten first', async () => {
    const retried = createRetriedMessages({ limits: { maxKept: 2 } });
    for (const id of ['msg-a-0001', 'msg-b-0001', 'msg-c-0001']) await retried.answer(message(id), async () => reply(id));
    expect((await retried.answer(message('msg-c-0001'), async () => reply('again'))).text).toBe('msg-c-0001');
    expect((await retried.answer(message('msg-a-0001'), async () => reply('again'))).text).toBe('again');
  });

  it('answers here when another instance claimed the message but no reply came in time (it died): never silence', async () => {
    const clock = createManualClock();
    const shared = createMemoryCache();
    const theirs = createRetriedMessages({ shared });
    void theirs.answer(message(ID), () => new Promise<ReplyJson>(() => undefined));
    const ours = createRetriedMessages({ shared, clock });
    const answered = ours.answer(message(ID), async () => reply('answered here'));
    await eventually(() => clock.sleeping === 1);
    await clock.advance(RETRIES.waitMs);
    expect((await answered).text).toBe('answered here');
  });
});
