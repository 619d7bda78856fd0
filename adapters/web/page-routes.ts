/**
 * The resident chat page: `/` (index.html with the retention days filled in) and its script
 * and style under `/static/`. Asset URLs carry a hash of their content, so WeChat's
 * aggressive cache never serves an old script to a new page.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';

/** The page's files: beside this module in the sources, in the package's sources when run from dist/. */
export function publicDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, 'public');
  return fs.existsSync(beside) ? beside : path.resolve(here, '../../../adapters/web/public');
}

/** index.html with its placeholders filled. */
export function renderPage(dir: string, retentionDays: number): string {
  const version = createHash('sha256');
  for (const file of fs.readdirSync(dir).sort()) version.update(fs.readFileSync(path.join(dir, file)));
  return fs
    .readFileSync(path.join(dir, 'index.html'), 'utf8')
    .replaceAll('{{RETENTION_DAYS}}', String(retentionDays))
    .replaceAll('{{VERSION}}', version.digest('hex').slice(0, 10));
}

/** Registers `/` and `/static/*`. */
export const pageRoutes: FastifyPluginAsync<{ retentionDays: number }> = async (fastify, { retentionDays }) => {
  const root = publicDir();
  const page = renderPage(root, retentionDays);
  fastify.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page));
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/static/',
    index: false,
    allowedPath: (pathname) => pathname !== '/index.html',
    maxAge: '7d',
    immutable: true,
  });
};
