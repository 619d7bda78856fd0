/**
 * The parent side: runs one worker in a fresh Node process (nothing warms it but itself) and
 * returns its JSON result, the wall time from spawn to its first output and to its exit.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { PRODUCTION_NODE_FLAGS } from './paths.mjs';

const WORKERS = new URL('../workers/', import.meta.url).pathname;

/** Workers that measure the bot as it runs: they get its production node flags (PRODUCTION_NODE_FLAGS). */
const AS_DEPLOYED = new Set(['cold-start', 'latency', 'throughput', 'faults']);

/** Options: args (object → --key value), env, execArgv, profileDir (adds --cpu-prof), timeoutMs. */
export function runWorker(name, { args = {}, env = {}, execArgv = [], profileDir, timeoutMs = 300_000 } = {}) {
  if (AS_DEPLOYED.has(name)) execArgv = [...PRODUCTION_NODE_FLAGS, ...execArgv];
  const flags = Object.entries(args).flatMap(([k, v]) => [`--${k}`, String(v)]);
  const prof = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Object.values(args).join('-').replace(/[^\w.-]+/g, '_').slice(-60)}.cpuprofile`] : [];
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const script = path.join(WORKERS, `${name}.mjs`);
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(process.execPath, [...execArgv, ...prof, script, ...flags], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    let firstOutputMs;
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk) => {
      firstOutputMs ??= ms();
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const exitMs = ms();
      const last = out.trim().split('\n').pop() ?? '';
      try {
        if (code !== 0) throw new Error(`exit ${code ?? signal}`);
        resolve({ result: JSON.parse(last), firstOutputMs, exitMs });
      } catch (error) {
        reject(new Error(`worker ${name} ${flags.join(' ')} failed: ${error.message}\n${err.slice(-2000)}${out.slice(-500)}`));
      }
    });
  });
}

/** Runs a command (e.g. the CLI) and returns its wall time from spawn to exit, with its output. */
export function timeCommand(file, argv, { env = {}, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === 0) resolve({ ms, out, err });
      else reject(new Error(`${file} ${argv.join(' ')} exited ${code}: ${err.slice(-1000)}`));
    });
  });
}
