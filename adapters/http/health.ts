/**
 * `/healthz`: the process is up and serving. `/readyz`: it can answer, as the composition root
 * judges (knowledge loaded, store writable); 503 with the failing checks otherwise, so a load
 * balancer or service manager keeps traffic away until it is.
 */
import type { FastifyPluginAsync } from 'fastify';

/** One readiness check: `detail` says what was seen (counts, a reason). */
export interface ReadinessCheck {
  ok: boolean;
  detail?: string;
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
    const ready = Object.values(checks).every((check) => check.ok);
    reply.header('cache-control', 'no-store').code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks };
  });
};
