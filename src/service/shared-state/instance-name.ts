/**
 * The name an instance gives itself in locks and broadcasts: host and process id (what an
 * operator looks for), plus a random part so a restarted process never passes for the old one.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** A new name, e.g. `web-1#4242-9f2c`. */
export function instanceName(): string {
  return `${os.hostname()}#${process.pid}-${randomBytes(2).toString('hex')}`;
}
