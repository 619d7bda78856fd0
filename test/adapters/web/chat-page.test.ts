/**
 * The resident chat page in Debian's chromium at phone size, against the real server and the
 * real knowledge base. With QLB_SCREENSHOTS=1 the screenshots go to docs/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { appReadiness } from '../../../adapters/http/app-readiness.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import { createMemoryStore, type MemoryStore } from '../../../src/service/store/message-store.js';
import { launchPhone, missingChromium, type Phone } from '../../doubles/browser.js';
import { KNOWLEDGE_DIR } from '../../doubles/harness.js';

const missing = missingChromium();
if (missing) process.stderr.write(`${missing}\n`);
const SHOTS = process.env.QLB_SCREENSHOTS === '1' ? new URL('../../../docs/screenshots/', import.meta.url).pathname : undefined;

let app: App;
let store: MemoryStore;
let server: HttpServer;
let origin: string;
let phone: Phone;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-web-data-'));

async function startServer(port = 0): Promise<string> {
  const config = loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir, HTTP_PORT: String(port), RETENTION_DAYS: '30' });
  server = createHttpServer({ config, logger: silentLogger(), handler: app.handler, readiness: appReadiness(app) });
  return server.start();
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Does `act`, then waits for the next bot reply and returns it. */
async function nextReply(page: Page, act: () => Promise<void>) {
  const before = await page.locator('.msg.bot').count();
  await act();
  const reply = page.locator('.msg.bot').nth(before);
  await reply.waitFor();
  return reply;
}

async function ask(page: Page, text: string) {
  return nextReply(page, async () => {
    await page.getByLabel('输入您的问题').fill(text);
    await page.getByLabel('输入您的问题').press('Enter');
  });
}

describe.skipIf(missing !== undefined)(missing ?? 'resident chat page in chromium', () => {
  const outside: string[] = [];
  /** A fresh phone page on the chat page, its greeting shown; requests elsewhere are noted. */
  const open = async () => {
    const page = await phone.page();
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) outside.push(request.url());
    });
    await page.goto(`${origin}/`);
    await page.locator('.msg.bot').first().waitFor();
    return page;
  };

  beforeAll(async () => {
    store = createMemoryStore();
    app = await createApp(loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir }), silentLogger(), { store, textFeedback: true });
    origin = (await startServer()).replace(/\/$/, '');
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('greets with the menu as buttons; a resident taps a topic, then a question, and votes', async () => {
    const page = await open();
    await expect(page.locator('.privacy').textContent()).resolves.toContain('30 天后删除');
    const menu = page.locator('.msg.bot').first();
    const topic = await nextReply(page, () => menu.getByRole('button', { name: /法律援助/ }).first().click());
    const answer = await nextReply(page, () => topic.getByRole('button', { name: /到哪里申请法律援助/ }).click());
    await expect(answer.locator('.source').textContent()).resolves.toMatch(/^来源:/);
    expect(await answer.locator('p').first().textContent()).not.toContain('来源:');
    expect(await page.locator('.msg.me').allTextContents()).toEqual(['法律援助(免费律师)', '到哪里申请法律援助']);
    await shot(page, 'chat-answer');
    await answer.getByRole('button', { name: /有用/ }).click();
    await answer.locator('.thanks').waitFor();
    expect(await answer.getByRole('button', { name: /有用/ }).count()).toBe(0);
    expect(store.feedback.at(-1)).toMatchObject({ adapter: 'web', useful: true, entry: 'legal-aid.where' });
    await page.close();
  });

  it('answers a typed question, with Enter from the keyboard, and keeps the transcript across a reload', async () => {
    const page = await open();
    const reply = await ask(page, '没钱请律师怎么办');
    await expect(reply.locator('.source').count()).resolves.toBe(1);
    const transcript = await page.locator('#log').textContent();
    const conversation = await page.evaluate(() => JSON.parse(localStorage.getItem('qlb.web.v1') ?? '{}').conversation);
    await page.reload();
    expect(await page.locator('#log').textContent()).toBe(transcript);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('qlb.web.v1') ?? '{}').conversation)).toBe(conversation);
    // An old button still answers what it showed, after the reload.
    const notary = await nextReply(page, () => page.locator('.msg.bot').first().getByRole('button', { name: /公证/ }).click());
    expect(await notary.textContent()).toContain('在哪里办公证');
    await page.close();
  });

  it('shows an emergency reply prominently, call links first', async () => {
    const page = await open();
    const reply = await ask(page, '我老公正在打我,救命');
    expect(await reply.getAttribute('class')).toContain('emergency');
    expect(await reply.getAttribute('role')).toBe('alert');
    const links = reply.locator('.calls a');
    expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:110', 'tel:120']);
    expect(await reply.locator(':scope > *').first().getAttribute('class')).toBe('calls');
    await shot(page, 'chat-emergency');
    await page.close();
  });

  it('opens the menu in one tap and enlarges the text, remembered across a reload', async () => {
    const page = await open();
    const menu = await nextReply(page, () => page.getByRole('button', { name: '菜单', exact: true }).click());
    await expect(page.locator('.msg.me').last().textContent()).resolves.toBe('菜单');
    expect(await menu.locator('.choice').count()).toBeGreaterThan(5);
    const size = page.getByRole('button', { name: '大字' });
    await size.click();
    expect(await size.getAttribute('aria-pressed')).toBe('true');
    const large = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    await page.reload();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(large);
    expect(Number.parseFloat(large)).toBeGreaterThan(16);
    await shot(page, 'chat-large-menu');
    await page.close();
  });

  it('says clearly when the server cannot be reached, and sends once it is back', async () => {
    const page = await open();
    const port = Number(new URL(origin).port);
    await server.stop();
    await page.getByLabel('输入您的问题').fill('公证要带什么材料');
    await page.getByRole('button', { name: '发送' }).click();
    const banner = page.getByRole('alert').filter({ hasText: '连不上服务器' });
    await banner.waitFor();
    await expect(page.locator('.msg.me').last().textContent()).resolves.toContain('未发出');
    await shot(page, 'chat-offline');
    await startServer(port);
    await page.getByRole('button', { name: '重试' }).click();
    await page.locator('.msg.bot').nth(1).waitFor();
    expect(await banner.isVisible()).toBe(false);
    expect(await page.locator('.msg.me').last().textContent()).toBe('公证要带什么材料');
    await page.close();
  });

  it('loaded nothing from outside the server', () => {
    expect(outside).toEqual([]);
  });
});
