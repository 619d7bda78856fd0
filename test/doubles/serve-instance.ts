/**
 * `serve` instances for tests that run several: in-process through the CLI (against the
 * sources), or as a child process of the built binary when a test must kill one outright
 * (SIGKILL). Both speak to their HTTP server through the JSON API.
 */
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from './cli.js';

export interface ServeInstance {
  /** The address printed, e.g. http://127.0.0.1:40123/ */
  readonly address: string;
  /** POST /api/v1/messages; the reply as JSON. */
  ask(conversation: string, text: string): Promise<Record<string, unknown> & { kind: string; text: string }>;
  /** GET a path; status and JSON body. */
  get(route: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** Everything logged on stderr so far. */
  logs(): string;
  /** Stops it as SIGTERM would; the exit code. */
  stop(): Promise<number>;
}

const ADDRESS = /(http:\/\/127\.0\.0\.1:\d+\/)/;

function client(address: string) {
  return {
    async ask(conversation: string, text: string) {
      const response = await fetch(`${address}api/v1/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ conversation, text }),
      });
      return (await response.json()) as Record<string, unknown> & { kind: string; text: string };
    },
    async get(route: string) {
      const response = await fetch(`${address}${route.replace(/^\//, '')}`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
  };
}

/** Starts `serve` in this process with `env` (HTTP_PORT 0 unless given). */
export async function startServe(env: Record<string, string>): Promise<ServeInstance> {
  const signals = new EventEmitter();
  let stderr = '';
  let printed: (address: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => (printed = resolve));
  const running = runCli(['serve'], {
    env: { HTTP_PORT: '0', ...env },
    signals,
    onStdout: (text) => {
      const found = ADDRESS.exec(text);
      if (found?.[1]) printed(found[1]);
    },
    onStderr: (text) => (stderr = text),
  });
  const address = await Promise.race([
    listening,
    running.then((result) => {
      throw new Error(`serve exited (${result.code}) before listening: ${result.stderr}`);
    }),
  ]);
  return {
    address,
    ...client(address),
    logs: () => stderr,
    async stop() {
      signals.emit('SIGTERM');
      return (await running).code;
    },
  };
}

const ROOT = new URL('../../', import.meta.url).pathname;

/** Throws when a source file is newer than its build, so a child process would run stale code. */
function assertBuilt(): void {
  const stale: string[] = [];
  // The folders the build compiles.
  const { include } = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
  for (const dir of include) {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts') || entry.name.endsWith('.d.ts')) continue;
      const source = path.join(entry.parentPath, entry.name);
      const built = path.join(ROOT, 'dist', path.relative(ROOT, source)).replace(/\.ts$/, '.js');
      if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < fs.statSync(source).mtimeMs) stale.push(path.relative(ROOT, source));
    }
  }
  if (stale.length > 0) throw new Error(`dist/ is older than ${stale.slice(0, 3).join(', ')}…: build first (npm test does; or npx tsc -p tsconfig.json)`);
}

/** A `serve` child process of the built binary, which the test may kill outright. */
export interface ServeProcess extends ServeInstance {
  kill(): Promise<void>;
}

/** Spawns `bin/legal-bot serve` with `env` (and PATH); resolves once it listens. */
export async function spawnServe(env: Record<string, string>): Promise<ServeProcess> {
  assertBuilt();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'legal-bot'), '--no-env-file', 'serve'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', HTTP_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  const address = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const found = ADDRESS.exec(stdout);
      if (found?.[1]) resolve(found[1]);
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${stderr}`)));
  });
  return {
    address,
    ...client(address),
    logs: () => stderr,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
