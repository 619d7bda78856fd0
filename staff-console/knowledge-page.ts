/**
 * 知识库: topics → entries → answer, sources and sample questions (a problem's answer is its
 * route, its sample questions its situations); the guided flows (flows-page.ts); reloading
 * now; the `check` of the folder.
 */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import { formatProblem, type Entry } from '../src/answer/knowledge/knowledge-base.js';
import { FACT_RULES } from '../src/answer/knowledge/fact-rules.js';
import { describeReload } from '../src/pipeline/staff-commands.js';
import { sendPage, type ConsoleContext } from './console-context.js';
import { html, type Html } from '../adapters/http/html.js';
import { csrfField, page, type Frame } from './page-frame.js';
import { flowList } from './flows-page.js';

const SOURCE_KINDS: Record<string, string> = { report: '报告', law: '法律', hotline: '热线' };

function entryView(entry: Entry): Html {
  const problem = Boolean(entry.problem);
  return html`<article id="${entry.id}" class="entry">
<h3>${entry.title} <code>${entry.id}</code></h3>
<p class="meta">方面:${entry.aspect} · 文件:<code>${entry.file}</code>${entry.related.length ? html` · 相关:${entry.related.map((id) => html`<code>${id}</code> `)}` : ''}</p>
<h4>${problem ? '处理路线(回答)' : '回答'}</h4><p class="text">${entry.answer}</p>
<h4>来源</h4><ul>${entry.source.map((s) => html`<li>${SOURCE_KINDS[s.kind] ?? s.kind}:${s.ref}${s.quote ? html`<q>${s.quote}</q>` : ''}</li>`)}</ul>
<details><summary>${problem ? '情形(示例问题)' : '示例问题'}(${entry.questions.length})</summary><ol>${entry.questions.map((q) => html`<li>${q}</li>`)}</ol>
${entry.keywords.length ? html`<p class="meta">${problem ? '线索词' : '关键词'}:${entry.keywords.join('、')}</p>` : ''}</details>
</article>`;
}

function reloadForm(csrf: string): Html {
  return html`<form method="post" action="/staff/knowledge/reload" class="inline">${csrfField(csrf)}<button type="submit">立即重新加载</button>
<a href="/staff/knowledge/check">检查知识库(check)</a></form>`;
}

/** Registers the 知识库 pages, reloading and checking. */
export function knowledgeRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App): void {
  const frameOf = (staff: Frame['staff'], title = '知识库'): Frame => ({ title, staff, current: '/staff/knowledge', css: ctx.css });

  fastify.get<{ Querystring: { done?: string } }>('/staff/knowledge', async (request, reply) => {
    const knowledge = app.bot.engine.knowledge;
    const staff = request.staff ?? undefined;
    const topics = knowledge.topics.map((topic) => {
      const count = knowledge.entries.filter((e) => e.topic === topic.id).length;
      return html`<li><a href="/staff/knowledge/${topic.id}">${topic.title}</a> <span class="meta">${count} 条 · <code>${topic.id}</code></span></li>`;
    });
    const questions = knowledge.entries.reduce((sum, e) => sum + e.questions.length, 0);
    const body = html`${reloadForm(staff?.csrf ?? '')}
<p>${knowledge.topics.length} 个主题,${knowledge.entries.length} 条答案,${questions} 个示例问题(<code>${knowledge.dir}</code>)。改动文件后机器人会自动重新加载;有问题的改动不会生效。</p>
<ol class="topics">${topics}</ol>
${flowList(app)}`;
    const done = { reloaded: '知识库已重新加载。', unchanged: '知识库文件自上次加载以来没有改动,仍在使用当前版本。' }[request.query.done ?? ''];
    const notice = done ? { kind: 'ok' as const, lines: [done] } : undefined;
    return sendPage(reply, page({ ...frameOf(staff), notice }, body));
  });

  fastify.get<{ Params: { topic: string } }>('/staff/knowledge/:topic', async (request, reply) => {
    const knowledge = app.bot.engine.knowledge;
    const topic = knowledge.topics.find((t) => t.id === request.params.topic);
    if (!topic) return reply.redirect('/staff/knowledge', 303);
    const entries = knowledge.entries.filter((e) => e.topic === topic.id);
    const body = html`<p><a href="/staff/knowledge">← 全部主题</a></p>${entries.map(entryView)}`;
    return sendPage(reply, page(frameOf(request.staff ?? undefined, topic.title), body));
  });

  fastify.get('/staff/knowledge/check', async (request, reply) => {
    // In the knowledge worker thread: a check of the whole folder takes a few hundred ms.
    const { problems, topics, entries } = await app.checkKnowledge();
    const notice = problems.length === 0
      ? { kind: 'ok' as const, lines: [`检查通过:${topics ?? 0} 个主题,${entries ?? 0} 条答案。`] }
      : { kind: 'error' as const, lines: [`发现 ${problems.length} 个问题,改动不会生效,机器人仍在用上一个通过检查的版本:`] };
    const rule = (id: string | undefined) => (id && id in FACT_RULES ? html`<br><span class="meta">规则:${FACT_RULES[id as keyof typeof FACT_RULES]}</span>` : '');
    const listed = problems.map((p) => html`<li><code>${formatProblem(p)}</code>${rule(p.rule)}</li>`);
    const body = html`<p><a href="/staff/knowledge">← 知识库</a></p>${problems.length ? html`<ol class="problems">${listed}</ol>` : ''}`;
    return sendPage(reply, page({ ...frameOf(request.staff ?? undefined, '检查知识库'), notice }, body));
  });

  fastify.post('/staff/knowledge/reload', async (request, reply) => {
    const staff = request.staff?.name ?? '';
    const outcome = await app.reload(`staff:${staff}`);
    const detail = !outcome.ok ? `未加载:${outcome.problems.length} 处问题` : outcome.unchanged ? `文件没有改动:${outcome.entries} 条答案` : `成功:${outcome.entries} 条答案`;
    await ctx.store.audit({ at: ctx.clock.now(), actor: staff, action: 'knowledge.reload', detail });
    if (outcome.ok) return reply.redirect(`/staff/knowledge?done=${outcome.unchanged ? 'unchanged' : 'reloaded'}`, 303);
    const notice = { kind: 'error' as const, lines: describeReload(outcome).split('\n') };
    return sendPage(reply, page({ ...frameOf(request.staff ?? undefined), notice }, reloadForm(request.staff?.csrf ?? '')), 422);
  });
}
