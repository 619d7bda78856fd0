/**
 * Debian's chromium driven by playwright-core, for tests of the pages in a real browser.
 * `.ci/run` installs chromium when missing; where it truly cannot be, {@link findChromium}
 * says why and the browser tests skip with that message.
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline-friendly headless run (no sync, no updates, no QUIC). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The reason the browser tests cannot run here, or undefined when chromium is installed. */
export function missingChromium(): string | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  return `browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run does this)`;
}

/**
 * Launches chromium; playwright gives it a fresh temporary profile (--user-data-dir) and
 * removes it on close. Each {@link Phone.page} is a new context: its own storage, phone-sized.
 */
export async function launchPhone(options: { width?: number; height?: number } = {}) {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    /**
     * A new page in a context of its own (fresh localStorage and cookies), as a phone of the
     * given size; `desktop` gives a desktop browser's window instead.
     */
    async page(desktop?: { width: number; height: number }): Promise<Page> {
      const context = await browser.newContext({
        viewport: desktop ?? { width: options.width ?? 390, height: options.height ?? 844 },
        deviceScaleFactor: desktop ? 1 : 2,
        isMobile: !desktop,
        hasTouch: !desktop,
        locale: 'zh-CN',
      });
      contexts.push(context);
      return context.newPage();
    },
    close: () => browser.close(),
  };
}

export type Phone = Awaited<ReturnType<typeof launchPhone>>;
