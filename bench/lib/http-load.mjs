/**
 * `--http`: end-to-end load on the JSON API. Starts `legal-bot serve` (the HTTP server, the
 * production logger at info to a discarded stderr, recording into a SQLite store in a temp
 * DATA_DIR, the per-conversation and per-address limits off) and drives `POST /api/v1/messages`
 * with autocannon at 1, 10 and 100 connections: gold questions in turn, each request in one of
 * many conversations. Requests/s and latency (p50, p99) per level, to set beside the
 * in-process figures.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { BIN, KNOWLEDGE_DIR, MEASURED_ROOT } from './paths.mjs';
import { drawQuestions } from './gold.mjs';
import { percentile, round } from './stats.mjs';

const LEVELS = [1, 10, 100];
const CONVERSATIONS = 5_000;
const PLATFORM_KEYS = ['TELEGRAM_BOT_TOKEN', 'WECHATY_PUPPET', 'WECHAT_MP_TOKEN'];

/** Starts the server on a free port; resolves to `{url, stop}` once it announced its address. */
function startServer(dataDir) {
  const env = { ...process.env, KNOWLEDGE_DIR, DATA_DIR: dataDir, HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', HTTP_RATE_PER_MINUTE: '0' };
  for (const key of PLATFORM_KEYS) delete env[key];
  const child = spawn(BIN, ['--no-env-file', 'serve'], { cwd: MEASURED_ROOT, env, stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`legal-bot serve did not announce an address: ${out}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`legal-bot serve exited ${code}: ${out}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /(http:\/\/[^\s/]+\/)/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      const stop = () => new Promise((done) => {
        child.removeAllListeners('exit');
        child.once('exit', done);
        child.kill('SIGTERM');
      });
      resolve({ url, stop });
    });
  });
}

/**
 * One autocannon run; `n` counts requests across runs so questions and conversations keep
 * turning. Latencies are kept from each response (autocannon's own histogram has whole
 * milliseconds, too coarse for a server answering in well under one).
 */
function load(url, connections, seconds, questions, counter) {
  const latencies = [];
  const statuses = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}api/v1/messages`,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest(request) {
              const i = (counter.n += 1);
              const body = JSON.stringify({ conversation: `bench-${String(i % CONVERSATIONS).padStart(5, '0')}`, text: questions[i % questions.length] });
              return { ...request, body };
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies, statuses })),
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  });
}

/** Returns `{levels: {c1: {requestsPerSecond, p50Ms, p99Ms, …}, …}, seconds}`. */
export async function measureHttp({ gold, tmp, seconds = 10, log }) {
  const questions = drawQuestions(gold.cases, 2_000, 11);
  const server = await startServer(path.join(tmp, 'http-data'));
  const counter = { n: 0 };
  const levels = {};
  try {
    log(`http: warm-up, then ${LEVELS.join(', ')} connections × ${seconds} s against ${server.url}api/v1/messages`);
    await load(server.url, 10, 3, questions, counter);
    for (const connections of LEVELS) {
      const { result: r, latencies, statuses } = await load(server.url, connections, seconds, questions, counter);
      levels[`c${connections}`] = {
        connections,
        requestsPerSecond: round(r.requests.average, 0),
        p50Ms: round(percentile(latencies, 50), 3),
        p99Ms: round(percentile(latencies, 99), 3),
        maxMs: round(percentile(latencies, 100), 1),
        requests: r.requests.total,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        statuses,
      };
    }
  } finally {
    await server.stop();
  }
  return { seconds, levels };
}

/** The HTTP figures as table lines, with the in-process ones beside them. */
export function formatHttp(h, inProcess) {
  if (!h) return [];
  const num = (x, d = 0) => (x === null || x === undefined ? 'n/a' : x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }));
  return [
    `HTTP: POST /api/v1/messages through \`legal-bot serve\` (autocannon, ${h.seconds} s per level, varied gold questions)`,
    `  connections   requests/s   p50 ms   p99 ms   max ms   errors/non-2xx`,
    ...Object.values(h.levels).map((l) =>
      `  ${String(l.connections).padStart(11)}  ${num(l.requestsPerSecond).padStart(11)}  ${num(l.p50Ms, 2).padStart(7)}  ${num(l.p99Ms, 2).padStart(7)}  ${num(l.maxMs, 1).padStart(7)}   ${l.errors}/${l.non2xx}${l.non2xx ? ` (${Object.entries(l.statuses).map(([s, n]) => `${s}: ${n}`).join(', ')})` : ''}`),
    `  in process (real KB): handle() p50 ${num(inProcess.p50Us)} µs, p99 ${num(inProcess.p99Us)} µs; fake transport ${num(inProcess.c1)} / ${num(inProcess.c100)} messages/s at 1 / 100 conversations`,
    '',
  ];
}
