/**
 * The digest of the code behind some derived data (the knowledge snapshot, the token cache, the
 * learned model's snapshot): when a module that decides the data changes, or a package it reads
 * with, the digest changes and the cached data is computed afresh. One definition for every
 * cache, so they cannot differ in what counts as "the code changed".
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const digests = new Map<string, string>();
const require = createRequire(import.meta.url);

/**
 * SHA-256 over each module of `modules` (paths relative to `dir`, without extension: the `.js`
 * or `.ts` file there, as built or as source), named and in order, then the installed version
 * of each of `packages` ("absent" for one not installed). Read once per process.
 */
export function codeDigest(dir: string, modules: readonly string[], packages: readonly string[] = []): string {
  const key = JSON.stringify([dir, modules, packages]);
  const known = digests.get(key);
  if (known) return known;
  const hash = createHash('sha256');
  for (const base of modules) {
    for (const ext of ['.js', '.ts']) {
      const file = path.join(dir, `${base}${ext}`);
      if (fs.existsSync(file)) hash.update(base).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  }
  for (const name of packages) {
    let version = 'absent';
    try {
      version = (require(`${name}/package.json`) as { version: string }).version;
    } catch {
      // Not installed (an optional segmenter): that too is part of what the data was made with.
    }
    hash.update(`${name}@${version}\0`);
  }
  const digest = hash.digest('hex');
  digests.set(key, digest);
  return digest;
}
