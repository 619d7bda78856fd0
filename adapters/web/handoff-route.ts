/**
 * `POST /api/v1/handoff`: the resident's page asks, every second or two while a conversation is
 * with staff, for what staff (and the bot, when it ends) said after line `after`. The
 * conversation id is the page's own random id, as for messages; staff show as "工作人员 X 号".
 */
import type { FastifyPluginAsync } from 'fastify';
import type { HandoffDesk } from '../../src/service/handoff/handoff-desk.js';
import type { CallbackDesk } from '../../src/service/handoff/callback-requests.js';
import { WEB_ADAPTER } from './to-inbound.js';

/** The consent a callback needs, shown on the page and kept word for word with the request. */
export const CALLBACK_CONSENT = '我同意工作人员按这个号码给我回电,只谈我留下的这件事;号码加密保存,到期自动删除。';

interface CallbackBody {
  conversation: string;
  phone: string;
  purpose: string;
  consent: boolean;
}

const CallbackRequestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['conversation', 'phone', 'purpose', 'consent'],
  properties: {
    conversation: { type: 'string', minLength: 1, maxLength: 100 },
    phone: { type: 'string', pattern: '^(?:1\\d{10}|0\\d{2,3}-?\\d{7,8})$' },
    purpose: { type: 'string', minLength: 1, maxLength: 200 },
    consent: { type: 'boolean' },
  },
} as const;

export interface HandoffRouteOptions {
  desk: HandoffDesk;
  /** Callback requests (CALLBACK_KEYS set); none = the route answers 404. */
  callbacks?: CallbackDesk;
  /** Polls per client address per minute; 0 = no limit. */
  ratePerMinute: number;
}

interface PollBody {
  conversation: string;
  after?: number;
}

const PollRequest = {
  type: 'object',
  additionalProperties: false,
  required: ['conversation'],
  properties: { conversation: { type: 'string', minLength: 1, maxLength: 100 }, after: { type: 'integer', minimum: 0, maximum: 10_000 } },
} as const;

/** Registers the poll. */
export const handoffRoute: FastifyPluginAsync<HandoffRouteOptions> = async (fastify, options) => {
  const limit = options.ratePerMinute > 0 ? { rateLimit: { max: options.ratePerMinute, timeWindow: 60_000 } } : {};
  fastify.post<{ Body: PollBody }>('/api/v1/handoff', { schema: { body: PollRequest }, config: limit }, async (request) => {
    const { conversation, after = 0 } = request.body;
    if (conversation === '') return { status: 'none', lines: [], next: after };
    const id = await options.desk.idFor(`${WEB_ADAPTER}:${conversation}`);
    const handoff = id ? await options.desk.get(id) : undefined;
    if (!handoff) return { status: 'none', lines: [], next: after };
    const lines = await options.desk.lines(handoff.id, after);
    return {
      status: handoff.status,
      ...(handoff.staffNo ? { staff: `工作人员 ${handoff.staffNo} 号` } : {}),
      lines: lines
        .filter((line) => line.from !== 'resident')
        .map((line) => ({ from: line.from, text: line.text, at: line.at, ...(line.staffNo ? { staff: `工作人员 ${line.staffNo} 号` } : {}) })),
      next: after + lines.length,
    };
  });

  // A callback: only with consent given in so many words; the number is sealed, never logged.
  fastify.post<{ Body: CallbackBody }>('/api/v1/callback', { schema: { body: CallbackRequestSchema }, config: limit }, async (request, reply) => {
    const { callbacks } = options;
    if (!callbacks) return reply.code(404).send({ error: { code: 'QLB_HTTP_NOT_FOUND', message: '这里暂不提供回电登记,请拨打 12348 公共法律服务热线。' } });
    const { phone, purpose, consent } = request.body;
    if (consent !== true) return reply.code(400).send({ error: { code: 'QLB_HTTP_BAD_REQUEST', message: '需要您同意工作人员按这个号码回电,才能登记。' } });
    await callbacks.request({ adapter: WEB_ADAPTER, phone, purpose, consentText: CALLBACK_CONSENT });
    return { ok: true, text: '已登记。工作人员上班后会按您留下的号码回电;号码加密保存,到期自动删除。急事请拨打 12348 公共法律服务热线。' };
  });
};
