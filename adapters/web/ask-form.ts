/**
 * `POST /ask`: the chat page's form, posted by the browser itself when the page's scripts have
 * not arrived yet (a slow connection) or do not run (issue 26, item 4), so a question typed then
 * is answered, not lost. The answer comes back as the page itself with the exchange rendered in
 * its log (readable as it is) and the conversation in the form's hidden field; the script, once
 * it runs, takes both over (app.js `adoptRendered`). A form field `example` is an example
 * question tapped; `text` is one typed. Without a question the page is sent as it is.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { toReplyJson, type ReplyJson } from '../../src/reply-json.js';
import type { MessageHandler } from '../../src/types.js';
import { escapeHtml } from '../http/html.js';
import { MAX_TEXT_CHARS } from './schemas.js';
import { messageToInbound } from './to-inbound.js';

/** Where the page's log opens and its conversation field stands: the exchange is put there. */
const LOG_OPEN = 'aria-label="对话记录" tabindex="-1">';
const CONVERSATION_FIELD = 'id="conversation" autocomplete="off"';
/** The conversation ids the API accepts (schemas.ts): anything else starts a new conversation. */
const CONVERSATION = /^[A-Za-z0-9_-]{8,64}$/;

export interface AskFormOptions {
  handler: MessageHandler;
  /** The page as `GET /` sends it (page-routes.ts `renderPage`). */
  page: string;
  /** Fastify route config (the API's rate limit). */
  config: object;
}

/** The page with one exchange in its log and the conversation in its form. @throws when the page lacks the marks */
export function renderExchange(page: string, conversation: string, question: string, reply: ReplyJson): string {
  if (!page.includes(LOG_OPEN) || !page.includes(CONVERSATION_FIELD)) throw new Error('index.html: the log or the conversation field moved; update ask-form.ts');
  const item = (data: object, className: string, text: string) =>
    `<div class="msg ${className}" data-item="${escapeHtml(JSON.stringify(data))}">${escapeHtml(text)}</div>`;
  // Without the script the bot's lines still read as lines.
  const bot = `<div class="msg bot" data-item="${escapeHtml(JSON.stringify({ who: 'bot', reply }))}">${reply.text
    .split('\n')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('')}</div>`;
  return page
    .replace(LOG_OPEN, `${LOG_OPEN}${item({ who: 'me', text: question }, 'me', question)}${bot}`)
    .replace(CONVERSATION_FIELD, `${CONVERSATION_FIELD} value="${escapeHtml(conversation)}"`);
}

/** One form value: the first, as text. */
function field(body: unknown, name: string): string {
  const value = body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : '';
}

/** Registers `POST /ask` and, in its scope only, the form body parser (the API stays JSON-only: 415). */
export const askForm: FastifyPluginAsync<AskFormOptions> = async (fastify, { handler, page, config }) => {
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const params = new URLSearchParams(body as string);
    done(null, Object.fromEntries(['conversation', 'text', 'example'].map((name) => [name, params.get(name) ?? ''])));
  });
  fastify.post('/ask', { config }, async (request, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const question = (field(request.body, 'text').trim() || field(request.body, 'example').trim()).slice(0, MAX_TEXT_CHARS);
    if (!question) return reply.send(page);
    const given = field(request.body, 'conversation');
    const conversation = CONVERSATION.test(given) ? given : randomBytes(16).toString('base64url');
    const answered = toReplyJson(await handler(messageToInbound({ conversation, text: question })));
    return reply.send(renderExchange(page, conversation, question, answered));
  });
};
