/**
 * 统计: the numbers of `stats` (the same report) as charts: replies per day by kind, the
 * fallback rate per day, answers per topic, 👍 / 👎 per day and the most disliked entries;
 * each chart with its table; the guided flows started, finished and where they stopped. Days without messages are shown as empty, not left out.
 */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import { BotError } from '../src/errors.js';
import { fallbackRate, type DayStats } from '../src/service/store/reports.js';
import { collectStats, reportKinds, type StatsReport } from '../src/service/store/stats-report.js';
import { horizontalBars, stackedBars, swatch, type Series } from './charts.js';
import { sendPage, type ConsoleContext } from './console-context.js';
import { html, type Html } from '../adapters/http/html.js';
import { page } from './page-frame.js';
import { kindName } from './labels.js';
import { daysOf } from './review-data.js';
import { entryLink } from './try-page.js';

const COLORS: Record<string, string> = {
  answer: '#2e7d32', clarify: '#f9a825', fallback: '#c62828', menu: '#1565c0', emergency: '#6a1b9a', feedback: '#00838f',
};
const OTHER = ['#757575', '#8d6e63', '#5c6bc0', '#26a69a', '#ec407a', '#9e9d24'];

/** The last `days` local dates (YYYY-MM-DD), oldest first, as SQLite's localtime gives them. */
export function lastDays(days: number, now: number): string[] {
  const pad = (n: number) => String(n).padStart(2, '0');
  return Array.from({ length: days }, (_, i) => {
    const d = new Date(now);
    d.setDate(d.getDate() - (days - 1 - i));
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

function table(head: Array<string | Html>, rows: Array<Array<string | number | Html>>): Html {
  return html`<details><summary>数字</summary><div class="scroll"><table><thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table></div></details>`;
}

function charts(app: App, report: StatsReport, days: string[]): Html {
  const byDay = new Map(report.days.map((d) => [d.day, d]));
  const empty = (day: string): DayStats => ({ day, total: 0, kinds: {}, topics: {}, useful: 0, notUseful: 0 });
  const series = days.map((day) => byDay.get(day) ?? empty(day));
  const kinds = reportKinds(report).filter((kind) => (report.total.kinds[kind] ?? 0) > 0);
  const kindSeries: Series[] = kinds.map((kind, i) => ({ name: kindName(kind), color: COLORS[kind] ?? OTHER[i % OTHER.length] ?? '#757575', values: series.map((d) => d.kinds[kind] ?? 0) }));
  const legend = (list: Series[]) => html`<ul class="legend">${list.map((s) => html`<li>${swatch(s.color)} ${s.name}</li>`)}</ul>`;
  const rates = series.map((d) => fallbackRate(d.kinds) ?? 0);
  const topicTitle = new Map(app.bot.engine.knowledge.topics.map((t) => [t.id, t.title]));
  const topics = Object.entries(report.total.topics).map(([id, value]) => ({ label: topicTitle.get(id) ?? id, value }));
  const votes: Series[] = [
    { name: '👍 有用', color: '#2e7d32', values: series.map((d) => d.useful) },
    { name: '👎 没用', color: '#c62828', values: series.map((d) => d.notUseful) },
  ];
  const total = fallbackRate(report.total.kinds);
  return html`
<section aria-labelledby="h-kinds"><h2 id="h-kinds">每天的回复,按类型</h2>
${stackedBars({ title: '每天的回复数,按类型叠加', categories: days, series: kindSeries })}${legend(kindSeries)}
${table(['日期', '合计', ...kinds.map(kindName)], series.map((d) => [d.day, d.total, ...kinds.map((k) => d.kinds[k] ?? 0)]))}</section>
<section aria-labelledby="h-rate"><h2 id="h-rate">未答出率(fallback ÷ 回答、追问、未答出)</h2>
<p class="big">这段时间合计:${total === undefined ? '-' : percent(total)}</p>
${stackedBars({ title: '每天的未答出率', categories: days, series: [{ name: '未答出率', color: '#c62828', values: rates }], max: 1, format: percent })}
${table(['日期', '未答出率'], series.map((d) => [d.day, fallbackRate(d.kinds) === undefined ? '-' : percent(fallbackRate(d.kinds) as number)]))}</section>
<section aria-labelledby="h-topics"><h2 id="h-topics">各主题的回答数</h2>
${topics.length ? horizontalBars({ title: '各主题的回答数', items: topics, color: '#1565c0' }) : html`<p class="empty">没有回答。</p>`}</section>
<section aria-labelledby="h-votes"><h2 id="h-votes">评价(👍 / 👎,含回复 1 / 0)</h2>
${stackedBars({ title: '每天的评价数', categories: days, series: votes })}${legend(votes)}
${table(['日期', '👍', '👎'], series.map((d) => [d.day, d.useful, d.notUseful]))}
<h3>被点踩最多的条目</h3>${
    report.disliked.length === 0
      ? html`<p class="empty">没有。</p>`
      : html`<ol>${report.disliked.map((d) => html`<li>${entryLink(app, d.entry ?? undefined)} · 👎 ${d.notUseful} · 👍 ${d.useful}</li>`)}</ol>`
  }</section>
${flowSection(app, report)}`;
}

/** The guided flows: runs started and finished, and the step where the others stopped (by its field name). */
function flowSection(app: App, report: StatsReport): Html {
  const flows = new Map(app.bot.engine.flows.list.map((f) => [f.id, f]));
  const stepName = (flowId: string, step: string) =>
    step === '#review' ? '核对答案' : (flows.get(flowId)?.steps.find((s) => s.id === step)?.field ?? step);
  const rows = report.flows.map((f) => {
    const left = Object.entries(f.left).sort((a, b) => b[1] - a[1]);
    const where = left.length ? left.map(([step, n]) => `${stepName(f.flow, step)} ${n}`).join(',') : '-';
    const rate = f.started ? percent(f.finished / f.started) : '-';
    return [flows.get(f.flow)?.title ?? f.flow, f.started, f.finished, rate, where];
  });
  return html`<section aria-labelledby="h-flows"><h2 id="h-flows">引导问答:开始、完成、停在哪一题</h2>
<p class="hint">只数次数,不含任何回答内容。没完成的按最后看到的那一题计(含回复“退出”的,和还可能接着答的)。</p>${
    rows.length === 0
      ? html`<p class="empty">这段时间没有人用引导问答。</p>`
      : html`<div class="scroll"><table><thead><tr>${['问答', '开始', '完成', '完成率', '没完成的停在'].map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map((row) => html`<tr>${row.map((cell, i) => (i === 0 ? html`<th scope="row">${cell}</th>` : html`<td>${cell}</td>`))}</tr>`)}</tbody></table></div>`
  }</section>`;
}

/** Registers GET /staff/stats. */
export function statsRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App): void {
  fastify.get<{ Querystring: { days?: string } }>('/staff/stats', async (request, reply) => {
    const days = daysOf(request.query.days, 14);
    const frame = { title: '统计', staff: request.staff ?? undefined, current: '/staff/stats', css: ctx.css };
    const choose = html`<form method="get" action="/staff/stats" class="inline"><label for="days">最近</label>
<select id="days" name="days">${[7, 14, 30, 90].map((d) => html`<option value="${d}"${d === days ? html` selected` : ''}>${d} 天</option>`)}</select>
<button type="submit">查看</button></form>`;
    let report: StatsReport | undefined;
    try {
      report = await collectStats(app.config, days, ctx.clock.now());
    } catch (error) {
      if (!(error instanceof BotError)) throw error;
      return sendPage(reply, page({ ...frame, notice: { kind: 'error', lines: [error.message, error.code] } }, choose), 503);
    }
    if (!report) return sendPage(reply, page(frame, html`${choose}<p class="hint">还没有记录:机器人回答过问题之后才有。</p>`));
    const store = report.store.state === 'ok' ? html`<p class="ok">存储:正常</p>` : html`<p class="warn">存储:降级 — ${report.store.reasons.join(';')}</p>`;
    return sendPage(reply, page(frame, html`${choose}${store}${charts(app, report, lastDays(days, ctx.clock.now()))}`));
  });
}
