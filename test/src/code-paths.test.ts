/**
 * Strings that name files by path, where a file moved away would be skipped without a word:
 * the code digests that key the caches (a missing file would leave the digest, and a change to
 * it would no longer rebuild the cache), the worker thread's entry modules, the compiled
 * modules the benchmarks and the build scripts import, and the folders the type check, the
 * build and the cycle check read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OTHER_CODE } from '../../src/answer/knowledge/knowledge-snapshot.js';
import { CODE as TOKEN_CODE } from '../../src/answer/match/token-cache.js';
import { CODE as MODEL_CODE } from '../../src/answer/model/model-snapshot.js';
import { SYLLABLE_TABLE_FILE } from '../../src/answer/read/syllables.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const exists = (relative: string) => fs.existsSync(path.join(ROOT, relative));
const missing = (files: string[]) => files.filter((file) => !exists(file));

function filesUnder(dir: string, pattern: RegExp): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .map((name) => path.posix.join(dir, name.split(path.sep).join('/')))
    .filter((file) => pattern.test(file));
}

describe('paths written in strings', () => {
  it.each([
    ['src/answer/knowledge', OTHER_CODE],
    ['src/answer/match', TOKEN_CODE],
    ['src/answer/model', MODEL_CODE],
  ])('every module of the code digest of %s is there', (dir, bases) => {
    expect(bases.length).toBeGreaterThan(0);
    expect(missing(bases.map((base) => path.posix.join(dir, `${base}.ts`)))).toEqual([]);
  });

  it("every module a worker thread starts from (new URL('./…', import.meta.url)) is there", () => {
    // Code, not comments (worker-thread.ts shows an example in its TSDoc).
    const code = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^\s*(\*|\/\/).*$/gm, '');
    const entries = filesUnder('src', /\.ts$/).flatMap((file) =>
      [...code(file).matchAll(/new URL\('(\.{1,2}\/[^']+\.js)', import\.meta\.url\)/g)].map((m) =>
        path.posix.join(path.posix.dirname(file), (m[1] as string).replace(/\.js$/, '.ts')),
      ),
    );
    expect(entries).toContain('src/service/reload/knowledge-worker.ts');
    expect(missing(entries)).toEqual([]);
  });

  it('every compiled module the benchmarks and scripts import has its source', () => {
    // Less bench/lib/paths.mjs's list of where modules stood before they moved (for --compare).
    const code = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/const BEFORE_THE_MOVE = \{[^}]*\};/, '');
    const named = [...filesUnder('bench', /\.mjs$/), ...filesUnder('scripts', /\.mjs$/)].flatMap((file) =>
      [...code(file).matchAll(/['"](?:(?:\.\.\/)+dist\/|dist\/)?(src\/[\w/.-]+)\.js['"]/g)].map((m) => `${m[1]}.ts`),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(missing(named)).toEqual([]);
  });

  it('the folders tsconfig, the build and the cycle check read are there, and the syllable table', () => {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { include: string[]; scripts: Record<string, string> };
    const madge = (read('package.json').scripts.cycles ?? '').split(/\s+/).slice(4);
    const checks = /madge --circular --extensions ts ([\w\s-]+?) >/.exec(fs.readFileSync(path.join(ROOT, 'scripts/checks.sh'), 'utf8'))?.[1]?.split(/\s+/) ?? [];
    expect(checks).toEqual(madge);
    expect(missing([...read('tsconfig.json').include, ...read('tsconfig.build.json').include, ...madge, SYLLABLE_TABLE_FILE])).toEqual([]);
  });
});
