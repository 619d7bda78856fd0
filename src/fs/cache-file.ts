/**
 * Files of derived data (the knowledge snapshot, the token cache): a header line of JSON, then
 * the body, in UTF-16: the text is mostly Chinese, so the file is no larger than in UTF-8, and
 * reading it back is a copy rather than a decode (60 ms of 14 MB). The header carries the
 * SHA-256 of the body's bytes, so a damaged file is never taken for a good one. Written to a
 * temporary name and renamed: a reader sees the old file or the new one, never half of one.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const NEWLINE = Buffer.from('\n', 'utf16le');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Writes `header` (with the body's checksum added) and `body` to `file`. @throws the file system's error */
export function writeCacheFile(file: string, header: Record<string, unknown>, body: string): void {
  const bodyBytes = Buffer.from(body, 'utf16le');
  const head = Buffer.from(`${JSON.stringify({ ...header, bodySha256: sha256(bodyBytes) })}\n`, 'utf16le');
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(partial, Buffer.concat([head, bodyBytes]), { mode: 0o600 });
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** The header and body of `file`; undefined when it is missing, not in this form, or its body does not match its checksum. */
export function readCacheFile(file: string): { header: Record<string, unknown>; body: string } | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  let at = bytes.indexOf(NEWLINE);
  while (at >= 0 && at % 2 !== 0) at = bytes.indexOf(NEWLINE, at + 1);
  if (at < 0) return undefined;
  try {
    const header = JSON.parse(bytes.toString('utf16le', 0, at)) as Record<string, unknown>;
    const bodyBytes = bytes.subarray(at + NEWLINE.length);
    if (typeof header !== 'object' || header === null || header.bodySha256 !== sha256(bodyBytes)) return undefined;
    return { header, body: bodyBytes.toString('utf16le') };
  } catch {
    return undefined;
  }
}
