/**
 * 加为示例问题: a question from 待处理 goes into the sample questions of an entry the staff
 * member picks (the entries the bot found closest first, then every entry by topic). The
 * file is edited, checked and reloaded by {@link KnowledgeEditor}; a refusal shows its
 * reasons on the same page. Both outcomes go to the audit log.
 */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import { ErrorCodes } from '../src/errors.js';
import type { KnowledgeEditor } from '../src/service/staff/add-sample-question.js';
import { sendPage, type ConsoleContext } from './console-context.js';
import { html } from '../adapters/http/html.js';
import { csrfField, page, type Frame } from './page-frame.js';
import { daysOf } from './review-data.js';
import { replyView } from './try-page.js';

interface AddFields {
  type?: string;
  key?: string;
  q?: string;
  entry?: string;
  days?: string;
}

/** The ids of the candidates a run considered, best first. */
function candidatesOf(notes: ReadonlyArray<{ step: string; candidates?: unknown }>): string[] {
  const match = notes.find((n) => n.step === 'match');
  const list = Array.isArray(match?.candidates) ? (match.candidates as Array<{ entry?: unknown }>) : [];
  return list.map((c) => c.entry).filter((id): id is string => typeof id === 'string');
}

async function addPage(app: App, frame: Frame, fields: AddFields, status = 200) {
  const knowledge = app.bot.engine.knowledge;
  const question = fields.q ?? '';
  const run = question.trim() ? await app.explain(question) : undefined;
  const closest = [...new Set([fields.entry, ...(run ? candidatesOf(run.trace.notes) : [])])].filter(
    (id): id is string => Boolean(id && knowledge.byId.has(id)),
  );
  const selected = fields.entry && knowledge.byId.has(fields.entry) ? fields.entry : closest[0];
  const option = (id: string) => {
    const entry = knowledge.byId.get(id);
    return html`<option value="${id}"${id === selected ? html` selected` : ''}>${id} · ${entry?.title ?? ''}</option>`;
  };
  const byTopic = knowledge.topics.map(
    (topic) => html`<optgroup label="${topic.title}">${knowledge.entries.filter((e) => e.topic === topic.id).map((e) => option(e.id))}</optgroup>`,
  );
  const body = html`<form method="post" action="/staff/review/add" class="add">${csrfField(frame.staff?.csrf ?? '')}
<input type="hidden" name="type" value="${fields.type ?? ''}"><input type="hidden" name="key" value="${fields.key ?? ''}">
<input type="hidden" name="days" value="${daysOf(fields.days, 30)}">
<label for="q">示例问题(可先修改措辞;电话、身份证号等会被隐去)</label>
<input id="q" name="q" value="${question}" required maxlength="200">
<label for="entry">加入哪个条目</label>
<select id="entry" name="entry" required>
${closest.length ? html`<optgroup label="机器人找到的最接近的条目">${closest.map(option)}</optgroup>` : ''}${byTopic}
</select>
<p class="hint">保存前会用 check 检查整个知识库;不通过就不改文件,并说明原因。保存后立即重新加载。</p>
<button type="submit">加为示例问题</button> <a href="/staff/review?days=${daysOf(fields.days, 30)}">取消</a>
</form>
${run ? html`<h2>现在的回复</h2>${replyView(app, run.reply)}` : ''}`;
  return { status, text: page(frame, body) };
}

/** Registers GET and POST /staff/review/add. */
export function addQuestionRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App, editor: KnowledgeEditor): void {
  const frameOf = (staff: Frame['staff']): Frame => ({ title: '加为示例问题', staff, current: '/staff/review', css: ctx.css });

  fastify.get<{ Querystring: AddFields }>('/staff/review/add', async (request, reply) => {
    const shown = await addPage(app, frameOf(request.staff ?? undefined), request.query);
    return sendPage(reply, shown.text, shown.status);
  });

  fastify.post<{ Body: AddFields }>('/staff/review/add', async (request, reply) => {
    const fields = request.body ?? {};
    const staff = request.staff?.name ?? '';
    const outcome = await editor.addSampleQuestion(fields.entry ?? '', fields.q ?? '');
    const at = ctx.clock.now();
    if (!outcome.ok) {
      ctx.logger.warn({ code: ErrorCodes.STAFF_EDIT_REFUSED, staff, entry: fields.entry, reasons: outcome.reasons.length }, 'staff: sample question refused');
      await ctx.store.audit({ at, actor: staff, action: 'question.refused', target: fields.entry, detail: outcome.reasons.join(' ').slice(0, 500) });
      const frame = { ...frameOf(request.staff ?? undefined), notice: { kind: 'error' as const, lines: ['没有加入,知识库没有改动:', ...outcome.reasons] } };
      const shown = await addPage(app, frame, fields, 422);
      return sendPage(reply, shown.text, shown.status);
    }
    ctx.logger.info({ staff, entry: outcome.entryId, file: outcome.file, reloaded: outcome.reload.ok }, 'staff: sample question added');
    await ctx.store.audit({ at, actor: staff, action: 'question.add', target: outcome.entryId, detail: outcome.question });
    if (fields.type === 'unanswered' || fields.type === 'disliked') {
      if (fields.key) await ctx.store.recordReviewAction({ type: fields.type, key: fields.key, action: 'added', entry: outcome.entryId, actor: staff, at });
    }
    const done = outcome.reload.ok ? 'added' : 'added-not-loaded';
    const query = new URLSearchParams({ days: String(daysOf(fields.days, 30)), done, entry: outcome.entryId });
    return reply.redirect(`/staff/review?${query}`, 303);
  });
}
