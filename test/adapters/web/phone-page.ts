/**
 * What the chat page's browser tests share: a reply awaited after an action, a typed question,
 * screenshots (QLB_SCREENSHOTS=1) and Deque's axe-core run inside the page.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

const SHOTS = process.env.QLB_SCREENSHOTS === '1' ? new URL('../../../docs/screenshots/', import.meta.url).pathname : undefined;
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Saves a screenshot under docs/screenshots/ when QLB_SCREENSHOTS=1. */
export async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Does `act`, then waits for the next bot reply and returns it. */
export async function nextReply(page: Page, act: () => Promise<void>): Promise<Locator> {
  const before = await page.locator('.msg.bot').count();
  await act();
  const reply = page.locator('.msg.bot').nth(before);
  await reply.waitFor();
  return reply;
}

/** Types a question and sends it with Enter; returns the reply. */
export async function ask(page: Page, text: string): Promise<Locator> {
  return nextReply(page, async () => {
    await page.getByLabel('输入您的问题').fill(text);
    await page.getByLabel('输入您的问题').press('Enter');
  });
}

/** How far the top of `node` is below the top of the chat log's visible area, in CSS px. */
export async function offsetInLog(node: Locator): Promise<number> {
  return node.evaluate((el) => el.getBoundingClientRect().top - (document.getElementById('log') as HTMLElement).getBoundingClientRect().top);
}

/** Whether `node` lies wholly inside the chat log's visible area. */
export async function inView(node: Locator): Promise<boolean> {
  return node.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const log = (document.getElementById('log') as HTMLElement).getBoundingClientRect();
    return box.height > 0 && box.top >= log.top - 1 && box.bottom <= log.bottom + 1;
  });
}

/**
 * The serious and critical accessibility violations axe-core finds in the page as it is now,
 * one line each (rule, impact, where). Injected through the DevTools protocol, which the
 * page's Content-Security-Policy (scripts from the server only) does not apply to.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
