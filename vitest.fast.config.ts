/**
 * The fast tier (`npm run test:fast`, ≤ 30 s on 2 cores): everything that runs in this process
 * alone. Left to `npm test` (what CI runs): the CLI tests (child processes, dist/), and every
 * file that starts a real server, a browser or another process, found by what it imports or
 * calls, so a new test of that kind goes to the full tier without anyone listing it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

/** What marks a test file as needing more than this process. */
const SLOW = /doubles\/(real-servers|serve-instance)|playwright|from 'node:child_process'|\brunCli\(|\bstartServe\(/;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(file);
    return entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

const slow = testFiles('test').filter((file) => file.startsWith(path.join('test', 'cli')) || SLOW.test(fs.readFileSync(file, 'utf8')));

export default mergeConfig(base, defineConfig({ test: { exclude: ['**/node_modules/**', ...slow] } }));
