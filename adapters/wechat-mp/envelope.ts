/**
 * What travels in WeChat's requests and our answers: the message XML in plaintext mode, or
 * wrapped as `<Encrypt>` with a msg_signature when the request says `encrypt_type=aes`
 * (safe mode, and compatible mode which also carries the plaintext: the encrypted copy wins).
 */
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { MsgCrypt } from './msg-crypt.js';
import type { Passive } from './plan-reply.js';
import { buildXml, parseXmlFields, type XmlFields } from './xml.js';

/** The query string WeChat signs every request with. */
export interface SignedQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
  openid?: string;
  encrypt_type?: string;
  msg_signature?: string;
}

/** True when the request body is encrypted (safe or compatible mode). */
export const isEncrypted = (query: SignedQuery) => (query.encrypt_type ?? '').toLowerCase() === 'aes';

/**
 * The message fields of a request body, decrypted when encrypted. With a key (`crypt`) only
 * an encrypted body is read: the plaintext is covered by no signature, so reading it when
 * the `Encrypt` part is missing would let anyone holding a signed URL choose the message.
 * @throws BotError for bad XML, a plaintext body while a key is set, a missing key, a wrong
 * msg_signature, or a failed decryption.
 */
export function openEnvelope(body: string, query: SignedQuery, crypt: MsgCrypt | undefined): XmlFields {
  const outer = parseXmlFields(body);
  if (crypt && (!isEncrypted(query) || !outer.Encrypt)) {
    throw new BotError(ErrorCodes.WECHAT_MP_PLAINTEXT_REFUSED, 'wechat-mp: a plaintext message while WECHAT_MP_AES_KEY is set (safe mode); refused', [
      isEncrypted(query) ? 'Encrypt' : 'encrypt_type',
    ]);
  }
  if (!isEncrypted(query)) return outer;
  if (!crypt) {
    throw new BotError(ErrorCodes.WECHAT_MP_AES_KEY_MISSING, 'wechat-mp: an encrypted message arrived; set WECHAT_MP_AES_KEY', [
      'WECHAT_MP_AES_KEY',
    ]);
  }
  const encrypted = outer.Encrypt;
  if (!encrypted) throw new BotError(ErrorCodes.WECHAT_MP_XML_INVALID, 'wechat-mp: encrypted request without <Encrypt>', ['Encrypt']);
  if (!crypt.verify(query.msg_signature, query.timestamp ?? '', query.nonce ?? '', encrypted)) {
    throw new BotError(ErrorCodes.WECHAT_MP_SIGNATURE_INVALID, 'wechat-mp: wrong msg_signature', ['msg_signature']);
  }
  return parseXmlFields(crypt.decrypt(encrypted));
}

/** The passive reply's XML: to the person, from the account that received the message. */
export function passiveXml(passive: Passive, message: XmlFields, nowMs: number): string {
  const head = {
    ToUserName: message.FromUserName ?? '',
    FromUserName: message.ToUserName ?? '',
    CreateTime: Math.floor(nowMs / 1000),
  };
  if (passive.type === 'transfer') return buildXml({ ...head, MsgType: 'transfer_customer_service' });
  return buildXml({ ...head, MsgType: 'text', Content: passive.content });
}

/** Wraps a reply for an encrypted request, signed with the request's timestamp and nonce. */
export function sealReply(xml: string, query: SignedQuery, crypt: MsgCrypt | undefined): string {
  if (!isEncrypted(query) || !crypt) return xml;
  const timestamp = query.timestamp ?? '';
  const nonce = query.nonce ?? '';
  const encrypted = crypt.encrypt(xml);
  return buildXml({
    Encrypt: encrypted,
    MsgSignature: crypt.sign(timestamp, nonce, encrypted),
    TimeStamp: Number(timestamp),
    Nonce: nonce,
  });
}
