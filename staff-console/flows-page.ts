/**
 * 知识库 → 引导问答 (issue 22), read-only: the flows in use with how they start, and one flow
 * whole — its questions (choices, typed answers, when shown), outcomes, checklist, deadlines
 * and next steps, every line with its sources. A flow in use passed `check` (a flow that
 * fails it is not loaded; the check page lists why).
 */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import type { Flow, FlowWhen } from '../src/answer/knowledge/flow-schema.js';
import type { SourceRef } from '../src/answer/knowledge/schema.js';
import { html, type Html } from '../adapters/http/html.js';
import { sendPage, type ConsoleContext } from './console-context.js';
import { page } from './page-frame.js';

const KINDS: Record<Flow['kind'], string> = { screen: '预审', intake: '案情整理' };
const VERDICTS: Record<string, string> = { likely: '很可能符合', possible: '可能符合', unlikely: '可能不符合', route: '处理路线' };
const INPUTS: Record<string, string> = { date: '输入日期', money: '输入金额', text: '输入一句话(会遮盖个人信息)' };
const SOURCE_KINDS: Record<string, string> = { report: '报告', law: '法律', hotline: '热线' };

/** The flows in use, for the 知识库 page. */
export function flowList(app: App): Html {
  const flows = app.bot.engine.flows.list;
  if (flows.length === 0) return html`<h2>引导问答</h2><p class="empty">没有引导问答(knowledge/flows/)。</p>`;
  return html`<h2 id="flows">引导问答(${flows.length} 个,均已通过检查)</h2><ol class="topics">${flows.map(
    (f) => html`<li><a href="/staff/knowledge/flow/${f.id}">${f.title}</a> <span class="meta">${KINDS[f.kind]} · ${f.steps.length} 题 · ${f.outcomes.length} 个结果 · <code>${f.file}</code></span></li>`,
  )}</ol>`;
}

const when = (w: FlowWhen) => (w ? html` <span class="meta">(仅当 ${Object.entries(w).map(([step, ids]) => `${step} = ${ids.join(' / ')}`).join(',且 ')})</span>` : '');
const sources = (list: SourceRef[]) =>
  list.length ? html`<ul class="meta">${list.map((s) => html`<li>${SOURCE_KINDS[s.kind] ?? s.kind}:${s.ref}${s.quote ? html`<q>${s.quote}</q>` : ''}</li>`)}</ul>` : '';

function flowView(flow: Flow): Html {
  const lines = (title: string, list: Flow['checklist']) =>
    list.length ? html`<h3>${title}</h3><ol>${list.map((l) => html`<li>${l.text}${when(l.when)}${sources(l.source)}</li>`)}</ol>` : '';
  return html`<p><a href="/staff/knowledge#flows">← 知识库</a></p>
<p class="meta">${KINDS[flow.kind]} · <code>${flow.id}</code> · 文件:<code>${flow.file}</code>${flow.menu ? html` · 菜单:${flow.menu}` : ''}</p>
<p>开始的说法:${flow.starts.length ? flow.starts.join('、') : '-'}${flow.offerUnder.length ? html`;回答里提到 ${flow.offerUnder.join('、')} 时下面有按钮“${flow.offerLabel ?? ''}”` : ''}</p>
<p class="text">${flow.intro}</p>
<h3>问题</h3><ol>${flow.steps.map(
    (s) => html`<li><strong>${s.field}</strong> <code>${s.id}</code>${when(s.when)}<br>${s.ask}${s.hint ? html`<br><span class="meta">${s.hint}</span>` : ''}
${s.choices ? html`<ul>${s.choices.map((c) => html`<li>${c.label} <code>${c.id}</code>${c.next ? html` → <code>${c.next}</code>` : ''}</li>`)}</ul>` : html`<br><span class="meta">${INPUTS[s.input ?? ''] ?? ''}${s.skip ? ',可跳过' : ''}</span>`}</li>`,
  )}</ol>
<h3>结果</h3><ol>${flow.outcomes.map((o) => html`<li><strong>${VERDICTS[o.verdict] ?? o.verdict}</strong> <code>${o.id}</code>${when(o.when)}<p class="text">${o.text}</p>${sources(o.source)}</li>`)}</ol>
${flow.summary.length ? html`<h3>案情摘要</h3><ul>${flow.summary.map((l) => html`<li>${l.text}</li>`)}</ul>` : ''}
${lines(flow.checklistTitle ?? '材料清单', flow.checklist)}
${flow.deadlines.length ? html`<h3>期限</h3><ol>${flow.deadlines.map((d) => html`<li>${d.rule ? html`按 <code>${d.rule}</code> 从 <code>${d.from ?? ''}</code> 的日期计算` : ''}${d.text ? html` ${d.text}` : ''}${when(d.when)}${sources(d.source)}</li>`)}</ol>` : ''}
${lines('下一步', flow.nextSteps)}`;
}

/** Registers GET /staff/knowledge/flow/:id. */
export function flowRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App): void {
  fastify.get<{ Params: { id: string } }>('/staff/knowledge/flow/:id', async (request, reply) => {
    const flow = app.bot.engine.flows.byId(request.params.id);
    if (!flow) return reply.redirect('/staff/knowledge#flows', 303);
    return sendPage(reply, page({ title: flow.title, staff: request.staff ?? undefined, current: '/staff/knowledge', css: ctx.css }, flowView(flow)));
  });
}
