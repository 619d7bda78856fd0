/**
 * Runs the CLI in-process against the sources, like a person at a terminal would run
 * `bin/legal-bot`: `await runCli(['ask', '…'])` gives the exit code and what was printed.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../cli/io.js';
import { runCli as run } from '../../cli/program.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Standard input, all at once (a pipe); or a stream the test writes to. */
  input?: string | Readable;
  env?: Record<string, string>;
  cwd?: string;
  /** Where the test emits SIGHUP / SIGINT. */
  signals?: EventEmitter;
  /** Called with everything printed on stdout so far, at each chunk. */
  onStdout?: (text: string) => void;
  /** The same for stderr (logs). */
  onStderr?: (text: string) => void;
}

/** A data directory of the test's own, never the repository's ./data. */
export function tempDataDir(prefix = 'qlb-cli-data-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Runs `args` (`--no-env-file` is added unless an env file is named). */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    options.onStdout?.(out);
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    options.onStderr?.(err);
  });
  const input = options.input;
  const io: CliIo = {
    stdout,
    stderr,
    stdin: typeof input === 'string' || input === undefined ? Readable.from([input ?? '']) : input,
    env: { LOG_LEVEL: 'warn', ...options.env },
    cwd: options.cwd ?? process.cwd(),
    signals: options.signals ?? new EventEmitter(),
  };
  const withEnvFlag = args[0] === '--env-file' ? args : ['--no-env-file', ...args];
  const code = await run(withEnvFlag, io);
  await new Promise((resolve) => setImmediate(resolve));
  return { code, stdout: out, stderr: err };
}
