/**
 * 接待: staff mark themselves 在岗; conversations handed to a person wait here with what was
 * said so far (masked); one staff member takes one (the others see it taken), replies, and
 * ends it. Residents see "工作人员 X 号" (the account's place in the list of accounts), never
 * a name. Every step is audited. Replies reach the resident's page through its poll
 * (adapters/web/handoff-route.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { App } from '../src/app.js';
import type { Handoff, HandoffLine } from '../src/service/handoff/handoff-desk.js';
import type { AuditAction } from '../src/service/staff/staff-store.js';
import { html, type Html } from '../adapters/http/html.js';
import { sendPage, type ConsoleContext } from './console-context.js';
import { csrfField, page } from './page-frame.js';

/** Longest staff reply, in characters. */
const MAX_REPLY_CHARS = 1000;

interface DeskBody {
  id?: string;
  text?: string;
  on?: string;
}

/** The number residents see for a staff member: their account's place, oldest first. */
async function staffNo(ctx: ConsoleContext, name: string): Promise<string> {
  const accounts = (await ctx.store.listAccounts()).sort((a, b) => a.createdAt - b.createdAt || a.name.localeCompare(b.name));
  const at = accounts.findIndex((account) => account.name === name);
  return String(at < 0 ? accounts.length + 1 : at + 1);
}

const WHO: Record<HandoffLine['from'], string> = { resident: '居民', staff: '工作人员', bot: '机器人' };

function handoffItem(handoff: Handoff, lines: HandoffLine[], mine: string, csrf: string): Html {
  const form = (action: string, label: string, extra: Html | string = '') =>
    html`<form method="post" action="/staff/desk/${action}" class="inline">${csrfField(csrf)}<input type="hidden" name="id" value="${handoff.id}">${extra}<button type="submit">${label}</button></form>`;
  const taken = handoff.status === 'taken';
  const ours = taken && handoff.staffNo === mine;
  return html`<li class="group" id="h-${handoff.id}">
<p class="meta">${handoff.adapter} · ${new Date(handoff.openedAt).toISOString().slice(11, 16)} UTC · ${taken ? `已由工作人员 ${handoff.staffNo ?? ''} 号接待` : '等待接待'}</p>
<ol class="transcript">${lines.map((line) => html`<li><b>${line.staffNo ? `工作人员 ${line.staffNo} 号` : WHO[line.from]}:</b>${line.text}</li>`)}</ol>
<div class="actions">${handoff.status === 'waiting' ? form('take', '接待') : ''}${
    ours ? html`${form('say', '发送', html`<label for="t-${handoff.id}">回复</label> <input id="t-${handoff.id}" name="text" maxlength="${MAX_REPLY_CHARS}" required> `)}${form('end', '结束对话')}` : ''
  }</div></li>`;
}

/** The callback tasks: the number opened for staff only here, never in a log or export. */
async function callbackSection(app: App, csrf: string): Promise<Html | string> {
  const { callbacks } = app;
  if (!callbacks) return '';
  const all = await callbacks.list();
  const items = all.map(
    (task) => html`<li class="group"><p class="question">${task.purpose}</p>
<p class="meta">回电号码:${callbacks.phoneOf(task) ?? '(无法解密:密钥已轮换掉)'} · 登记于 ${new Date(task.at).toISOString().slice(0, 16).replace('T', ' ')} UTC · ${task.status === 'done' ? `已完成(${task.doneBy ?? ''})` : '待回电'}</p>
${task.status === 'open' ? html`<form method="post" action="/staff/desk/callback-done" class="inline">${csrfField(csrf)}<input type="hidden" name="id" value="${task.id}"><button type="submit">标为已回电</button></form>` : ''}</li>`,
  );
  return html`<section aria-labelledby="h-callbacks"><h2 id="h-callbacks">回电请求(${all.filter((task) => task.status === 'open').length} 条待回电)</h2>${
    items.length === 0 ? html`<p class="empty">没有。</p>` : html`<ol class="groups">${items}</ol>`
  }<p class="hint">号码加密保存,登记满 RETENTION_DAYS 天后连同记录一起删除。</p></section>`;
}

/** Registers 接待. */
export function deskRoutes(fastify: FastifyInstance, ctx: ConsoleContext, app: App): void {
  const { desk } = app;
  const audit = (actor: string, action: AuditAction, target: string, detail = '') => ctx.store.audit({ at: ctx.clock.now(), actor, action, target, detail });

  fastify.get('/staff/desk', async (request, reply) => {
    const staff = request.staff ?? { name: '', csrf: '' };
    const mine = await staffNo(ctx, staff.name);
    const onDuty = await desk.onDuty();
    const open = await desk.list();
    const items = await Promise.all(open.map(async (handoff) => handoffItem(handoff, await desk.lines(handoff.id), mine, staff.csrf)));
    const here = onDuty.includes(mine);
    const duty = html`<form method="post" action="/staff/desk/duty" class="inline">${csrfField(staff.csrf)}<input type="hidden" name="on" value="${here ? '0' : '1'}">
<p>您是工作人员 ${mine} 号,现在${here ? '在岗' : '不在岗'}。在岗的工作人员:${onDuty.length === 0 ? '没有' : onDuty.map((no) => `${no} 号`).join('、')}。 <button type="submit">${here ? '下岗' : '在岗'}</button></p></form>`;
    const list = items.length === 0 ? html`<p class="empty">没有等待或进行中的人工对话。</p>` : html`<ol class="groups">${items}</ol>`;
    const body = html`${duty}<section aria-labelledby="h-queue"><h2 id="h-queue">人工对话(${open.length})</h2>${list}</section>${await callbackSection(app, staff.csrf)}
<p class="hint">居民只看到“工作人员 X 号”。刷新本页查看新消息。</p>`;
    return sendPage(reply, page({ title: '接待', staff, current: '/staff/desk', css: ctx.css }, body));
  });

  fastify.post<{ Body: DeskBody }>('/staff/desk/duty', async (request, reply) => {
    const name = request.staff?.name ?? '';
    const on = request.body?.on === '1';
    await desk.setOnDuty(await staffNo(ctx, name), on);
    await audit(name, on ? 'desk.on-duty' : 'desk.off-duty', '接待');
    return reply.redirect('/staff/desk', 303);
  });

  fastify.post<{ Body: DeskBody }>('/staff/desk/take', async (request, reply) => {
    const name = request.staff?.name ?? '';
    const id = request.body?.id ?? '';
    if (await desk.take(id, await staffNo(ctx, name))) await audit(name, 'desk.take', id);
    return reply.redirect('/staff/desk', 303);
  });

  fastify.post<{ Body: DeskBody }>('/staff/desk/say', async (request, reply) => {
    const name = request.staff?.name ?? '';
    const id = request.body?.id ?? '';
    const text = (request.body?.text ?? '').trim().slice(0, MAX_REPLY_CHARS);
    const handoff = await desk.get(id);
    const mine = await staffNo(ctx, name);
    if (text && handoff?.status === 'taken' && handoff.staffNo === mine) {
      await desk.say(id, { from: 'staff', text, at: ctx.clock.now(), staffNo: mine });
      // The reply itself is the resident's conversation: audited as sent, not copied.
      await audit(name, 'desk.reply', id, `${text.length} 字`);
    }
    return reply.redirect(`/staff/desk#h-${id}`, 303);
  });

  fastify.post<{ Body: DeskBody }>('/staff/desk/callback-done', async (request, reply) => {
    const name = request.staff?.name ?? '';
    const id = request.body?.id ?? '';
    if (app.callbacks && (await app.callbacks.done(id, name))) await audit(name, 'callback.done', id);
    return reply.redirect('/staff/desk#h-callbacks', 303);
  });

  fastify.post<{ Body: DeskBody }>('/staff/desk/end', async (request, reply) => {
    const name = request.staff?.name ?? '';
    const id = request.body?.id ?? '';
    const handoff = await desk.get(id);
    if (handoff?.status === 'taken' && handoff.staffNo === (await staffNo(ctx, name))) {
      await desk.end(id, 'staff', ctx.clock.now(), app.bot.engine.knowledge.meta.messages.handoffEnded);
      await audit(name, 'desk.end', id);
    }
    return reply.redirect('/staff/desk', 303);
  });
}
