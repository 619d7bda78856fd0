/**
 * Issue 26, what the chat page makes of reply fields the server is to send, in chromium at
 * 390×844: "您还可以问" offered as choices with ids (the real core wrapped so its answers carry
 * them, as the server change will), a glossary of marked terms, a reply with no text (the real
 * core's rate limit), HTTP 429, and a question sent before the scripts arrive (the form posts
 * to /ask; a server-rendered exchange is taken over). With QLB_SCREENSHOTS=1 the screenshots
 * go to docs/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appReadiness } from '../../../adapters/http/app-readiness.js';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import type { MessageHandler, Reply } from '../../../src/types.js';
import { launchPhone, missingChromium, type Phone } from '../../doubles/browser.js';
import { KNOWLEDGE_DIR } from '../../doubles/harness.js';
import { ask, nextReply, seriousViolations, shot } from './phone-page.js';

const missing = missingChromium();
if (missing) process.stderr.write(`${missing}\n`);

const RELATED = '您还可以问:';
const LIMIT_NOTE = '您发得太快了,请稍等一分钟再问;急事请拨打 12348 公共法律服务热线。';
/** A glossary for the answer to legal-aid.eligibility, as the reply JSON is to carry it. */
const GLOSSARY = [
  { term: '经济困难', gloss: '收入低、付不起律师费,标准由省里定' },
  { term: '不在答案里的词', gloss: '不会显示' },
];

let app: App;
let limitedApp: App;
const servers: HttpServer[] = [];
let older: string;
let plain: string;
let limited: string;
let phone: Phone;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-web-offers-'));

/**
 * The real core as an older server answered: its answers' "您还可以问:A / B" line without
 * choices, so the page must keep the line as text.
 */
function withoutChoices(handler: MessageHandler): MessageHandler {
  return async (message) => {
    const reply: Reply = await handler(message);
    if (reply.kind !== 'answer') return reply;
    const { choices: _choices, awaits: _awaits, ...rest } = reply;
    return rest;
  };
}

async function serve(handler: MessageHandler, readiness: App): Promise<string> {
  const config = loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir, HTTP_PORT: '0' });
  const server = createHttpServer({ config, logger: silentLogger(), handler, readiness: appReadiness(readiness) });
  servers.push(server);
  return (await server.start()).replace(/\/$/, '');
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

describe.skipIf(missing !== undefined)(missing ?? 'resident chat page, replies with offers (issue 26)', () => {
  const open = async (origin: string) => {
    const page = await phone.page();
    await page.goto(`${origin}/`);
    await page.locator('.msg.bot').first().waitFor();
    return page;
  };

  beforeAll(async () => {
    app = await createApp(loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir }), silentLogger());
    limitedApp = await createApp(loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '3' }), silentLogger());
    older = await serve(withoutChoices(app.handler), app);
    plain = await serve(app.handler, app);
    limited = await serve(limitedApp.handler, limitedApp);
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.close();
    for (const server of servers) await server.stop();
    await app?.close();
    await limitedApp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows "您还可以问" as buttons, the core offering them as choices; a tap asks by id', async () => {
    const page = await open(plain);
    const reply = await ask(page, '到哪里申请法律援助');
    const group = reply.getByRole('group', { name: '您还可以问' });
    expect(await group.getByRole('button').allTextContents()).toEqual(['1. 谁可以申请法律援助', '2. 申请法律援助要带什么材料', '3. 公共法律服务窗口在哪里']);
    expect(await reply.locator('.body').textContent()).not.toContain(' / ');
    expect(await reply.locator('.body p', { hasText: RELATED }).count()).toBe(1);
    await shot(page, 'chat-suggestions');
    const sent = page.waitForRequest((request) => request.url().endsWith('/api/v1/choices'));
    const answer = await nextReply(page, () => group.getByRole('button', { name: /申请法律援助要带什么材料/ }).click());
    expect(JSON.parse((await sent).postData() ?? '{}')).toMatchObject({ choice: 'e:legal-aid.materials' });
    expect(await answer.locator('.body p').first().textContent()).toBe('【申请法律援助要带什么材料】');
    expect(await page.locator('.msg.me').last().textContent()).toBe('申请法律援助要带什么材料');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('keeps "您还可以问" as text when the reply carries no choices', async () => {
    const page = await open(older);
    const reply = await ask(page, '到哪里申请法律援助');
    // Its only button is the legal-aid pre-screen's (issue 22), not one of 您还可以问.
    expect(await reply.locator('.choice').allTextContents()).toEqual(['1. 问几个问题,看看能不能申请法律援助']);
    expect(await reply.locator('.body p', { hasText: RELATED }).textContent()).toBe(`${RELATED}谁可以申请法律援助 / 申请法律援助要带什么材料 / 公共法律服务窗口在哪里`);
    await page.close();
  });

  it('glosses a term the reply marks where it first appears, once', async () => {
    const page = await open(plain);
    // The reply JSON has no glossary yet: added to the server's reply here, as the server is to send it.
    await page.route('**/api/v1/messages', async (route) => {
      const response = await route.fetch();
      const reply = (await response.json()) as { entry: string | null };
      await route.fulfill({ response, json: reply.entry === 'legal-aid.eligibility' ? { ...reply, glossary: GLOSSARY } : reply });
    });
    const reply = await ask(page, '没钱请律师怎么办');
    expect(await reply.locator('.term').allTextContents()).toEqual(['经济困难']);
    expect(await reply.locator('.gloss').allTextContents()).toEqual([`(${GLOSSARY[0]?.gloss})`]);
    const first = await reply.locator('.body p').evaluateAll((ps) => ps.findIndex((p) => (p.textContent ?? '').includes('经济困难')));
    expect(await reply.locator('.body p').nth(first).locator('.gloss').count()).toBe(1);
    expect(await reply.locator('.gloss').isVisible()).toBe(true);
    await page.close();
  });

  it('never shows a reply as nothing: the rate limit\'s empty reply and HTTP 429 get a polite note', async () => {
    const page = await open(limited);
    const replies: { kind: string; text: string }[] = [];
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/v1/messages') && response.status() === 200) replies.push(await response.json());
    });
    let reply = await ask(page, '公证要带什么材料');
    for (let i = 0; i < 5 && (await reply.textContent())?.includes(LIMIT_NOTE) !== true; i++) reply = await ask(page, '公证要带什么材料');
    // The server never answers the page with nothing: every limited reply is the notice.
    expect(replies.filter((r) => r.kind === 'limited').length).toBeGreaterThan(0);
    for (const r of replies.filter((r) => r.kind === 'limited')) expect(r.text).toBe(LIMIT_NOTE);
    expect(await reply.locator('.body').textContent()).toBe(LIMIT_NOTE);
    expect(await reply.locator('a[href="tel:12348"]').count()).toBeGreaterThan(0);
    for (const text of await page.locator('.msg.bot .body').allTextContents()) expect(text.trim()).not.toBe('');
    await page.route('**/api/v1/messages', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ error: { code: 'QLB_HTTP_RATE_LIMITED', message: 'too many' } }) }),
    );
    const refused = await ask(page, '还在吗');
    expect(await refused.locator('.body').textContent()).toBe(LIMIT_NOTE);
    await page.close();
  });

  /** Holds the page's scripts back until `release()`. */
  const holdScripts = async (page: Page) => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/static/app.js*', async (route) => {
      await held;
      await route.continue();
    });
    return () => release();
  };

  it('posts a question sent before the scripts arrive to /ask, and takes over the exchange the server renders', async () => {
    const page = await phone.page();
    const release = await holdScripts(page);
    const conversation = 'server-made-conversation-1';
    const answered = (await (
      await fetch(`${plain}/api/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conversation, text: '工资被拖欠找谁' }) })
    ).json()) as { text: string };
    let posted = '';
    await page.route('**/ask', async (route) => {
      posted = route.request().postData() ?? '';
      const html = await (await fetch(`${plain}/`)).text();
      const rendered = (item: object, className: string, text: string) => `<div class="msg ${className}" data-item="${escapeHtml(JSON.stringify(item))}">${escapeHtml(text)}</div>`;
      const items = rendered({ who: 'me', text: '工资被拖欠找谁' }, 'me', '工资被拖欠找谁') + rendered({ who: 'bot', reply: answered }, 'bot', answered.text);
      release();
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: html.replace('aria-label="对话记录" tabindex="-1">', `aria-label="对话记录" tabindex="-1">${items}`).replace('id="conversation" autocomplete="off"', `id="conversation" autocomplete="off" value="${conversation}"`),
      });
    });
    await page.goto(`${plain}/`, { waitUntil: 'commit' });
    await page.getByLabel('输入您的问题').fill('工资被拖欠找谁');
    await page.getByRole('button', { name: '发送' }).click();
    await page.waitForURL('**/ask');
    expect(new URLSearchParams(posted).get('text')).toBe('工资被拖欠找谁');
    const reply = page.locator('.msg.bot').first();
    await reply.locator('.vote').waitFor();
    expect(await page.locator('.msg.me').allTextContents()).toEqual(['工资被拖欠找谁']);
    expect(await reply.locator('a[href="tel:12333"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-item]').count()).toBe(0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem('qlb.web.v1') ?? '{}').conversation)).toBe(conversation);
    const next = page.waitForRequest((request) => request.url().endsWith('/api/v1/messages'));
    await ask(page, '怎么申请劳动仲裁');
    expect(JSON.parse((await next).postData() ?? '{}')).toMatchObject({ conversation, text: '怎么申请劳动仲裁' });
    await page.close();
  });

  it('the server answers /ask itself: a question sent before the scripts arrive is answered and kept', async () => {
    const page = await phone.page();
    const release = await holdScripts(page);
    await page.goto(`${plain}/`, { waitUntil: 'commit' });
    await page.getByLabel('输入您的问题').fill('到哪里申请法律援助');
    const posted = page.waitForResponse((response) => response.url().endsWith('/ask'));
    await page.getByRole('button', { name: '发送' }).click();
    expect((await posted).status()).toBe(200);
    // Not 'load': that waits for the scripts held back.
    await page.waitForURL('**/ask', { waitUntil: 'commit' });
    // Readable before any script: the question and the answer's first line.
    expect(await page.locator('.msg.me').first().textContent()).toBe('到哪里申请法律援助');
    expect(await page.locator('.msg.bot p').first().textContent()).toBe('【到哪里申请法律援助】');
    release();
    const reply = page.locator('.msg.bot').first();
    await reply.locator('.vote').waitFor();
    expect(await reply.getByRole('group', { name: '您还可以问' }).getByRole('button').count()).toBe(3);
    const conversation = await page.evaluate(() => JSON.parse(localStorage.getItem('qlb.web.v1') ?? '{}').conversation);
    expect(conversation).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The conversation goes on: 第一个 picks the first suggestion of the answer the server rendered.
    const next = await ask(page, '第一个');
    expect(await next.locator('.body p').first().textContent()).toBe('【谁可以申请法律援助】');
    await page.close();
  });

  it('posts an example question tapped before the scripts arrive', async () => {
    const page = await phone.page();
    const release = await holdScripts(page);
    let posted = '';
    await page.route('**/ask', async (route) => {
      posted = route.request().postData() ?? '';
      release();
      await route.fulfill({ status: 204 });
    });
    await page.goto(`${plain}/`, { waitUntil: 'commit' });
    await page.getByRole('button', { name: '工资被拖欠' }).click();
    await expect.poll(() => posted).not.toBe('');
    expect(new URLSearchParams(posted).get('example')).toBe('工资被拖欠');
    await page.close();
  });
});
