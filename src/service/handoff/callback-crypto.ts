/**
 * A callback's phone number sealed at rest: AES-256-GCM under the first key of CALLBACK_KEYS;
 * the other keys only open numbers sealed before a rotation (README "Callbacks"). A sealed
 * number names its key by a short digest, never the key.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Keys as configured: 64 hex characters each, the first seals. */
export interface Sealer {
  seal(plain: string): string;
  /** The plain text, or undefined when no configured key opens it (rotated away, tampered). */
  open(sealed: string): string | undefined;
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('base64url').slice(0, 8);

/** A sealer over `hexKeys` (at least one). */
export function createSealer(hexKeys: readonly string[]): Sealer {
  const keys = hexKeys.map((hex) => Buffer.from(hex, 'hex'));
  const current = keys[0];
  if (!current || keys.some((key) => key.length !== 32)) throw new Error('CALLBACK_KEYS: each key is 64 hex characters');
  const byId = new Map(keys.map((key) => [keyId(key), key]));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', keyId(current), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    open(sealed) {
      const [version, id, iv, tag, body] = sealed.split('.');
      const key = id ? byId.get(id) : undefined;
      if (version !== 'v1' || !key || !iv || !tag || body === undefined) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
