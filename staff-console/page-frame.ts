/**
 * The staff console's page frame: the navigation, the notice, the CSRF field, around a page's
 * body written with the escaping `html` template (adapters/http/html.ts).
 */
import { html, Html } from '../adapters/http/html.js';

/** The console's pages, in the order of the navigation. */
export const PAGES = [
  { path: '/staff/try', title: '试问' },
  { path: '/staff/review', title: '待处理' },
  { path: '/staff/desk', title: '接待' },
  { path: '/staff/stats', title: '统计' },
  { path: '/staff/knowledge', title: '知识库' },
  { path: '/staff/audit', title: '审计' },
] as const;

export interface Frame {
  title: string;
  /** The signed-in staff member; none on the login page. */
  staff?: { name: string; csrf: string };
  /** Path of the current page, to mark it in the navigation. */
  current?: string;
  /** URL of the style sheet (with its version). */
  css: string;
  /** A notice at the top: done (green) or refused (red). */
  notice?: { kind: 'ok' | 'error'; lines: readonly string[] };
}

/** A form field carrying the session's CSRF token; every change sends one. */
export function csrfField(csrf: string): Html {
  return html`<input type="hidden" name="_csrf" value="${csrf}">`;
}

/** The whole page around `body`. */
export function page(frame: Frame, body: Html): string {
  const { staff, notice } = frame;
  const nav = staff
    ? html`<nav class="nav" aria-label="后台页面">${PAGES.map((p) =>
        html`<a href="${p.path}"${p.path === frame.current ? new Html(' aria-current="page"') : ''}>${p.title}</a>`,
      )}</nav>
      <form method="post" action="/staff/logout" class="logout">${csrfField(staff.csrf)}<span>${staff.name}</span><button type="submit">退出</button></form>`
    : '';
  const shown = notice
    ? html`<div class="notice ${notice.kind}" role="${notice.kind === 'error' ? 'alert' : 'status'}">${notice.lines.map((line) => html`<p>${line}</p>`)}</div>`
    : '';
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<link rel="icon" href="data:,">
<title>${frame.title} · 曲江法律服务问答 · 工作人员后台</title>
<link rel="stylesheet" href="${frame.css}">
</head>
<body>
<header class="top"><p class="brand">工作人员后台</p>${nav}</header>
<main>
<h1>${frame.title}</h1>
${shown}
${body}
</main>
</body>
</html>
`.text;
}
