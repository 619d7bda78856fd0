/**
 * Logs the account's life: the login QR code (drawn in the terminal too), login, logout,
 * reconnects and errors. The operator runs the bot unattended for weeks; these lines are how
 * they learn the account needs a new scan.
 */
import { qrcodeValueToImageUrl, ScanStatus, type Wechaty } from 'wechaty';
import type { Logger } from '../../src/logger.js';
import type { Clock } from '../../src/service/time/clock.js';

export interface LifecycleLogOptions {
  logger: Logger;
  clock: Clock;
  /** Draws the QR code in the terminal; resolves false when it could not. */
  drawQr(value: string): Promise<boolean>;
}

/** A puppet retrying a dead network repeats one error many times a second; log it once a minute. */
const REPEAT_WINDOW_MS = 60_000;

/** Subscribes the log lines to `bot`'s events; call before `bot.start()` so the first scan is seen. */
export function logLifecycle(bot: Wechaty, options: LifecycleLogOptions): void {
  const { logger, clock } = options;
  let logins = 0;
  const lastErrors = new Map<string, { at: number; repeats: number }>();

  bot.on('scan', (qrcode, status) => {
    const state = ScanStatus[status] ?? String(status);
    if (status !== ScanStatus.Waiting && status !== ScanStatus.Timeout) {
      logger.info({ status: state }, 'wechat login: scan status changed');
      return;
    }
    logger.info(
      { status: state, qrcode, imageUrl: qrcodeValueToImageUrl(qrcode) },
      "wechat login: scan the QR code with the bot account's WeChat app (or open imageUrl)",
    );
    void options.drawQr(qrcode).catch(() => false);
  });

  bot.on('login', (user) => {
    logins += 1;
    const again = logins > 1;
    logger.info({ account: user.name(), logins }, again ? 'wechat logged in again (reconnected)' : 'wechat logged in');
  });

  bot.on('logout', (user, reason) => {
    logger.warn({ account: user.name(), reason }, 'wechat logged out: a new scan may be needed');
  });

  bot.on('ready', () => logger.info('wechat ready: contacts and rooms loaded'));

  bot.on('puppet', (puppet) => {
    // `reset` is the puppet restarting its connection; wechaty does not forward it.
    puppet.on('reset', (payload: { data?: string }) => {
      logger.warn({ reason: payload?.data }, 'wechat puppet reconnecting');
    });
  });

  bot.on('error', (error) => {
    const key = String(error?.message ?? error).slice(0, 200);
    const now = clock.now();
    const last = lastErrors.get(key);
    if (last && now - last.at < REPEAT_WINDOW_MS) {
      last.repeats += 1;
      return;
    }
    if (lastErrors.size > 100) lastErrors.clear();
    lastErrors.set(key, { at: now, repeats: 0 });
    logger.error({ err: error, repeatsSinceLast: last?.repeats ?? 0 }, 'wechat error');
  });
}
