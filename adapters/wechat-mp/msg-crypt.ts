/**
 * The safe-mode (安全模式) message encryption of official accounts (WeChat's WXBizMsgCrypt):
 * AES-256-CBC with the key base64-decoded from EncodingAESKey + "=", the IV its first 16
 * bytes; plaintext framed as random(16) + length(4, big-endian) + message + AppID and
 * padded PKCS#7-style to a multiple of 32 bytes (not AES's 16, so Node's padding is off).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BotError, ErrorCodes } from '../../src/errors.js';
import { sameSignature, sha1Signature } from './signature.js';

const BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;

export interface MsgCrypt {
  /** Encrypts a reply; `random` (16 bytes) only for reproducible tests. */
  encrypt(message: string, random?: Buffer): string;
  /** Decrypts an `Encrypt` text and checks it names our AppID. @throws BotError */
  decrypt(encrypted: string): string;
  /** The `msg_signature` / `MsgSignature` of an `Encrypt` text. */
  sign(timestamp: string, nonce: string, encrypted: string): string;
  /** True when `signature` is the msg_signature of `encrypted`. */
  verify(signature: unknown, timestamp: string, nonce: string, encrypted: string): boolean;
}

/** The 32-byte AES key of an EncodingAESKey (43 base64 characters). */
export function aesKeyOf(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey) || key.length !== 32) {
    throw new BotError(ErrorCodes.CONFIG_INVALID, 'WECHAT_MP_AES_KEY must be the 43-character EncodingAESKey', [
      'WECHAT_MP_AES_KEY',
    ]);
  }
  return key;
}

function pad(data: Buffer): Buffer {
  const amount = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(amount, amount)]);
}

function decryptFailed(reason: string, cause?: unknown): BotError {
  return new BotError(ErrorCodes.WECHAT_MP_DECRYPT_FAILED, `wechat-mp: cannot decrypt the message (${reason})`, [reason], { cause });
}

/** Creates the cipher of one account. @throws BotError QLB_CONFIG_INVALID for a malformed key. */
export function createMsgCrypt(options: { token: string; encodingAesKey: string; appId: string }): MsgCrypt {
  const key = aesKeyOf(options.encodingAesKey);
  const iv = key.subarray(0, 16);
  const appId = Buffer.from(options.appId, 'utf8');

  const sign = (timestamp: string, nonce: string, encrypted: string) =>
    sha1Signature(options.token, timestamp, nonce, encrypted);

  return {
    encrypt(message, random = randomBytes(RANDOM_BYTES)) {
      const body = Buffer.from(message, 'utf8');
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32BE(body.length);
      const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const plain = pad(Buffer.concat([random, length, body, appId]));
      return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
    },

    decrypt(encrypted) {
      const data = Buffer.from(encrypted, 'base64');
      if (data.length === 0 || data.length % 16 !== 0) throw decryptFailed('not whole AES blocks');
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
        plain = Buffer.concat([decipher.update(data), decipher.final()]);
      } catch (error) {
        throw decryptFailed('AES failed', error);
      }
      const amount = plain[plain.length - 1] ?? 0;
      if (amount < 1 || amount > BLOCK || amount > plain.length) throw decryptFailed('bad padding');
      const content = plain.subarray(0, plain.length - amount);
      if (content.length < RANDOM_BYTES + LENGTH_BYTES) throw decryptFailed('too short');
      const length = content.readUInt32BE(RANDOM_BYTES);
      const start = RANDOM_BYTES + LENGTH_BYTES;
      if (start + length > content.length) throw decryptFailed('length field beyond the data');
      const sender = content.subarray(start + length);
      if (!sender.equals(appId)) {
        throw new BotError(ErrorCodes.WECHAT_MP_APPID_MISMATCH, 'wechat-mp: the message was encrypted for another AppID', [
          'WECHAT_MP_APPID',
        ]);
      }
      return content.subarray(start, start + length).toString('utf8');
    },

    sign,
    verify: (signature, timestamp, nonce, encrypted) => sameSignature(signature, sign(timestamp, nonce, encrypted)),
  };
}
