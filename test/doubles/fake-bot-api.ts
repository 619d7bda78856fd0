/**
 * A fake Telegram Bot API server on 127.0.0.1 (random port) that the real telegraf client
 * talks to through `apiRoot`. It queues updates for getUpdates long polling, records every
 * call, answers sendMessage like Telegram, and can be told to fail the next calls (429,
 * 5xx, dropped connection) to exercise the adapter's retries.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually } from './eventually.js';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  /** Date.now() when the call arrived. */
  at: number;
  /** False when the call was answered with an injected failure. */
  ok: boolean;
}

/** An injected failure: an HTTP error (429 with retry_after...) or a connection dropped mid-call. */
export type Failure = 'drop' | { status: number; retryAfter?: number; description?: string };

export interface FakeBotApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly bot: { id: number; username: string };
  readonly calls: ApiCall[];
  /** Queues an update (its update_id is assigned) for the next getUpdates; returns the id. */
  push(update: Record<string, unknown>): number;
  /** The next `times` calls of `method` fail as described. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Successful calls of `method`, optionally for one chat. */
  callsOf(method: string, chatId?: number): ApiCall[];
  /** Texts of the successful sendMessage calls to a chat. */
  textsTo(chatId: number): string[];
  /** Polls `probe` every 5 ms until it returns something truthy; rejects after `timeoutMs`. */
  waitFor<T>(probe: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

interface Waiter {
  offset: number;
  respond: (updates: unknown[]) => void;
}

/** Starts the fake server. */
export async function startFakeBotApi(options: { token?: string; username?: string } = {}): Promise<FakeBotApi> {
  const token = options.token ?? '123456:TEST-token';
  const bot = { id: 777_000_001, username: options.username ?? 'qujiang_law_bot' };
  const calls: ApiCall[] = [];
  const queue: Array<Record<string, unknown> & { update_id: number }> = [];
  const waiters = new Set<Waiter>();
  const failures: Array<{ method: string; failure: Failure }> = [];
  let nextUpdateId = 1;
  let nextMessageId = 1;

  const pending = (offset: number) => queue.filter((update) => update.update_id >= offset);
  const json = (res: http.ServerResponse, status: number, payload: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
  const ok = (res: http.ServerResponse, result: unknown) => json(res, 200, { ok: true, result });

  const answer = (method: string, body: Record<string, unknown>, res: http.ServerResponse) => {
    switch (method) {
      case 'getMe':
        return ok(res, { ...bot, is_bot: true, first_name: '曲江法律助手', can_join_groups: true });
      case 'getUpdates': {
        const offset = Number(body.offset ?? 0);
        // A confirmed offset means Telegram forgets everything before it.
        queue.splice(0, queue.length, ...pending(offset));
        const ready = pending(offset);
        const timeout = Number(body.timeout ?? 0);
        if (ready.length > 0 || timeout === 0) return ok(res, ready.slice(0, Number(body.limit ?? 100)));
        const waiter: Waiter = {
          offset,
          respond: (updates) => {
            waiters.delete(waiter);
            clearTimeout(timer);
            if (!res.writableEnded) ok(res, updates);
          },
        };
        const timer = setTimeout(() => waiter.respond([]), Math.min(timeout, 2) * 1_000);
        waiters.add(waiter);
        res.on('close', () => {
          clearTimeout(timer);
          waiters.delete(waiter);
        });
        return;
      }
      case 'sendMessage': {
        const chatId = Number(body.chat_id);
        return ok(res, {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: chatId < 0 ? 'supergroup' : 'private' },
          from: { ...bot, is_bot: true, first_name: '曲江法律助手' },
          text: body.text,
        });
      }
      case 'sendChatAction':
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'setWebhook':
      case 'deleteWebhook':
      case 'editMessageReplyMarkup':
        return ok(res, true);
      default:
        return json(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url ?? '');
      if (!match || match[1] !== token) return json(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      const method = match[2] as string;
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      const injected = failures.findIndex((failure) => failure.method === method);
      const failure = injected >= 0 ? failures.splice(injected, 1)[0]?.failure : undefined;
      calls.push({ method, body, at: Date.now(), ok: failure === undefined });
      if (failure === 'drop') return void req.socket.destroy();
      if (failure) {
        const parameters = failure.retryAfter === undefined ? undefined : { retry_after: failure.retryAfter };
        const description = failure.description ?? (failure.status === 429 ? `Too Many Requests: retry after ${failure.retryAfter ?? 1}` : 'failed');
        return json(res, failure.status, { ok: false, error_code: failure.status, description, ...(parameters ? { parameters } : {}) });
      }
      answer(method, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const callsOf = (method: string, chatId?: number) =>
    calls.filter((call) => call.ok && call.method === method && (chatId === undefined || Number(call.body.chat_id) === chatId));

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    bot,
    calls,
    push(update) {
      const update_id = nextUpdateId++;
      queue.push({ ...update, update_id });
      for (const waiter of [...waiters]) waiter.respond(pending(waiter.offset));
      return update_id;
    },
    failNext(method, failure, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push({ method, failure });
    },
    callsOf,
    textsTo(chatId) {
      return callsOf('sendMessage', chatId).map((call) => String(call.body.text));
    },
    waitFor: (probe, timeoutMs = 5_000) => eventually(probe, timeoutMs, 5),
    async close() {
      for (const waiter of [...waiters]) waiter.respond([]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
