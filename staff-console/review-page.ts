/**
 * 待处理: the unanswered and disliked questions, grouped as `review` groups them, each with
 * its closest entry and what the bot answers now; per group, 加为示例问题 (next page) and 忽略
 * (kept as dismissed in the store, audited); the same as CSV.
 */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import { localTime, reviewCsv, type ReviewLine } from '../src/service/staff/review-lines.js';
import { refuse, sendPage, type ConsoleContext } from './console-context.js';
import { html, type Html } from '../adapters/http/html.js';
import { csrfField, page } from './page-frame.js';
import { daysOf, loadReview } from './review-data.js';
import { entryLink } from './try-page.js';
import { dueFactsSection } from './due-facts-section.js';

interface ReviewQuery {
  days?: string;
  done?: string;
  entry?: string;
}

interface DismissBody {
  type?: string;
  key?: string;
  question?: string;
  days?: string;
}

function addLink(line: ReviewLine, days: number): string {
  const query = new URLSearchParams({ type: line.type, key: line.key, q: line.question, entry: line.entry ?? '', days: String(days) });
  return `/staff/review/add?${query}`;
}

function group(app: App, line: ReviewLine, days: number, csrf: string): Html {
  const asked = line.question || '(问题没有保存:只知道被点踩的条目)';
  return html`<li class="group">
<p class="question"><span class="count">×${line.count}</span> ${asked}</p>
<p class="meta">回复:${line.kinds} · ${line.type === 'disliked' ? '被点踩的条目' : '最接近的条目'}:${entryLink(app, line.entry)} · 现在:${line.now ?? '-'} · 最近:${localTime(line.lastAt)}</p>
<div class="actions">
${line.question ? html`<a class="button" href="${addLink(line, days)}">加为示例问题…</a> <a href="/staff/try?q=${encodeURIComponent(line.question)}">试问</a>` : ''}
<form method="post" action="/staff/review/dismiss">${csrfField(csrf)}
<input type="hidden" name="type" value="${line.type}"><input type="hidden" name="key" value="${line.key}">
<input type="hidden" name="question" value="${line.question}"><input type="hidden" name="days" value="${days}">
<button type="submit" class="quiet">忽略</button></form>
</div></li>`;
}

function notice(query: ReviewQuery) {
  if (query.done === 'dismissed') return { kind: 'ok' as const, lines: ['已忽略这组问题;它再次出现之前不会再列出。'] };
  if (query.done === 'added') return { kind: 'ok' as const, lines: [`已把问题加入 ${query.entry ?? ''} 的示例问题,知识库已重新加载。`] };
  if (query.done === 'added-not-loaded') {
    return { kind: 'error' as const, lines: [`已把问题写入 ${query.entry ?? ''} 的文件,但重新加载没有成功,机器人仍在用原来的版本。请到“知识库”页检查。`] };
  }
  return undefined;
}

/** Registers the 待处理 list, its CSV and dismissing. */
export function reviewRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App): void {
  fastify.get('/staff', async (_request, reply) => reply.redirect('/staff/review', 303));

  fastify.get<{ Querystring: ReviewQuery }>('/staff/review', async (request, reply) => {
    const days = daysOf(request.query.days, 30);
    const staff = request.staff ?? { name: '', csrf: '' };
    const data = await loadReview(app, ctx.store, days);
    const frame = { title: '待处理', staff, current: '/staff/review', css: ctx.css };
    const choose = html`<form method="get" action="/staff/review" class="inline"><label for="days">最近</label>
<select id="days" name="days">${[7, 30, 90].map((d) => html`<option value="${d}"${d === days ? html` selected` : ''}>${d} 天</option>`)}</select>
<button type="submit">查看</button> <a href="/staff/review.csv?days=${days}" download>导出 CSV(Excel)</a></form>`;
    if (!data.ok) {
      return sendPage(reply, page({ ...frame, notice: { kind: 'error', lines: [data.error.message, data.error.code] } }, choose), 503);
    }
    const section = (type: ReviewLine['type'], title: string) => {
      const lines = data.lines.filter((line) => line.type === type);
      return html`<section aria-labelledby="h-${type}"><h2 id="h-${type}">${title}(${lines.length} 组)</h2>${
        lines.length === 0 ? html`<p class="empty">没有。</p>` : html`<ol class="groups">${lines.map((line) => group(app, line, days, staff.csrf))}</ol>`
      }</section>`;
    };
    const hidden = data.hidden > 0 ? html`<p class="hint">另有 ${data.hidden} 组已处理(忽略或加入了条目),再次出现之前不列出。</p>` : '';
    const none = data.recorded ? '' : html`<p class="hint">还没有记录:机器人回答过问题之后才有。</p>`;
    const due = dueFactsSection(app.bot.engine.knowledge.localFacts, ctx.clock.now());
    const body = html`${choose}${none}${section('unanswered', '未答出的问题')}${section('disliked', '被点踩的回答')}${hidden}${due}`;
    return sendPage(reply, page({ ...frame, notice: notice(request.query) }, body));
  });

  fastify.get<{ Querystring: ReviewQuery }>('/staff/review.csv', async (request, reply) => {
    const days = daysOf(request.query.days, 30);
    const data = await loadReview(app, ctx.store, days);
    if (!data.ok) return refuse(ctx, request, reply, 503, data.error.code, data.error.message);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="review-${days}d.csv"`)
      .header('cache-control', 'no-store')
      .send(reviewCsv(data.lines));
  });

  fastify.post<{ Body: DismissBody }>('/staff/review/dismiss', async (request, reply) => {
    const { type, key, question, days } = request.body ?? {};
    const staff = request.staff?.name ?? '';
    if ((type !== 'unanswered' && type !== 'disliked') || !key) return reply.redirect('/staff/review', 303);
    const at = ctx.clock.now();
    await ctx.store.recordReviewAction({ type, key, action: 'dismissed', actor: staff, at });
    await ctx.store.audit({ at, actor: staff, action: 'review.dismiss', target: type === 'unanswered' ? '未答出' : '点踩', detail: question || key });
    return reply.redirect(`/staff/review?days=${daysOf(days, 30)}&done=dismissed`, 303);
  });
}
