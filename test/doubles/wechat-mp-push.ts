/**
 * WeChat's side of an official account: signs (and in safe or compatible mode encrypts)
 * requests the way WeChat's servers do and sends them to the adapter's routes through
 * fastify's inject; reads the passive reply back, checking its MsgSignature and decrypting it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MsgCrypt } from '../../adapters/wechat-mp/msg-crypt.js';
import { sha1Signature } from '../../adapters/wechat-mp/signature.js';
import { buildXml, parseXmlFields, type XmlFields } from '../../adapters/wechat-mp/xml.js';

export type Mode = 'plain' | 'compatible' | 'safe';

export interface Pushed {
  status: number;
  body: string;
  /** The passive reply's fields (decrypted); undefined when the answer is `success` or an error. */
  reply?: XmlFields;
  /** True when the passive reply came encrypted. */
  encrypted: boolean;
}

export interface PushOptions {
  /** Seconds since the epoch to sign with (default now): an old one is a replay. */
  timestamp?: number;
  /** The nonce to sign with (default a fresh random one): reusing one with its timestamp is a replay. */
  nonce?: string;
  /** A signature to send instead of the right one. */
  signature?: string;
  msgSignature?: string;
}

export interface WechatPusher {
  readonly account: string;
  /** The signed POST of a message given by its fields, as WeChat would send it (to send, or to send again). */
  request(fields: Record<string, string | number>, mode?: Mode, options?: PushOptions): SignedRequest;
  /** Sends a request made by {@link WechatPusher.request} (a replay when sent twice). */
  send(request: SignedRequest): Promise<Pushed>;
  /** POSTs a message given by its fields. */
  post(fields: Record<string, string | number>, mode?: Mode, options?: PushOptions): Promise<Pushed>;
  /** A text message from `openId` with a fresh MsgId (or the one given, as WeChat's retries carry). */
  text(openId: string, content: string, options?: { mode?: Mode; msgId?: string }): Promise<Pushed>;
  /** An event (subscribe, CLICK...) from `openId`. */
  event(openId: string, event: string, key?: string, mode?: Mode): Promise<Pushed>;
  /** The GET handshake of the admin's "submit"; resolves with the status and body. */
  verifyUrl(options?: PushOptions & { echostr?: string }): Promise<{ status: number; body: string }>;
}

/** A POST as fastify's inject takes it: query string, XML body. */
export interface SignedRequest {
  method: 'POST';
  url: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  payload: string;
}

let nextMsgId = 24_000_000_000_000_000n;

/** Creates the pusher for an adapter mounted on `server` at `path`. */
export function createWechatPusher(options: {
  server: Pick<FastifyInstance, 'inject'>;
  path: string;
  token: string;
  crypt?: MsgCrypt;
  /** How messages go when a call names no mode (default plain): safe for an adapter with a key, as WeChat then sends. */
  mode?: Mode;
}): WechatPusher {
  const account = 'gh_qujiang000001';
  const signed = (push: PushOptions = {}) => {
    const timestamp = String(push.timestamp ?? Math.floor(Date.now() / 1000));
    const nonce = push.nonce ?? randomBytes(5).readUInt32BE(0).toString();
    const signature = push.signature ?? sha1Signature(options.token, timestamp, nonce);
    return { timestamp, nonce, signature };
  };

  const readReply = (body: string): Pick<Pushed, 'reply' | 'encrypted'> => {
    if (!body.startsWith('<xml>')) return { encrypted: false };
    const outer = parseXmlFields(body);
    if (outer.Encrypt === undefined) return { reply: outer, encrypted: false };
    const { crypt } = options;
    if (!crypt) throw new Error('encrypted reply without a key');
    if (!crypt.verify(outer.MsgSignature, outer.TimeStamp ?? '', outer.Nonce ?? '', outer.Encrypt)) throw new Error('reply MsgSignature is wrong');
    return { reply: parseXmlFields(crypt.decrypt(outer.Encrypt)), encrypted: true };
  };

  const request: WechatPusher['request'] = (fields, mode = options.mode ?? 'plain', push = {}) => {
    const { timestamp, nonce, signature } = signed(push);
    const query: Record<string, string> = { signature, timestamp, nonce, openid: String(fields.FromUserName ?? '') };
    let payload = buildXml(fields);
    if (mode !== 'plain') {
      if (!options.crypt) throw new Error(`${mode} mode needs a key`);
      const encrypted = options.crypt.encrypt(payload);
      query.encrypt_type = 'aes';
      query.msg_signature = push.msgSignature ?? options.crypt.sign(timestamp, nonce, encrypted);
      payload = buildXml(mode === 'safe' ? { ToUserName: account, Encrypt: encrypted } : { ...fields, Encrypt: encrypted });
    }
    return { method: 'POST', url: options.path, query, headers: { 'content-type': 'text/xml' }, payload };
  };

  const send: WechatPusher['send'] = async (signedRequest) => {
    const response = await options.server.inject(signedRequest);
    return { status: response.statusCode, body: response.body, ...readReply(response.body) };
  };

  const post: WechatPusher['post'] = (fields, mode, push) => send(request(fields, mode, push));

  const head = (openId: string) => ({ ToUserName: account, FromUserName: openId, CreateTime: Math.floor(Date.now() / 1000) });

  return {
    account,
    request,
    send,
    post,
    text(openId, content, textOptions = {}) {
      nextMsgId += 1n;
      const MsgId = textOptions.msgId ?? String(nextMsgId);
      return post({ ...head(openId), MsgType: 'text', Content: content, MsgId }, textOptions.mode);
    },
    event(openId, event, key, mode) {
      return post({ ...head(openId), MsgType: 'event', Event: event, ...(key === undefined ? {} : { EventKey: key }) }, mode);
    },
    async verifyUrl(push = {}) {
      const { timestamp, nonce, signature } = signed(push);
      const echostr = push.echostr ?? '5837397749332118461';
      const response = await options.server.inject({ method: 'GET', url: options.path, query: { signature, timestamp, nonce, echostr } });
      return { status: response.statusCode, body: response.body };
    },
  };
}
