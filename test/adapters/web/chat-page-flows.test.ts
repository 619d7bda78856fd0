/**
 * Guided flows on the phone page (issue 22), in chromium at 390×844 against the real core: the
 * question's choices as buttons, back, a reload in the middle (the page keeps the conversation,
 * the server the progress), the review's 修改, and the end of an intake: its case summary within
 * one screen, copied whole to forward and printed alone. With QLB_SCREENSHOTS=1 the screenshots
 * go to docs/screenshots/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appReadiness } from '../../../adapters/http/app-readiness.js';
import { createHttpServer, type HttpServer } from '../../../adapters/http/create-http-server.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import { launchPhone, missingChromium, type Phone } from '../../doubles/browser.js';
import { KNOWLEDGE_DIR } from '../../doubles/harness.js';
import { ask, nextReply, seriousViolations, shot } from './phone-page.js';

const missing = missingChromium();
if (missing) process.stderr.write(`${missing}\n`);

let app: App;
let server: HttpServer;
let origin: string;
let phone: Phone;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-web-flows-'));

describe.skipIf(missing !== undefined)(missing ?? 'guided flows on the phone page', () => {
  beforeAll(async () => {
    app = await createApp(loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir }), silentLogger());
    server = createHttpServer({ config: loadConfig({ KNOWLEDGE_DIR, DATA_DIR: dataDir, HTTP_PORT: '0' }), logger: silentLogger(), handler: app.handler, readiness: appReadiness(app) });
    origin = (await server.start()).replace(/\/$/, '');
    phone = await launchPhone();
  });
  afterAll(async () => {
    await phone?.close();
    await server?.stop();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks by buttons, goes back, survives a reload, edits in the review and ends in a summary to copy and print', async () => {
    const page = await phone.page();
    await page.goto(`${origin}/`);
    await page.locator('.msg.bot').first().waitFor();
    const tap = (reply: Awaited<ReturnType<typeof ask>>, name: RegExp) => nextReply(page, () => reply.getByRole('button', { name }).click());

    const first = await ask(page, '抚养费问答');
    expect(await first.getByRole('button').allTextContents()).toContain('1. 孩子的抚养费(向孩子的父亲或母亲要)');
    await shot(page, 'flow-question');
    const divorced = await tap(first, /孩子的抚养费/);
    const back = await tap(divorced, /上一步/);
    expect(await back.textContent()).toContain('上次答的是');
    const again = await tap(back, /孩子的抚养费/);
    const amount = await tap(again, /离婚了/);

    // A reload in the middle: the transcript comes back, and the next answer goes on from the same step.
    await page.reload();
    await page.locator('.msg.bot').last().waitFor();
    expect(await page.locator('.msg.bot').last().textContent()).toContain(await amount.locator('.body p').nth(1).textContent() ?? '');
    const paid = await ask(page, '1500元');
    expect(await paid.textContent()).toContain('对方以前给过钱吗');
    const evidence = await tap(paid, /从来没给过/);
    expect(await evidence.textContent()).toContain('您手上有哪些东西');
    const review = await nextReply(page, async () => {
      await page.getByLabel('输入您的问题').fill('离婚判决书和孩子的学费票据');
      await page.getByLabel('输入您的问题').press('Enter');
    });
    expect(await review.textContent()).toContain('请核对您的回答');
    const edit = await tap(review, /改:每月想要多少/);
    expect(await edit.textContent()).toContain('每个月想要多少钱');
    const reviewed = await ask(page, '1200元');
    const done = await tap(reviewed, /没问题,看结果/);
    expect(await done.textContent()).toContain('【案情摘要】');
    expect(await done.textContent()).toContain('每月想要:1,200元');

    // The summary fits one phone screen.
    const summaryHeight = await done.locator('.body').evaluate((body) => {
      const ps = Array.from(body.querySelectorAll('p'));
      const from = ps.findIndex((p) => (p.textContent ?? '').startsWith('【案情摘要】'));
      const to = ps.findIndex((p) => (p.textContent ?? '').includes(':结果】'));
      return ps.slice(from, to).reduce((sum, p) => sum + p.getBoundingClientRect().height, 0);
    });
    expect(summaryHeight).toBeGreaterThan(0);
    expect(summaryHeight).toBeLessThan(844 * 0.6);
    await done.scrollIntoViewIfNeeded();
    await shot(page, 'flow-summary');

    // Copied whole (less the 重新回答 button), to paste in WeChat.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await done.getByRole('button', { name: /复制全文/ }).click();
    await expect.poll(() => done.locator('.takeaway-status').textContent()).toContain('已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('【案情摘要】');
    expect(copied).toContain('来源:');
    expect(copied).not.toContain('重新回答一遍');

    // Printed alone: only this reply, without its buttons.
    await page.evaluate(() => {
      (window as unknown as { print: () => void }).print = () => {
        (window as unknown as { printed: unknown }).printed = {
          shown: Array.from(document.querySelectorAll('.msg')).filter((m) => getComputedStyle(m).display !== 'none').length,
          marked: document.querySelectorAll('.msg.print-me').length,
        };
      };
    });
    await page.emulateMedia({ media: 'print' });
    await done.getByRole('button', { name: /打印/ }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: unknown }).printed)).toEqual({ shown: 1, marked: 1 });
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.msg.print-me').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
