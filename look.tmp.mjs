import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true, locale: 'zh-CN' });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console', m.text()));
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto('http://127.0.0.1:3555/');
await page.locator('.msg.bot').first().waitFor();
await page.screenshot({ path: '/tmp/look/first.png' });
for (const [i, q] of ['工资被拖欠找谁', '被车撞了怎么办'].entries()) {
  const n = await page.locator('.msg.bot').count();
  await page.getByLabel('输入您的问题').fill(q);
  await page.getByLabel('输入您的问题').press('Enter');
  await page.locator('.msg.bot').nth(n).waitFor();
  await page.screenshot({ path: `/tmp/look/q${i}.png` });
}
console.log(await page.evaluate(() => [document.querySelector('.bar h1').getBoundingClientRect().height, getComputedStyle(document.querySelector('.bar h1')).lineHeight]));
await page.getByRole('button', { name: '大字' }).click(); await page.screenshot({ path: '/tmp/look/large.png' }); await page.getByRole('button', { name: '菜单', exact: true }).click(); await page.waitForTimeout(500); await page.screenshot({ path: '/tmp/look/menu.png' });
await browser.close();
