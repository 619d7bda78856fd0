/**
 * `serve` puts everything HTTP-facing on its one server: the Telegram webhook (no listener
 * of its own; its secret still checked) and the staff console (with a warning when no
 * STAFF_SESSION_SECRET is set), beside the web chat.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/errors.js';
import { startFakeBotApi, type FakeBotApi } from '../doubles/fake-bot-api.js';
import { runCli, tempDataDir } from '../doubles/cli.js';
import { alice, textUpdate } from '../doubles/telegram-updates.js';

const dataDir = tempDataDir('qlb-serve-mounts-');
let api: FakeBotApi | undefined;
afterAll(async () => {
  await api?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('serve with a Telegram webhook', () => {
  it('serves the webhook at its URL’s path on the HTTP server, checks the secret, answers; and the staff console beside it', async () => {
    api = await startFakeBotApi();
    const signals = new EventEmitter();
    let printed: (address: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (printed = resolve));
    let logs = '';
    const running = runCli(['serve'], {
      env: {
        DATA_DIR: dataDir,
        HTTP_PORT: '0',
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: api.apiRoot,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg/hook',
        TELEGRAM_WEBHOOK_SECRET: 's3cret-hook',
        // The adapter's own listener could not bind this address: the webhook must be on the HTTP server.
        TELEGRAM_WEBHOOK_HOST: '203.0.113.1',
        TELEGRAM_MIN_GAP_MS: '0',
      },
      signals,
      onStdout: (text) => {
        const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
        if (found?.[1]) printed(found[1]);
      },
      onStderr: (text) => (logs = text),
    });
    const address = await listening;
    const setWebhook = await api.waitFor(() => api?.callsOf('setWebhook')[0]);
    expect(setWebhook.body).toMatchObject({ url: 'https://bot.example.org/tg/hook', secret_token: 's3cret-hook' });

    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${address}tg/hook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const update = { update_id: 41, ...textUpdate(alice, '法律援助在哪里申请') };
    expect((await post({}, update)).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong' }, update)).status).toBe(403);
    expect((await post({ 'x-telegram-bot-api-secret-token': 's3cret-hook' }, update)).status).toBe(200);
    const [reply] = await api.waitFor(() => (api?.textsTo(alice.id).length ? api.textsTo(alice.id) : undefined));
    expect(reply).toMatch(/来源:/);

    const login = await fetch(`${address}staff/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('工作人员后台');
    expect(logs).toContain(ErrorCodes.STAFF_SESSION_SECRET_RANDOM);

    signals.emit('SIGTERM');
    expect((await running).code).toBe(0);
  });
});
