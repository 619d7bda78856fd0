/** 审计: who changed what, when: the newest records of the audit log. */
import type { FastifyInstance } from 'fastify';
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

/** Registers GET /staff/audit. */
export function auditRoutes(fastify: FastifyInstance, ctx: ConsoleContext): void {
  fastify.get('/staff/audit', async (request, reply) => {
    const records = await ctx.store.auditLog({ limit: SHOWN });
    const rows = records.map(
      (r) => html`<tr><td>${localTime(r.at)}</td><td>${r.actor}</td><td>${ACTION_NAMES[r.action] ?? r.action}</td><td>${r.target ?? ''}</td><td>${r.detail ?? ''}</td></tr>`,
    );
    const body = html`<p class="hint">最近 ${SHOWN} 条;保存期与消息记录相同。</p>
<div class="scroll"><table class="audit"><thead><tr><th scope="col">时间</th><th scope="col">谁</th><th scope="col">做了什么</th><th scope="col">对象</th><th scope="col">内容</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="5">还没有记录。</td></tr>`}</tbody></table></div>`;
    return sendPage(reply, page({ title: '审计', staff: request.staff ?? undefined, current: '/staff/audit', css: ctx.css }, body));
  });
}
