/**
 * What a command talks to: output streams, input, the environment and process signals.
 * The real process by default; tests run commands in-process with their own.
 */
import type { Readable, Writable } from 'node:stream';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable & { isTTY?: boolean };
  /** The environment; an env file adds to it (variables already set win). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where SIGINT, SIGTERM and SIGHUP arrive. */
  signals: Pick<NodeJS.EventEmitter, 'on' | 'once' | 'off'>;
}

/** The real process. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    signals: process,
  };
}
