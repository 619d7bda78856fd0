/**
 * 试问: a question asked as a new resident would (nothing recorded or remembered), the
 * reply beside the trace of the real run, rendered as `why` renders it.
 */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import { renderTrace } from '../src/pipeline/render-trace.js';
import type { Reply } from '../src/types.js';
import { sendPage, type ConsoleContext } from './console-context.js';
import { html, type Html } from '../adapters/http/html.js';
import { page } from './page-frame.js';
import { kindName } from './labels.js';

/** Longest question tried. */
const MAX_CHARS = 1_000;

/** A link to an entry in the 知识库 pages. */
export function entryLink(app: App, entryId: string | undefined): Html | string {
  const entry = entryId ? app.bot.engine.knowledge.byId.get(entryId) : undefined;
  if (!entry || !entryId) return entryId ?? '-';
  return html`<a href="/staff/knowledge/${entry.topic}#${entryId}">${entryId}</a> ${entry.title}`;
}

/** A reply as residents see it, with its kind and entry. */
export function replyView(app: App, reply: Reply): Html {
  return html`<div class="reply kind-${reply.kind}">
<p class="meta"><span class="badge">${kindName(reply.kind)}</span> ${reply.entryId ? entryLink(app, reply.entryId) : ''}${
    reply.score === undefined ? '' : html` <span class="score">把握度 ${reply.score.toFixed(3)}</span>`
  }</p>
<p class="text">${reply.text}</p>
${reply.choices?.length ? html`<ol class="choices">${reply.choices.map((c) => html`<li>${c.label} <code>${c.id}</code></li>`)}</ol>` : ''}
</div>`;
}

/** Registers GET /staff/try. */
export function tryRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App): void {
  fastify.get<{ Querystring: { q?: string } }>('/staff/try', async (request, reply) => {
    const question = (request.query.q ?? '').slice(0, MAX_CHARS);
    const form = html`<form method="get" action="/staff/try" class="ask">
<label for="q">像居民一样提一个问题(不记录,不影响统计)</label>
<textarea id="q" name="q" rows="2" maxlength="${MAX_CHARS}" required>${question}</textarea>
<button type="submit">试问</button>
</form>`;
    let result: Html | string = '';
    if (question.trim() !== '') {
      const run = await app.explain(question);
      result = html`<div class="split">
<section aria-labelledby="reply-h"><h2 id="reply-h">回复</h2>${replyView(app, run.reply)}</section>
<section aria-labelledby="trace-h"><h2 id="trace-h">处理过程(同 why)</h2><pre class="trace">${renderTrace(run.trace)}</pre></section>
</div>`;
    }
    return sendPage(reply, page({ title: '试问', staff: request.staff ?? undefined, current: '/staff/try', css: ctx.css }, html`${form}${result}`));
  });
}
