/** 审计: who changed what, when: the newest records of the audit log. */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import type { AuditAction } from '../src/service/staff/staff-store.js';
import { localTime } from '../src/service/staff/review-lines.js';
import { sendPage, type ConsoleContext } from './console-context.js';
import { html } from '../adapters/http/html.js';
import { page } from './page-frame.js';

/** Records shown. */
const SHOWN = 200;

export const ACTION_NAMES: Record<AuditAction, string> = {
  login: '登录',
  logout: '退出',
  'login.locked': '登录失败过多,已锁定',
  'question.add': '加入示例问题',
  'question.refused': '加入示例问题被拒绝',
  'review.dismiss': '忽略待处理问题',
  'knowledge.reload': '重新加载知识库',
  'sources.change': '来源文件变更(经复核)',
  'staff.add': '添加账号',
  'staff.remove': '删除账号',
  'staff.password': '更改密码',
  'desk.on-duty': '在岗',
  'desk.off-duty': '下岗',
  'desk.take': '接待人工对话',
  'desk.reply': '回复居民',
  'desk.end': '结束人工对话',
  'callback.done': '回电已完成',
};

/** The pinned sources of the knowledge in service: file, official version and date, checksum, review. */
function pinnedSources(app: App) {
  const rows = app.bot.engine.knowledge.sources.map(
    (pin) => html`<tr><td><code>${pin.file}</code></td><td>${pin.title}<br><span class="meta">${pin.version}${pin.date ? ` · ${pin.date}` : ''}</span></td><td><code>${pin.sha256.slice(0, 12)}…</code></td><td>${pin.reviewed.by}<br><span class="meta">${pin.reviewed.date}${pin.reviewed.note ? ` · ${pin.reviewed.note}` : ''}</span></td></tr>`,
  );
  return html`<h2>来源清单(sources/manifest.yaml)</h2>
<p class="hint">报告、法律原文和登记表按校验和锁定:内容与清单不符的知识库不会加载;来源的改动须经复核、更新清单,并记入上面的审计日志。</p>
<div class="scroll"><table class="audit"><thead><tr><th scope="col">文件</th><th scope="col">官方标题和版本</th><th scope="col">校验和</th><th scope="col">复核</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** Registers GET /staff/audit; `sync` records source changes not yet in the log before it is read. */
export function auditRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App, sync: () => Promise<void>): void {
  fastify.get('/staff/audit', async (request, reply) => {
    await sync();
    const records = await ctx.store.auditLog({ limit: SHOWN });
    const rows = records.map(
      (r) => html`<tr><td>${localTime(r.at)}</td><td>${r.actor}</td><td>${ACTION_NAMES[r.action] ?? r.action}</td><td>${r.target ?? ''}</td><td>${r.detail ?? ''}</td></tr>`,
    );
    const body = html`<p class="hint">最近 ${SHOWN} 条;保存期与消息记录相同。</p>
<div class="scroll"><table class="audit"><thead><tr><th scope="col">时间</th><th scope="col">谁</th><th scope="col">做了什么</th><th scope="col">对象</th><th scope="col">内容</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="5">还没有记录。</td></tr>`}</tbody></table></div>
${pinnedSources(app)}`;
    return sendPage(reply, page({ title: '审计', staff: request.staff ?? undefined, current: '/staff/audit', css: ctx.css }, body));
  });
}
