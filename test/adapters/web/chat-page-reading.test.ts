/**
 * Issue 26, the resident page read as a villager would, in chromium at 390×844 against the
 * real server and knowledge base: tap-to-call numbers, replies opening at their first line,
 * long answers folded to their key lines, the first screen, text for older eyes, the
 * home-screen icon, and axe-core. With QLB_SCREENSHOTS=1 the screenshots go to docs/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appReadiness } from '../../../adapters/http/app-readiness.js';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import { launchPhone, missingChromium, type Phone } from '../../doubles/browser.js';
import { KNOWLEDGE_DIR } from '../../doubles/harness.js';
import { ask, inView, nextReply, offsetInLog, seriousViolations, shot } from './phone-page.js';

const missing = missingChromium();
if (missing) process.stderr.write(`${missing}\n`);

let app: App;
let server: HttpServer;
let origin: string;
let phone: Phone;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-web-reading-'));

const telLinks = (node: Locator) => node.locator('a[href^="tel:"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
const pxOf = (node: Locator, property: 'fontSize' | 'lineHeight') => node.evaluate((el, p) => Number.parseFloat(getComputedStyle(el)[p]), property);

describe.skipIf(missing !== undefined)(missing ?? 'resident chat page, read on a phone (issue 26)', () => {
  const open = async () => {
    const page = await phone.page();
    await page.goto(`${origin}/`);
    await page.locator('.msg.bot').first().waitFor();
    return page;
  };

  beforeAll(async () => {
    app = await createApp(loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir }), silentLogger());
    const config = loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir, HTTP_PORT: '0', RETENTION_DAYS: '30' });
    server = createHttpServer({ config, logger: silentLogger(), handler: app.handler, readiness: appReadiness(app) });
    origin = (await server.start()).replace(/\/$/, '');
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('makes every phone number in an ordinary answer, its source line too, a tap-to-call link, and offers a call button under it', async () => {
    const page = await open();
    expect(await page.locator('meta[name="format-detection"]').count()).toBe(0);
    const reply = await ask(page, '工资被拖欠找谁');
    expect(await telLinks(reply.locator('.body'))).toEqual(expect.arrayContaining(['tel:12333', 'tel:12348']));
    expect(await telLinks(reply.locator('.source'))).toEqual(['tel:12333']);
    // The year in the source line (2023年) and the article numbers are no phone numbers.
    expect(await reply.locator('.source a').allTextContents()).toEqual(['12333']);
    const call = reply.locator('.calls.under a');
    expect(await call.allTextContents()).toEqual(['拨打 12333 人社服务热线']);
    expect(await call.getAttribute('href')).toBe('tel:12333');
    await shot(page, 'chat-tap-to-call');
    // 答不上来 and 转人工 replies too.
    for (const question of ['今天天气怎么样', '转人工']) {
      const other = await ask(page, question);
      expect(await telLinks(other.locator('.body'))).toContain('tel:12348');
      expect(await other.locator('.calls.under a').getAttribute('href')).toBe('tel:12348');
    }
    await page.close();
  });

  it('tells phone numbers from years, amounts, counts and article numbers', async () => {
    const page = await open();
    const found = await page.evaluate(() => {
      const { phones } = (window as unknown as { qlbView: { phones(text: string): { number: string }[] } }).qlbView;
      const texts = [
        '拨打12333人社服务热线', '12348、12333、12315', '打12345反映', '拨打12345时说清楚', '110和120分别是',
        '可以打96110反诈专线', '电话:0751-8888888', '手机 13800138000', '电话 8123456',
        '2023年,我区', '截至2023年12月', '解答法律咨询1403人次', '全区111个村', '400多条次', '覆盖率100%',
        '被拖欠工资2747.97万元', '2017-09-01', '第一百一十条', '第110条', '12345元', 'QLB_12345',
      ];
      return Object.fromEntries(texts.map((text) => [text, phones(text).map((p) => p.number).join(' ')]));
    });
    expect(found).toEqual({
      '拨打12333人社服务热线': '12333', '12348、12333、12315': '12348 12333 12315', '打12345反映': '12345',
      '拨打12345时说清楚': '12345', '110和120分别是': '110 120', '可以打96110反诈专线': '96110',
      '电话:0751-8888888': '07518888888', '手机 13800138000': '13800138000', '电话 8123456': '8123456',
      '2023年,我区': '', '截至2023年12月': '', '解答法律咨询1403人次': '', '全区111个村': '', '400多条次': '',
      '覆盖率100%': '', '被拖欠工资2747.97万元': '', '2017-09-01': '', '第一百一十条': '', '第110条': '',
      '12345元': '', 'QLB_12345': '',
    });
    await page.close();
  });

  it('opens a long answer at its title, with the first step, where and whom to call, and 展开全部 for the rest (keyboard too)', async () => {
    const page = await open();
    const reply = await ask(page, '被车撞了怎么办');
    expect(Math.abs(await offsetInLog(reply))).toBeLessThan(16);
    const body = reply.locator('.body');
    const title = body.locator('p', { hasText: '【交通事故赔偿】' });
    expect(await inView(title)).toBe(true);
    expect(await inView(body.locator('p', { hasText: /^先这样做/ }))).toBe(true);
    expect(await telLinks(body)).toEqual(expect.arrayContaining(['tel:120', 'tel:122', 'tel:110', 'tel:12348']));
    const more = reply.getByRole('button', { name: '展开全部' });
    expect(await inView(more)).toBe(true);
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await body.locator('p', { hasText: '留好证据' }).isVisible()).toBe(false);
    // Its four next steps and the legal-aid pre-screen's button (issue 22), folded with the rest.
    expect(await reply.locator('.choice').count()).toBe(5);
    expect(await reply.locator('.choice:visible').count()).toBe(0);
    expect(await reply.locator('.calls.under a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['tel:120', 'tel:122', 'tel:110']);
    await shot(page, 'chat-long-answer');
    await more.focus();
    await page.keyboard.press('Enter');
    const less = reply.getByRole('button', { name: '收起' });
    expect(await less.getAttribute('aria-expanded')).toBe('true');
    expect(await less.getAttribute('aria-controls')).toBe(await body.getAttribute('id'));
    expect(await body.locator('p', { hasText: '留好证据' }).isVisible()).toBe(true);
    expect(await reply.locator('.choice:visible').count()).toBe(5);
    // Opened stays opened across a reload; a short answer is never folded.
    await page.reload();
    expect(await page.locator('.msg.bot').last().getByRole('button', { name: '收起' }).count()).toBe(1);
    const short = await ask(page, '到哪里申请法律援助');
    expect(await short.locator('.expand').count()).toBe(0);
    await page.close();
  });

  it('shows the greeting and the first topics on the first screen, and the menu opens at its top', async () => {
    const page = await open();
    const greeting = page.locator('.msg.bot').first();
    expect(await inView(greeting.locator('p').first())).toBe(true);
    expect(await greeting.locator('p').first().textContent()).toContain('您好');
    for (let n = 1; n <= 5; n++) expect(await inView(greeting.locator('.choice').nth(n - 1)), `topic ${n}`).toBe(true);
    await shot(page, 'chat-first-screen');
    await ask(page, '被车撞了怎么办');
    const menu = await nextReply(page, () => page.getByRole('button', { name: '菜单', exact: true }).click());
    expect(Math.abs(await offsetInLog(menu))).toBeLessThan(16);
    expect(await inView(menu.locator('.choice').first())).toBe(true);
    await page.close();
  });

  it('fits the title on one line and reads at 18 px (大字 24 px), the source line at 14 px or more', async () => {
    const page = await open();
    const titleLines = () => page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('.bar h1') as Node);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(await page.title()).toBe('曲江法律服务助手');
    expect(await titleLines()).toBe(1);
    expect(await pxOf(page.locator('html'), 'fontSize')).toBe(18);
    const reply = await ask(page, '到哪里申请法律援助');
    expect(await pxOf(reply.locator('.source'), 'fontSize')).toBeGreaterThanOrEqual(14);
    expect(await pxOf(page.locator('.privacy'), 'fontSize')).toBeGreaterThanOrEqual(14);
    await page.getByRole('button', { name: '大字' }).click();
    expect(await pxOf(page.locator('html'), 'fontSize')).toBe(24);
    expect(await titleLines()).toBe(1);
    expect(await page.locator('.tools').evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('offers three example questions under the input; a tap fills the input and sends nothing', async () => {
    const page = await open();
    const examples = page.getByRole('group', { name: '例如:' }).getByRole('button');
    expect(await examples.count()).toBe(3);
    const input = page.getByLabel('输入您的问题');
    const inputBottom = await input.evaluate((el) => el.getBoundingClientRect().bottom);
    for (const box of await examples.evaluateAll((bs) => bs.map((b) => b.getBoundingClientRect().top))) expect(box).toBeGreaterThan(inputBottom);
    const label = (await examples.nth(1).textContent()) ?? '';
    await examples.nth(1).click();
    expect(await input.inputValue()).toBe(label);
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('.msg.me').count()).toBe(0);
    // Each one is answered, not left unanswered.
    for (const question of await examples.allTextContents()) {
      const reply = await ask(page, question);
      expect(await reply.locator('.vote, .thanks').count(), question).toBe(1);
    }
    await page.close();
  });

  it('has a favicon and a web-app manifest with a home-screen icon, name and colours, all from the server', async () => {
    const page = await open();
    const links = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel~="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')].map((l) => (l as HTMLLinkElement).href),
    );
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const href of links) {
      expect(href.startsWith(`${origin}/static/`), href).toBe(true);
      expect((await fetch(href)).status, href).toBe(200);
    }
    const manifestUrl = await page.locator('link[rel="manifest"]').evaluate((l) => (l as HTMLLinkElement).href);
    const response = await fetch(manifestUrl);
    expect(response.headers.get('content-type')).toContain('application/manifest+json');
    const manifest = (await response.json()) as { name: string; theme_color: string; background_color: string; start_url: string; icons: { src: string; sizes: string; type: string }[] };
    expect(manifest).toMatchObject({ name: '曲江法律服务助手', start_url: '/', theme_color: '#0b5cad', background_color: expect.stringMatching(/^#/) });
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe(manifest.theme_color);
    for (const size of [192, 512]) {
      const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}` && i.type === 'image/png');
      const png = Buffer.from(await (await fetch(`${origin}${icon?.src}`)).arrayBuffer());
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], icon?.src).toEqual([size, size]);
    }
    await page.close();
  });

  it('has no serious or critical accessibility violations (axe-core): first screen, an answer folded and opened, 大字', async () => {
    const page = await open();
    expect(await seriousViolations(page)).toEqual([]);
    const reply = await ask(page, '被车撞了怎么办');
    expect(await seriousViolations(page)).toEqual([]);
    await reply.getByRole('button', { name: '展开全部' }).click();
    await ask(page, '工资被拖欠找谁');
    await page.getByRole('button', { name: '大字' }).click();
    await page.locator('.privacy summary').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
