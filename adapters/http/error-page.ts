/**
 * The error page a browser gets instead of JSON (an unknown address, a page that failed, the
 * staff console refused by the rate limit): Chinese, the code on it for staff, a way back. No
 * style or script of its own: it must show even when nothing else of the site works.
 */
import type { ErrorCode } from '../../src/errors.js';
import { html } from './html.js';

/** Page titles by status; anything else is 无法完成. */
const TITLES: Record<number, string> = {
  404: '找不到这个页面',
  429: '请求太频繁',
  500: '服务器出错了',
  503: '服务暂时不可用',
};

/** The whole page. */
export function errorPage(status: number, code: ErrorCode, message: string): string {
  const title = TITLES[status] ?? '无法完成';
  return html`<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${title} · 曲江区公共法律服务</title></head>
<body>
<h1>${title}</h1>
<p>${message}</p>
<p>急需法律帮助,请拨打 12348 公共法律服务热线;遇到危险请拨打 110。</p>
<p><a href="/">返回首页</a></p>
<p><small>HTTP ${status} · ${code}</small></p>
</body>
</html>
`.text;
}
