/**
 * Prometheus metrics of one bot process (prom-client, a registry of its own so nothing is
 * global): messages by reply kind, reply latency, the fallback rate, knowledge reloads and
 * store failures, plus the process defaults (memory, CPU, event loop lag). Fed by the app's
 * hooks ({@link AppHooks}), so every adapter's messages count, not only the web's.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AppHooks } from '../../src/app-hooks.js';
import type { RedisHealth } from '../../src/service/redis/redis-connection.js';
import type { StoreHealth } from '../../src/service/store/message-store.js';

/** Reply kinds that answer a question: the denominator of the fallback rate. */
const QUESTION_KINDS: ReadonlySet<string> = new Set(['answer', 'clarify', 'fallback']);

export interface Metrics {
  readonly registry: Registry;
  /** Pass to `createApp` so handled messages and reloads are counted. */
  readonly hooks: AppHooks;
  /** Where store failures are read from at each scrape (the app's store, once it exists). */
  watchStore(health: () => StoreHealth): void;
  /** Where Redis's health is read from at each scrape (undefined: nothing shared). */
  watchShared(health: () => RedisHealth | undefined): void;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** Creates the metrics; `defaults: false` leaves out the process metrics (tests). */
export function createMetrics(options: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.defaults !== false) collectDefaultMetrics({ register: registry });
  let storeHealth: (() => StoreHealth) | undefined;
  let sharedHealth: (() => RedisHealth | undefined) | undefined;
  let droppedSeen = 0;
  let spilledSeen = 0;
  let questions = 0;
  let fallbacks = 0;
  let storeFailuresSeen = 0;

  const messages = new Counter({
    name: 'qlb_messages_total',
    help: 'Messages handled, by adapter, inbound kind and reply kind.',
    labelNames: ['adapter', 'inbound', 'kind'] as const,
    registers,
  });
  const latency = new Histogram({
    name: 'qlb_reply_duration_seconds',
    help: 'Time from receiving a message to its reply, by adapter.',
    labelNames: ['adapter'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  new Gauge({
    name: 'qlb_fallback_ratio',
    help: 'Share of questions (answer, clarify, fallback replies) answered with fallback since start.',
    registers,
    collect() {
      this.set(questions === 0 ? 0 : fallbacks / questions);
    },
  });
  const reloads = new Counter({
    name: 'qlb_knowledge_reloads_total',
    help: 'Knowledge reloads, by outcome (ok: new knowledge built; unchanged: the folder was as loaded, nothing built; refused).',
    labelNames: ['outcome'] as const,
    registers,
  });
  new Counter({
    name: 'qlb_store_failures_total',
    help: 'Failed opens, writes and purges of the message store.',
    registers,
    collect() {
      const failures = storeHealth?.().failures ?? 0;
      if (failures > storeFailuresSeen) this.inc(failures - storeFailuresSeen);
      storeFailuresSeen = Math.max(storeFailuresSeen, failures);
    },
  });
  new Gauge({
    name: 'qlb_store_queued',
    help: 'Records waiting in memory for the message store (grows while it cannot be written).',
    registers,
    collect() {
      this.set(storeHealth?.().queued ?? 0);
    },
  });
  new Counter({
    name: 'qlb_store_spilled_total',
    help: 'Records kept in the spill file (DATA_DIR/unwritten/) because the store could not take them: written by a later start.',
    registers,
    collect() {
      const spilled = storeHealth?.().spilled ?? 0;
      if (spilled > spilledSeen) this.inc(spilled - spilledSeen);
      spilledSeen = Math.max(spilledSeen, spilled);
    },
  });
  new Counter({
    name: 'qlb_store_dropped_total',
    help: 'Records lost: the store could not be written, the queue was full and the spill file could not be written either.',
    registers,
    collect() {
      const dropped = storeHealth?.().dropped ?? 0;
      if (dropped > droppedSeen) this.inc(dropped - droppedSeen);
      droppedSeen = Math.max(droppedSeen, dropped);
    },
  });
  new Gauge({
    name: 'qlb_dependency_up',
    help: '1 while a server the bot uses is reachable (store: writable; redis: connected and answering within REDIS_TIMEOUT_MS), else 0; answering goes on either way.',
    labelNames: ['dependency'] as const,
    registers,
    collect() {
      this.set({ dependency: 'store' }, storeHealth === undefined || storeHealth().writable ? 1 : 0);
      const redis = sharedHealth?.();
      if (redis) this.set({ dependency: 'redis' }, redis.state === 'ok' ? 1 : 0);
    },
  });
  reloads.inc({ outcome: 'ok' }, 0);
  reloads.inc({ outcome: 'refused' }, 0);
  reloads.inc({ outcome: 'unchanged' }, 0);

  return {
    registry,
    hooks: {
      onHandled({ message, reply, latencyMs }) {
        messages.inc({ adapter: message.adapter, inbound: message.kind, kind: reply.kind });
        latency.observe({ adapter: message.adapter }, latencyMs / 1000);
        if (QUESTION_KINDS.has(reply.kind)) {
          questions += 1;
          if (reply.kind === 'fallback') fallbacks += 1;
        }
      },
      onReload(outcome) {
        reloads.inc({ outcome: !outcome.ok ? 'refused' : outcome.unchanged ? 'unchanged' : 'ok' });
      },
    },
    watchStore(health) {
      storeHealth = health;
    },
    watchShared(health) {
      sharedHealth = health;
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
