/**
 * `/healthz`: the process is up and serving. `/readyz`: it can answer, as the composition root
 * judges (knowledge loaded); 503 with the failing checks otherwise, so a load balancer or
 * service manager keeps traffic away until it is. A failing optional check (the store, Redis:
 * answering goes on without them) gives 200 with status `degraded`, so an outage of a shared
 * server never takes every instance out of the load balancer; monitoring alerts on it.
 */
import type { FastifyPluginAsync } from 'fastify';

/** One readiness check: `detail` says what was seen (counts, a reason). */
export interface ReadinessCheck {
  ok: boolean;
  detail?: string;
  /** Answering goes on while it fails: the instance is `degraded`, not out of service. */
  optional?: boolean;
}

/** Runs every readiness check; named results. */
export type Readiness = () => Record<string, ReadinessCheck> | Promise<Record<string, ReadinessCheck>>;

/** Registers `/healthz` and `/readyz`. */
export const healthRoutes: FastifyPluginAsync<{ readiness: Readiness }> = async (fastify, { readiness }) => {
  const started = Date.now();
  fastify.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) };
  });
  fastify.get('/readyz', async (_request, reply) => {
    const checks = await readiness();
    const failing = Object.values(checks).filter((check) => !check.ok);
    const status = failing.length === 0 ? 'ready' : failing.every((check) => check.optional) ? 'degraded' : 'not-ready';
    reply.header('cache-control', 'no-store').code(status === 'not-ready' ? 503 : 200);
    return { status, checks };
  });
};
