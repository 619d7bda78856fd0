/**
 * Nothing acknowledged is lost (issue 16, item 8): a stop in the middle of a burst finishes
 * what it can by its deadline; in webhook mode the rest is kept in DATA_DIR and answered
 * after the next start, in polling mode it is left unconfirmed and Telegram sends it again.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as wait } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTelegramAdapter, type TelegramAdapter } from '../../../adapters/telegram/index.js';
import { KEPT_FILE } from '../../../adapters/telegram/kept-updates.js';
import { ErrorCodes } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { createLogSink } from '../../doubles/log-sink.js';
import type { MessageHandler } from '../../../src/types.js';
import { startFakeBotApi, type FakeBotApi } from '../../doubles/fake-bot-api.js';
import { textUpdate } from '../../doubles/telegram-updates.js';
import { fastPacing } from './telegram-setup.js';

const run = promisify(execFile);
const BURST = new URL('../../doubles/webhook-burst.mjs', import.meta.url).pathname;
const SECRET = 's3cret';
/** The probe sent 3,000; 400 keep the test short. */
const BURST_SIZE = 400;

/** A core that takes a few ms per message and answers with the question's number. */
const slowCore: MessageHandler = async (message) => {
  await wait(3);
  return { kind: 'answer', text: `答:${/问题(\d+)/.exec(message.text)?.[1] ?? message.text}` };
};

/** A core that never answers even-numbered questions: the stop deadline must cut them. */
const stuckOnEven: MessageHandler = (message) =>
  Number(/问题(\d+)/.exec(message.text)?.[1]) % 2 === 0 ? new Promise(() => {}) : slowCore(message);

/** How often each question number was answered. */
function answeredCounts(api: FakeBotApi): Map<number, number> {
  const counts = new Map<number, number>();
  for (const call of api.callsOf('sendMessage')) {
    const n = Number(/^答:(\d+)$/.exec(String(call.body.text))?.[1]);
    if (Number.isInteger(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}

describe('telegram stop mid-burst', () => {
  let api: FakeBotApi;
  let dataDir: string;
  const adapters: TelegramAdapter[] = [];
  const adapter = (options: Record<string, unknown> = {}) => {
    const created = createTelegramAdapter({
      token: api.token,
      apiRoot: api.apiRoot,
      webhookPort: 0,
      logger: silentLogger(),
      pacing: fastPacing,
      dataDir,
      maxInFlight: 10_000,
      ...options,
    });
    adapters.push(created);
    return created;
  };
  beforeEach(async () => {
    api = await startFakeBotApi();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'qlb-telegram-'));
  });
  afterEach(async () => {
    for (const started of adapters.splice(0)) await started.stop();
    await api.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('webhook: of the acknowledged updates of a burst none is lost; what the deadline cut is kept and answered after the next start', async () => {
    const hook = { webhookUrl: 'https://bot.example.org/tg/hook', webhookSecret: SECRET, webhookHost: '127.0.0.1' };
    const first = adapter({ ...hook, stopTimeoutMs: 150 });
    await first.start(stuckOnEven);
    const url = `http://127.0.0.1:${first.webhookPort}/tg/hook`;
    const { stdout } = await run(process.execPath, [BURST, url, SECRET, String(BURST_SIZE)], { maxBuffer: 1e6 });
    expect(JSON.parse(stdout)).toEqual({ 200: BURST_SIZE });
    const stopping = Date.now();
    await first.stop();
    expect(Date.now() - stopping).toBeLessThan(3_000); // the deadline, then cancelled calls unwind
    const answeredFirst = answeredCounts(api).size;
    expect(answeredFirst).toBeLessThanOrEqual(BURST_SIZE / 2); // the deadline cut the burst
    const kept = JSON.parse(await readFile(path.join(dataDir, KEPT_FILE), 'utf8')) as { updates: unknown[] };
    expect(answeredFirst + kept.updates.length).toBeGreaterThanOrEqual(BURST_SIZE);
    expect((await stat(path.join(dataDir, KEPT_FILE))).mode & 0o077).toBe(0); // people's messages: owner-only

    const second = adapter({ ...hook, stopTimeoutMs: 10_000 });
    await second.start(slowCore);
    await api.waitFor(() => answeredCounts(api).size === BURST_SIZE, 20_000);
    await second.stop();
    const counts = answeredCounts(api);
    const twice = [...counts.values()].filter((n) => n > 1).length;
    expect(twice).toBeLessThan(15); // only a send cancelled after Telegram got it is repeated
    await expect(readFile(path.join(dataDir, KEPT_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('starts with an unreadable kept-updates file: logged with its code, removed, nothing else lost', async () => {
    await writeFile(path.join(dataDir, KEPT_FILE), '{"updates": [', { mode: 0o600 });
    const sink = createLogSink();
    const started = adapter({ logger: sink.logger, pollTimeoutSeconds: 1 });
    await started.start(slowCore);
    api.push(textUpdate({ id: 4242, first_name: 'p' }, '问题7'));
    await api.waitFor(() => answeredCounts(api).get(7) === 1);
    expect(sink.lines().find((line) => line.code === ErrorCodes.TELEGRAM_KEPT_UPDATES_FAILED)?.msg).toMatch(/unreadable/);
    await expect(readFile(path.join(dataDir, KEPT_FILE))).rejects.toThrow(/ENOENT/);
  });

  it('polling: an update is confirmed only once answered; the rest come again after a restart', async () => {
    for (let i = 1; i <= 300; i += 1) api.push(textUpdate({ id: 20_000 + (i % 50), first_name: 'p' }, `问题${i}`));
    const first = adapter({ stopTimeoutMs: 100, pollTimeoutSeconds: 1 });
    await first.start(slowCore);
    await api.waitFor(() => answeredCounts(api).size >= 20);
    await first.stop();
    const answeredFirst = answeredCounts(api).size;
    expect(answeredFirst).toBeLessThan(300);

    const second = adapter({ stopTimeoutMs: 10_000, pollTimeoutSeconds: 1 });
    await second.start(slowCore);
    await api.waitFor(() => answeredCounts(api).size === 300, 20_000);
    await second.stop();
    const twice = [...answeredCounts(api).values()].filter((n) => n > 1).length;
    expect(twice).toBeLessThan(10);
    const lastConfirm = api.calls.filter((call) => call.method === 'getUpdates').at(-1);
    expect(Number(lastConfirm?.body.offset)).toBe(301); // everything answered is confirmed at stop
  });
});
