/**
 * `POST /api/v1/handoff`: the resident's page asks, every second or two while a conversation is
 * with staff, for what staff (and the bot, when it ends) said after line `after`. The
 * conversation id is the page's own random id, as for messages; staff show as "工作人员 X 号".
 */
import type { FastifyPluginAsync } from 'fastify';
import type { HandoffDesk } from '../../src/service/handoff/handoff-desk.js';
import { WEB_ADAPTER } from './to-inbound.js';

export interface HandoffRouteOptions {
  desk: HandoffDesk;
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
};
