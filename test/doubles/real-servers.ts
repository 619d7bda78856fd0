/**
 * Real Redis and PostgreSQL servers for tests, each on a free local port in a temporary
 * directory, started once per test file and stopped after it. Neither can listen on port 0
 * and report the port it got, so a port is picked free and the server counts as started only
 * once the one answering there is ours (its pid, its data directory); when another process
 * took the port meanwhile, ours exits and the next free port is tried. `.ci/run` installs Debian's
 * `redis-server` and `postgresql`; where they are missing the tests that need them are
 * skipped with a message saying so. PostgreSQL refuses to run as root, so under root its
 * directory belongs to the `postgres` user (or `nobody`) and its processes run as that user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** A TCP port free on 127.0.0.1 when asked, for a server that cannot listen on port 0 (see above). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined;

/** Directory of the newest PostgreSQL server binaries, if any. */
function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (fs.existsSync(path.join(root, version, 'bin', 'initdb'))) return path.join(root, version, 'bin');
  const initdb = onPath('initdb');
  return initdb ? path.dirname(fs.realpathSync(initdb)) : undefined;
}

/** Why the real servers cannot run here, or undefined when they can. */
export function missingServers(): string | undefined {
  const missing = [...(onPath('redis-server') ? [] : ['redis-server']), ...(postgresBin() ? [] : ['postgresql'])];
  return missing.length === 0 ? undefined : `not installed: ${missing.join(', ')} (.ci/run installs them)`;
}

/** Raised when the server exited while starting: its port was taken after all. */
class PortTaken extends Error {}

/** Starts a server on a free port, trying another when the port was taken before the server bound it. */
async function onFreePort<T>(start: (port: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start(await freePort());
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt === 5) throw error;
    }
  }
}

/** Polls `ready` (a readiness probe, not a guess of time) until true; PortTaken when `child` exits first. */
async function waitFor(ready: () => Promise<boolean>, what: string, child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new PortTaken(`${what} exited while starting`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not start within ${timeoutMs} ms`);
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));

export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Stops it: `kill` at once (SIGKILL, as a crash), else a clean shutdown. */
  stop(how?: 'kill' | 'clean'): Promise<void>;
  /** Starts it again on the same port (empty: no persistence). */
  start(): Promise<void>;
  /** Freezes it (SIGSTOP): connections stay open and nothing answers, as a hung server or a partition. */
  pause(): void;
  /** Lets a frozen server go on (SIGCONT). */
  resume(): void;
  /** Stops it for good and removes its directory. */
  close(): Promise<void>;
}

/** True when the Redis answering on `port` is the process `pid` (not another test's). */
async function answersAs(port: number, pid: number | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket.once('error', () => resolve(false));
    socket.on('data', (data) => {
      text += data.toString();
      const found = /\r\nprocess_id:(\d+)\r\n/.exec(text);
      if (!found && !text.startsWith('-')) return;
      socket.destroy();
      resolve(Number(found?.[1]) === pid);
    });
    socket.write('INFO server\r\n');
  });
}

/** Starts a throw-away redis-server. */
export async function startRedis(): Promise<RedisServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-redis-'));
  let child: ChildProcess | undefined;
  const startOn = async (port: number) => {
    const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    child = started;
    await waitFor(() => answersAs(port, started.pid), 'redis-server', started);
    return port;
  };
  const port = await onFreePort(startOn);
  const start = async () => void (await startOn(port));
  const stop = async (how: 'kill' | 'clean' = 'clean') => {
    if (!child) return;
    const running = child;
    child = undefined;
    running.kill(how === 'kill' ? 'SIGKILL' : 'SIGTERM');
    await exited(running);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async close() {
      child?.kill('SIGCONT');
      await stop('kill');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PostgresServer {
  readonly port: number;
  /** A new empty database; its URL. */
  createDatabase(name: string): Promise<string>;
  /** Runs SQL as the superuser on the `postgres` database. */
  admin(sql: string): Promise<void>;
  /** Shuts the server down, keeping its data (an outage). */
  down(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  up(): Promise<void>;
  /** Stops it for good and removes its directory. */
  stop(): Promise<void>;
}

/** Starts a throw-away PostgreSQL cluster (initdb, then `postgres` in the foreground). */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-pg-'));
  const owner = process.getuid?.() === 0 ? userIds() : undefined;
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const as = owner ? { uid: owner.uid, gid: owner.gid } : {};
  const data = path.join(dir, 'data');
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'qlb', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], { ...as, encoding: 'utf8', cwd: dir });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  let port = 0;
  const settings = () => ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  let child: ChildProcess | undefined;
  const url = (database: string) => `postgres://qlb@127.0.0.1:${port}/${database}`;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const admin = async (sql: string) => void (await query(sql));
  /** True when the server answering on the port is ours (another test's has another data directory). */
  const ours = async () => (await query('SHOW data_directory')).rows[0]?.data_directory === data;
  const up = async () => {
    const started = spawn(path.join(bin, 'postgres'), ['-D', data, ...settings()], { ...as, stdio: 'ignore', cwd: dir });
    child = started;
    await waitFor(ours, 'postgres', started);
  };
  const down = async () => {
    if (!child) return;
    const running = child;
    child = undefined;
    running.kill('SIGINT'); // fast shutdown: connections closed, data kept
    await exited(running);
  };
  port = await onFreePort(async (free) => {
    port = free;
    await up();
    return free;
  });
  return {
    port,
    admin,
    async createDatabase(name) {
      await admin(`CREATE DATABASE ${name}`);
      return url(name);
    },
    up,
    down,
    async stop() {
      await down();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function userIds(): { uid: number; gid: number } {
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && group.status === 0) return { uid: Number(id.stdout.trim()), gid: Number(group.stdout.trim()) };
  }
  throw new Error('running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}
