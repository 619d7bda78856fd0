/**
 * The staff console in Debian's chromium, against the real server, core and (a copy of) the
 * knowledge base: a staff member logs in, finds an unanswered question in 待处理, adds it to
 * an entry, and the same question is then answered, to staff and to residents; requests
 * without a session or without the CSRF token are refused; repeated failures lock a name.
 * With QLB_SCREENSHOTS=1 the pages are photographed at phone (390×844) and desktop
 * (1280×800) size into docs/screenshots/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/service/time/durations.js';
import { launchPhone, missingChromium, type Phone } from '../doubles/browser.js';
import { PASSWORD, startStaffWorld, type StaffWorld } from '../doubles/staff-console.js';

const missing = missingChromium();
if (missing) process.stderr.write(`${missing}\n`);
const SHOTS = process.env.QLB_SCREENSHOTS === '1' ? new URL('../../docs/screenshots/', import.meta.url).pathname : undefined;
const DESKTOP = { width: 1280, height: 800 };
const UNANSWERED = '公证员可以上门服务吗';

let world: StaffWorld;
let origin: string;
let browser: Phone;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: name.endsWith('-full') });
}

/** Two weeks of what residents asked, so 统计 has something to draw. */
function seedHistory(world: StaffWorld) {
  const kinds = ['answer', 'answer', 'answer', 'answer', 'clarify', 'fallback', 'menu'];
  const topics = ['legal-aid', 'wage-arrears', 'mediation', 'notary', 'problems'];
  for (let day = 13; day >= 1; day -= 1) {
    for (let i = 0; i < 6 + ((day * 7) % 9); i += 1) {
      const kind = kinds[(day + i) % kinds.length] as string;
      const at = Date.now() - day * DAY_MS + i * 60_000;
      const topic = kind === 'answer' ? topics[(day * 3 + i) % topics.length] : undefined;
      world.app.store.recordMessage({ at, adapter: 'web', conversation: `c${day}-${i}`, kind, latencyMs: 3, ...(topic ? { topic, entry: `${topic}.x` } : {}) });
      if (i % 4 === 0) world.app.store.recordFeedback({ at, adapter: 'web', conversation: `c${day}-${i}`, useful: i % 8 !== 0, entry: 'legal-aid.where' });
    }
  }
  world.app.store.flush();
}

async function logIn(page: Page, name: string, password = PASSWORD) {
  await page.getByLabel('账号名').fill(name);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe.skipIf(missing !== undefined)(missing ?? 'staff console in chromium', () => {
  beforeAll(async () => {
    world = await startStaffWorld();
    await world.addAccount('王芳');
    await world.addAccount('zhao');
    seedHistory(world);
    for (const question of [UNANSWERED, UNANSWERED, `${UNANSWERED}?`, '今天天气怎么样']) await world.ask(question);
    origin = (await world.server.start()).replace(/\/$/, '');
    browser = await launchPhone();
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('a staff member logs in, adds an unanswered question to an entry, and the question is then answered', async () => {
    const page = await browser.page();
    const complaints: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text());
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(origin)) complaints.push(`outside: ${request.url()}`);
    });
    page.on('response', (response) => {
      if (response.status() === 404) complaints.push(`404: ${response.url()}`);
    });
    await page.goto(`${origin}/staff/review`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await shot(page, 'staff-login');
    await logIn(page, '王芳');
    await page.waitForURL(`${origin}/staff/review`);
    const group = page.locator('.group').filter({ hasText: UNANSWERED });
    await expect(group.locator('.count').textContent()).resolves.toBe('×3');
    await shot(page, 'staff-review');

    await group.getByRole('link', { name: '加为示例问题…' }).click();
    await expect(page.getByLabel(/示例问题/).inputValue()).resolves.toBe(UNANSWERED);
    await page.getByLabel('加入哪个条目').selectOption('notary.where');
    await shot(page, 'staff-add');
    await page.getByRole('button', { name: '加为示例问题' }).click();
    await page.getByRole('status').filter({ hasText: '已把问题加入 notary.where 的示例问题' }).waitFor();
    expect(await page.locator('.group').filter({ hasText: UNANSWERED }).count()).toBe(0);

    await page.getByRole('link', { name: '试问' }).first().click();
    await page.getByLabel(/像居民一样提一个问题/).fill(UNANSWERED);
    await page.getByRole('button', { name: '试问' }).click();
    await expect(page.locator('.reply .meta').textContent()).resolves.toMatch(/回答\(answer\) notary\.where/);
    await expect(page.locator('.trace').textContent()).resolves.toMatch(/决定: +answer notary\.where/);
    await shot(page, 'staff-try');
    // The trace wraps on a phone (issue 26): nothing cut off at the right edge, no sideways scroll.
    const widths = await page.locator('.trace').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, page: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.page).toBeLessThanOrEqual(widths.view);

    const resident = await browser.page();
    await resident.goto(`${origin}/`);
    await resident.locator('.msg.bot').first().waitFor();
    await resident.getByLabel('输入您的问题').fill(UNANSWERED);
    await resident.getByLabel('输入您的问题').press('Enter');
    await expect(resident.locator('.msg.bot').nth(1).textContent()).resolves.toContain('在哪里办公证');
    await resident.close();
    await page.goto(`${origin}/staff/stats`);
    await page.goto(`${origin}/staff/knowledge/problems`);
    // No Content-Security-Policy violation, no request anywhere but the server.
    expect(complaints).toEqual([]);
    await page.close();
  });

  it('refuses a change without a session, and one without the CSRF token', async () => {
    const anonymous = await browser.page();
    await anonymous.goto(`${origin}/staff/login`);
    const post = (page: Page, body: string) =>
      page.evaluate(async (form) => {
        const response = await fetch('/staff/knowledge/reload', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
        return { status: response.status, body: await response.text() };
      }, body);
    const noSession = await post(anonymous, '_csrf=anything');
    expect(noSession.status).toBe(401);
    expect(noSession.body).toContain('QLB_STAFF_LOGIN_REQUIRED');

    const staff = await browser.page();
    await staff.goto(`${origin}/staff/login`);
    await logIn(staff, '王芳');
    await staff.waitForURL(`${origin}/staff/review`);
    const noToken = await post(staff, '');
    expect(noToken.status).toBe(403);
    expect(noToken.body).toContain('QLB_STAFF_CSRF_INVALID');
    const token = await staff.locator('input[name="_csrf"]').first().inputValue();
    expect((await post(staff, `_csrf=${encodeURIComponent(token)}`)).status).toBe(200);
    await anonymous.close();
    await staff.close();
  });

  it('locks a name after repeated failures, even with the right password', async () => {
    const page = await browser.page();
    await page.goto(`${origin}/staff/login`);
    for (let i = 0; i < 5; i += 1) {
      await logIn(page, 'zhao', `wrong password ${i}`);
      await page.getByRole('alert').filter({ hasText: '账号名或密码不对' }).waitFor();
    }
    await logIn(page, 'zhao');
    await page.getByRole('alert').filter({ hasText: '登录失败次数过多,已暂时锁定。请 15 分钟后再试' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await page.close();
  });

  // Only when renewing the screenshots: the pages' content is tested through inject, and the suite stays fast.
  it.skipIf(!SHOTS)('photographs the pages at phone and desktop size', async () => {
    const phone = await browser.page();
    const desktop = await browser.page(DESKTOP);
    for (const page of [phone, desktop]) {
      await page.goto(`${origin}/staff/login`);
      await logIn(page, '王芳');
      await page.waitForURL(`${origin}/staff/review`);
    }
    await desktop.goto(`${origin}/staff/stats`);
    expect(await desktop.locator('svg.chart').count()).toBe(3);
    expect(await desktop.locator('.hbars li').count()).toBe(5);
    expect(await desktop.locator('svg.chart rect').count()).toBeGreaterThan(20);
    await shot(desktop, 'staff-stats-desktop');
    await phone.goto(`${origin}/staff/stats`);
    await shot(phone, 'staff-stats');
    await desktop.goto(`${origin}/staff/try?q=${encodeURIComponent('工资被拖欠了找谁')}`);
    await shot(desktop, 'staff-try-desktop');
    await desktop.goto(`${origin}/staff/review`);
    await shot(desktop, 'staff-review-desktop');
    await phone.goto(`${origin}/staff/knowledge/legal-aid`);
    await shot(phone, 'staff-knowledge');
    await desktop.goto(`${origin}/staff/audit`);
    await shot(desktop, 'staff-audit-desktop');
    await phone.close();
    await desktop.close();
  });
});
