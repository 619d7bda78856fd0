/**
 * The HTTP side: WeChat's GET handshake (echo `echostr` when the signature holds) and the
 * POST of every message, each checked for its signature and a fresh timestamp before the
 * body is read as a message. Registered as an encapsulated fastify plugin, so its XML body
 * parser stays inside it and the rest of the server is untouched.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import { openEnvelope, passiveXml, sealReply, type SignedQuery } from './envelope.js';
import type { MsgCrypt } from './msg-crypt.js';
import type { Passive } from './plan-reply.js';
import { sameSignature, sha1Signature, withinWindow } from './signature.js';
import { MAX_XML_CHARS, type XmlFields } from './xml.js';

export interface RouteOptions {
  path: string;
  token: string;
  crypt?: MsgCrypt;
  /** Seconds a request's timestamp may differ from our clock. */
  replayWindowSeconds: number;
  now(): number;
  logger: Logger;
  /** Answers a verified message; undefined while the adapter is not started (503: WeChat tries again). */
  onMessage(fields: XmlFields): Promise<Passive | undefined> | undefined;
}

type Request = FastifyRequest<{ Querystring: SignedQuery; Body: unknown }>;

/** Status for each refusal: a wrong signature is a stranger (403); the rest is a bad request (400). */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCodes.WECHAT_MP_SIGNATURE_INVALID]: 403,
  [ErrorCodes.WECHAT_MP_TIMESTAMP_STALE]: 403,
  [ErrorCodes.WECHAT_MP_APPID_MISMATCH]: 403,
  [ErrorCodes.WECHAT_MP_AES_KEY_MISSING]: 500,
};

/** The plugin serving GET and POST on `options.path`. */
export function wechatMpRoutes(options: RouteOptions): FastifyPluginAsync {
  const { logger } = options;

  const verify = (query: SignedQuery): void => {
    const { timestamp = '', nonce = '' } = query;
    if (!sameSignature(query.signature, sha1Signature(options.token, timestamp, nonce))) {
      throw new BotError(ErrorCodes.WECHAT_MP_SIGNATURE_INVALID, 'wechat-mp: wrong signature', ['signature']);
    }
    if (!withinWindow(timestamp, options.now(), options.replayWindowSeconds)) {
      throw new BotError(ErrorCodes.WECHAT_MP_TIMESTAMP_STALE, 'wechat-mp: timestamp outside the replay window', ['timestamp']);
    }
  };

  const refuse = (request: Request, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof BotError)) throw error;
    const status = STATUS[error.code] ?? 400;
    logger[status === 500 ? 'error' : 'warn'](
      { code: error.code, status, method: request.method, remote: request.ip, reason: error.details.join(', ') },
      `wechat-mp: request refused: ${error.message}`,
    );
    return reply.code(status).type('text/plain').send(status === 403 ? 'forbidden' : 'bad request');
  };

  return async (instance: FastifyInstance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_XML_CHARS }, (_request, body, parsed) => parsed(null, body));

    // fastify's per-request log lines would carry the query string: the person's OpenID and signatures.
    const quiet = { logLevel: 'warn' as const };

    instance.get(options.path, quiet, async (request: Request, reply) => {
      try {
        verify(request.query);
      } catch (error) {
        return refuse(request, reply, error);
      }
      logger.info('wechat-mp: server URL verified by WeChat');
      return reply.type('text/plain').send(request.query.echostr ?? '');
    });

    instance.post(options.path, quiet, async (request: Request, reply) => {
      let fields: XmlFields;
      try {
        verify(request.query);
        if (typeof request.body !== 'string') throw new BotError(ErrorCodes.WECHAT_MP_XML_INVALID, 'wechat-mp: no XML body', ['body']);
        fields = openEnvelope(request.body, request.query, options.crypt);
      } catch (error) {
        return refuse(request, reply, error);
      }
      const answering = options.onMessage(fields);
      if (!answering) return reply.code(503).type('text/plain').send('not ready');
      const passive = await answering;
      if (!passive) return reply.type('text/plain').send('success');
      const xml = sealReply(passiveXml(passive, fields, options.now()), request.query, options.crypt);
      return reply.type('application/xml; charset=utf-8').send(xml);
    });
  };
}
