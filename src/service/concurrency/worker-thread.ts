/**
 * Work that would hold the event loop for hundreds of milliseconds (checking the knowledge
 * base, segmenting its texts) runs in a worker thread (node:worker_threads), so residents are
 * answered meanwhile. One thread per entry module in a process, shared by whoever uses it,
 * started with the first job and ended after a quiet while (it holds a segmenter's 90 MB);
 * jobs run one after another in it. Requests and results cross as structured clones; an error
 * comes back with its message and, for a BotError, its code.
 *
 * From the compiled tree the entry is the `.js` beside the caller. From the TypeScript sources
 * (the tests run them) it is the `.ts`, which the thread loads through a small module hook
 * compiling each file with `typescript`'s transpileModule (kept by content in the temp
 * directory): the thread runs exactly the code the tests see, never a stale build.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { BotError, type ErrorCode } from '../../errors.js';

/** Marks a thread started here (a test runner's own worker threads have other data). */
const MARK = 'qlb-worker-thread';

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: { message: string; code?: ErrorCode; details?: string[] } };

export interface WorkerJobs<Request, Result> {
  /** Runs `request` in the thread; rejects with the job's error, or when the thread died. */
  run(request: Request): Promise<Result>;
  /** This user is done; the thread ends a quiet while after no user is left (it never keeps the process alive). */
  close(): Promise<void>;
}

/** In the entry module: answers the jobs the thread is sent with `handle` (does nothing on any other thread). */
export function serveJobs<Request, Result>(handle: (request: Request) => Promise<Result> | Result): void {
  if (!parentPort || (workerData as Record<string, unknown> | undefined)?.[MARK] !== true) return;
  const port = parentPort;
  port.on('message', async ({ id, request }: { id: number; request: Request }) => {
    try {
      port.postMessage({ id, ok: true, result: await handle(request) } satisfies Reply);
    } catch (error) {
      const { message, code, details } = error as { message?: string; code?: ErrorCode; details?: string[] };
      port.postMessage({ id, ok: false, error: { message: message ?? String(error), ...(error instanceof BotError ? { code, details } : {}) } } satisfies Reply);
    }
  });
}

/**
 * The module hook that loads the TypeScript sources in a thread (only ever used when running
 * from them): each file compiled once per content, kept in a folder of the temp directory, so
 * a thread started again (each test file may start one) loads in a moment.
 */
const TS_HOOKS = `
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
let ts;
let options;
export async function initialize(data) { options = data; }
export async function resolve(specifier, context, next) {
  try { return await next(specifier, context); } catch (error) {
    if (/^(\\.|file:)/.test(specifier) && specifier.endsWith('.js')) return next(specifier.slice(0, -3) + '.ts', context);
    throw error;
  }
}
async function compile(url, text) {
  const file = path.join(options.cacheDir, createHash('sha256').update(options.version).update(text).digest('hex') + '.js');
  try { return await readFile(file, 'utf8'); } catch {}
  ts ??= (await import(options.typescript)).default;
  const compilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true, sourceMap: false };
  const out = ts.transpileModule(text, { fileName: url, compilerOptions }).outputText;
  try {
    await mkdir(options.cacheDir, { recursive: true });
    await writeFile(file + '.' + process.pid, out);
    await rename(file + '.' + process.pid, file);
  } catch {}
  return out;
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  return { format: 'module', source: await compile(url, await readFile(new URL(url), 'utf8')), shortCircuit: true };
}`;
const TS_BOOT = `
import { register } from 'node:module';
import { workerData } from 'node:worker_threads';
register(workerData.hooks, { data: workerData.compile });
await import(workerData.entry);`;
const dataUrl = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

/** How to start the thread of `entry`: its compiled file, or its source through the hook. */
function plan(entry: URL): { url: URL; data: Record<string, unknown> } {
  const file = fileURLToPath(entry);
  if (fs.existsSync(file)) return { url: entry, data: { [MARK]: true } };
  const source = pathToFileURL(file.replace(/\.js$/, '.ts')).href;
  const require = createRequire(import.meta.url);
  const typescript = pathToFileURL(require.resolve('typescript')).href;
  const version = `typescript@${(require('typescript/package.json') as { version: string }).version}`;
  const cacheDir = path.join(os.tmpdir(), `qlb-worker-sources-${process.getuid?.() ?? 'user'}`);
  return { url: new URL(dataUrl(TS_BOOT)), data: { [MARK]: true, hooks: dataUrl(TS_HOOKS), entry: source, compile: { typescript, version, cacheDir } } };
}

interface Thread {
  users: number;
  worker?: Worker;
  pending: Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;
  next: number;
  idle?: NodeJS.Timeout;
}

const threads = new Map<string, Thread>();

function settleAll(thread: Thread, error: Error): void {
  for (const job of thread.pending.values()) job.reject(error);
  thread.pending.clear();
}

function start(entry: URL, thread: Thread): Worker {
  const { url, data } = plan(entry);
  const worker = new Worker(url, { workerData: data });
  worker.on('message', (reply: Reply) => {
    const job = thread.pending.get(reply.id);
    if (!job) return;
    thread.pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.result);
    else job.reject(reply.error.code ? new BotError(reply.error.code, reply.error.message, reply.error.details ?? []) : new Error(reply.error.message));
    if (thread.pending.size === 0) worker.unref();
  });
  // A thread that failed or ended fails its jobs; the next job starts another.
  worker.on('error', (error) => settleAll(thread, error));
  worker.on('exit', (code) => {
    if (thread.worker === worker) thread.worker = undefined;
    settleAll(thread, new Error(`worker thread ended (exit code ${code}) before answering`));
  });
  return worker;
}

/**
 * The thread of `entry` (a URL of the entry module's compiled `.js`, e.g.
 * `new URL('./x-worker.js', import.meta.url)`), shared with other users in this process.
 */
export function workerThread<Request, Result>(entry: URL, options: { idleMs?: number } = {}): WorkerJobs<Request, Result> {
  const idleMs = options.idleMs ?? 60_000;
  const key = entry.href;
  const thread: Thread = threads.get(key) ?? { users: 0, pending: new Map(), next: 0 };
  threads.set(key, thread);
  thread.users += 1;
  let closed = false;

  const stop = async () => {
    const worker = thread.worker;
    thread.worker = undefined;
    clearTimeout(thread.idle);
    if (worker) await worker.terminate();
  };
  /** Ends the thread after a quiet `idleMs`; until then it does not keep the process alive. */
  const idle = () => {
    clearTimeout(thread.idle);
    thread.worker?.unref();
    thread.idle = setTimeout(() => void stop(), idleMs).unref();
  };

  return {
    run(request) {
      if (closed) return Promise.reject(new Error('worker thread closed'));
      clearTimeout(thread.idle);
      const worker = (thread.worker ??= start(entry, thread));
      worker.ref();
      const id = (thread.next += 1);
      return new Promise<Result>((resolve, reject) => {
        thread.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        worker.postMessage({ id, request });
      }).finally(() => {
        if (thread.pending.size === 0) idle();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      thread.users -= 1;
      // The last user gone, the thread ends after its quiet while (unless a new user comes):
      // a process that opens apps one after another (the tests) starts it once.
      if (thread.users === 0 && thread.pending.size === 0) idle();
    },
  };
}
