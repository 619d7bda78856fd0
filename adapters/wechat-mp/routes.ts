/**
 * The HTTP side: WeChat's GET handshake (echo `echostr` when the signature holds) and the
 * POST of every message, each checked for its signature and a fresh timestamp before the
 * body is read as a message; a signed URL (timestamp + nonce) serves the request it first came
 * with (and WeChat's retries of it), never another.
 * Registered as an encapsulated fastify plugin, so its XML body parser stays inside it and
 * the rest of the server is untouched.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { Logger } from '../../src/logger.js';
import type { Clock } from '../../src/service/time/clock.js';
import { openEnvelope, passiveXml, sealReply, type SignedQuery } from './envelope.js';
import type { MsgCrypt } from './msg-crypt.js';
import type { Passive } from './plan-reply.js';
import type { ReplayGuard } from './replay-guard.js';
import { sameSignature, sha1Signature, timestampVerdict, type SignedWindow } from './signature.js';
import { MAX_XML_CHARS, type XmlFields } from './xml.js';

export interface RouteOptions {
  path: string;
  token: string;
  /** Set: safe mode, only encrypted messages are read. */
  crypt?: MsgCrypt;
  /** How far a request's timestamp may lie behind and ahead of our clock. */
  window: SignedWindow;
  /** Refuses a signed URL used before with another request within the window (on any instance sharing Redis). */
  replays: ReplayGuard;
  /** False while the adapter is not started (503: WeChat tries again). */
  accepting(): boolean;
  clock: Clock;
  logger: Logger;
  /** Answers a verified message; undefined while the adapter is not started (503: WeChat tries again). */
  onMessage(fields: XmlFields): Promise<Passive | undefined> | undefined;
}

type Request = FastifyRequest<{ Querystring: SignedQuery; Body: unknown }>;

/**
 * Status for each refusal: a wrong signature or a timestamp out of the window is a stranger
 * (403); the rest is a bad request (400). A signed URL reused with another request and a
 * plaintext body in safe mode are answered 200 `success`, WeChat's "nothing to do, do not retry": the
 * request carried a valid signature, and should it be WeChat's own, any other answer would
 * have it try again and show the person "该公众号暂时无法提供服务".
 */
const STATUS: Partial<Record<string, number>> = {
  [ErrorCodes.WECHAT_MP_SIGNATURE_INVALID]: 403,
  [ErrorCodes.WECHAT_MP_TIMESTAMP_STALE]: 403,
  [ErrorCodes.WECHAT_MP_APPID_MISMATCH]: 403,
  [ErrorCodes.WECHAT_MP_AES_KEY_MISSING]: 500,
  [ErrorCodes.WECHAT_MP_REPLAYED]: 200,
  [ErrorCodes.WECHAT_MP_PLAINTEXT_REFUSED]: 200,
};
const BODY: Partial<Record<number, string>> = { 200: 'success', 403: 'forbidden' };

/** The plugin serving GET and POST on `options.path`. */
export function wechatMpRoutes(options: RouteOptions): FastifyPluginAsync {
  const { logger } = options;

  const verify = (query: SignedQuery): void => {
    const { timestamp = '', nonce = '' } = query;
    if (!sameSignature(query.signature, sha1Signature(options.token, timestamp, nonce))) {
      throw new BotError(ErrorCodes.WECHAT_MP_SIGNATURE_INVALID, 'wechat-mp: wrong signature', ['signature']);
    }
    const verdict = timestampVerdict(timestamp, options.clock.now(), options.window);
    if (verdict !== 'fresh') {
      const why = verdict === 'ahead' ? 'ahead of our clock beyond the allowed skew' : 'outside the replay window';
      throw new BotError(ErrorCodes.WECHAT_MP_TIMESTAMP_STALE, `wechat-mp: timestamp ${why}`, [`timestamp ${verdict}`]);
    }
  };

  // Only after every other check, so a request refused for another reason (or a 503 before
  // start, which WeChat retries) does not bind its URL. `unsigned` is what the signature
  // leaves out, the method included, so a handshake's URL never carries a message.
  const once = async (query: SignedQuery, unsigned: string): Promise<void> => {
    const verdict = await options.replays.admit(query.timestamp ?? '', query.nonce ?? '', unsigned);
    if (verdict === 'refused') {
      throw new BotError(ErrorCodes.WECHAT_MP_REPLAYED, 'wechat-mp: a signed URL used before with another request; refused as a replay', [
        'timestamp',
        'nonce',
      ]);
    }
    if (verdict === 'again') logger.info('wechat-mp: the same signed request again (WeChat retrying); passed to the message dedup');
  };

  const refuse = (request: Request, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof BotError)) throw error;
    const status = STATUS[error.code] ?? 400;
    logger[status === 500 ? 'error' : 'warn'](
      { code: error.code, status, method: request.method, remote: request.ip, reason: error.details.join(', ') },
      `wechat-mp: request refused: ${error.message}`,
    );
    return reply.code(status).type('text/plain').send(BODY[status] ?? 'bad request');
  };

  return async (instance: FastifyInstance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_XML_CHARS }, (_request, body, parsed) => parsed(null, body));

    // fastify's per-request log lines would carry the query string: the person's OpenID and signatures.
    const quiet = { logLevel: 'warn' as const };

    instance.get(options.path, quiet, async (request: Request, reply) => {
      try {
        verify(request.query);
        // A handshake's URL is signed as a message's is: bound here, it cannot carry a message (or another echostr) later.
        await once(request.query, `GET\n${request.query.echostr ?? ''}`);
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
        if (!options.accepting()) return reply.code(503).type('text/plain').send('not ready');
        await once(request.query, `POST\n${request.body}`);
      } catch (error) {
        return refuse(request, reply, error);
      }
      const answering = options.onMessage(fields);
      if (!answering) return reply.code(503).type('text/plain').send('not ready');
      const passive = await answering;
      if (!passive) return reply.type('text/plain').send('success');
      const xml = sealReply(passiveXml(passive, fields, options.clock.now()), request.query, options.crypt);
      return reply.type('application/xml; charset=utf-8').send(xml);
    });
  };
}
