/**
 * The page's "算一算" form in Debian's chromium at phone size (390 × 844), against the real
 * server, the real knowledge and a clock set to 2026-12-08 in 曲江区: a resident chooses a
 * calculator, fills dates and amounts, and reads the result with its articles in the chat.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { publicDir } from '../../../adapters/web/page-routes.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import { launchPhone, missingChromium, type Phone } from '../../doubles/browser.js';
import { KNOWLEDGE_DIR } from '../../doubles/harness.js';
import { createManualClock } from '../../doubles/manual-clock.js';
import { nextReply, seriousViolations, shot } from './phone-page.js';

const missing = missingChromium();
if (missing) process.stderr.write(`${missing}\n`);

describe('the form lists only calculators the knowledge has', () => {
  it('every deadline option names a rule of deadlines.yaml', () => {
    const page = fs.readFileSync(path.join(publicDir(), 'index.html'), 'utf8');
    const rules = (parse(fs.readFileSync(path.join(KNOWLEDGE_DIR, 'calculate', 'deadlines.yaml'), 'utf8')) as { rules: Array<{ id: string }> }).rules.map((rule) => rule.id);
    const offered = [...page.matchAll(/value="deadline:([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(offered.length).toBeGreaterThan(5);
    for (const rule of offered) expect(rules).toContain(rule);
  });
});

describe.skipIf(missing !== undefined)(missing ?? '算一算 on the resident page in chromium', () => {
  let app: App;
  let server: HttpServer;
  let origin: string;
  let phone: Phone;
  const outside: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-calc-page-'));

  beforeAll(async () => {
    const config = loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir, HTTP_PORT: '0' });
    app = await createApp(config, silentLogger(), { clock: createManualClock(Date.UTC(2026, 11, 8, 2, 0)) });
    server = createHttpServer({ config, logger: silentLogger(), handler: app.handler, readiness: () => ({}), calculate: (form) => app.calculate(form) });
    origin = (await server.start()).replace(/\/$/, '');
    phone = await launchPhone();
  }, 120_000);
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async () => {
    const page = await phone.page();
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) outside.push(request.url());
    });
    await page.goto(`${origin}/`);
    await page.locator('.msg.bot').first().waitFor();
    await page.getByText('算一算:最晚哪天、能拿多少、诉讼费').click();
    return page;
  };

  it('a dismissal date gives the last day to apply for arbitration, with its article, in the chat', async () => {
    const page = await open();
    await page.getByLabel('算什么').selectOption('deadline:labour-arbitration');
    await page.getByLabel('从哪天算起').fill('2026-03-02');
    const reply = await nextReply(page, () => page.getByRole('button', { name: '计算' }).click());
    expect(await reply.textContent()).toContain('2027年3月2日');
    await expect(reply.locator('.source').textContent()).resolves.toMatch(/^计算依据:.*第二十七条/u);
    expect(await reply.getByRole('button', { name: /有用/ }).count()).toBe(0);
    expect(await page.locator('.msg.me').last().textContent()).toBe('算一算:劳动仲裁(被辞退、离职)');
    await shot(page, 'calc-deadline');
    await page.close();
  });

  it('3 years 8 months at 6,000 unlawfully dismissed gives 48,000 with 第八十七条; the fields follow the calculator', async () => {
    const page = await open();
    expect(await page.getByLabel('月工资(元,离职前12个月平均)').isVisible()).toBe(false);
    await page.getByLabel('算什么').selectOption('unlawful-termination');
    expect(await page.getByLabel('从哪天算起').isVisible()).toBe(false);
    await page.getByLabel('月工资(元,离职前12个月平均)').fill('6,000');
    await page.locator('#calc-years').fill('3');
    await page.locator('#calc-months').fill('8');
    const reply = await nextReply(page, () => page.getByRole('button', { name: '计算' }).click());
    expect(await reply.textContent()).toContain('48,000元');
    await expect(reply.locator('.source').textContent()).resolves.toContain('第八十七条');
    await page.close();
  });

  it('a court fee in the simple procedure; a wrong amount is said in Chinese beside the form; a date in the future gets no figure', async () => {
    const page = await open();
    await page.getByLabel('算什么').selectOption('court-fee:property');
    await page.getByLabel(/要求的金额/).fill('十万');
    await page.getByRole('button', { name: '计算' }).click();
    await expect(page.locator('#calc-error').textContent()).resolves.toContain('请只填数字');
    await page.getByLabel(/要求的金额/).fill('100000');
    await page.getByLabel(/简易程序/).check();
    const reply = await nextReply(page, () => page.getByRole('button', { name: '计算' }).click());
    expect(await reply.textContent()).toContain('1,150元');
    await page.getByText('算一算:最晚哪天、能拿多少、诉讼费').click();
    await page.getByLabel('算什么').selectOption('deadline:civil-limitation');
    await page.getByLabel('从哪天算起').fill('2027-06-01');
    const future = await nextReply(page, () => page.getByRole('button', { name: '计算' }).click());
    expect(await future.textContent()).not.toMatch(/计算依据/u);
    await page.close();
  });

  it('fits a 390-wide phone, has no serious accessibility problem and asks nothing of other servers', async () => {
    const page = await open();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    for (const id of ['#calc-kind', '#calc-event', '#calc-btn']) {
      const box = await page.locator(id).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    }
    await page.getByLabel('算什么').selectOption('compensation');
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'calc-form');
    expect(outside).toEqual([]);
    await page.close();
  });
});
