import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'acorn';
import { describe, expect, it } from 'vitest';
import { createHttpServer } from '../../../adapters/http/create-http-server.js';
import { publicDir, renderPage } from '../../../adapters/web/page-routes.js';
import { loadConfig } from '../../../src/service/config/config.js';
import { silentLogger } from '../../../src/logger.js';
import { createFakeCore } from '../../doubles/fake-core.js';

const dir = publicDir();
const scripts = fs.readdirSync(dir).filter((file) => file.endsWith('.js'));
const script = scripts.map((file) => fs.readFileSync(path.join(dir, file), 'utf8')).join('\n');

describe('resident page assets', () => {
  it.each(scripts)('%s is plain ES2017 (old Android WebViews, WeChat) and a classic script', (file) => {
    const source = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(() => parse(source, { ecmaVersion: 2017, sourceType: 'script' })).not.toThrow();
  });

  it('stays small: at most 60 KB of script gzipped, all files together', () => {
    expect(scripts).toEqual(['app.js', 'calc-form.js', 'reply-view.js']);
    expect(gzipSync(script, { level: 9 }).length).toBeLessThan(60 * 1024);
  });

  it('names nothing outside the server', () => {
    for (const file of fs.readdirSync(dir)) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//);
      expect(fs.readFileSync(path.join(dir, file), 'utf8')).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//);
    }
  });

  it('fills the retention days and versions the assets by content', () => {
    const page = renderPage(dir, 45);
    expect(page).toContain('45 天后删除');
    expect(page).not.toContain('{{');
    expect(page).toMatch(/\/static\/app\.js\?v=[0-9a-f]{10}"/);
  });

  it('serves the page, the script (cached long) and refuses index.html under /static', async () => {
    const server = createHttpServer({ config: loadConfig({}), logger: silentLogger(), handler: createFakeCore().handler, readiness: () => ({}) });
    const page = await server.fastify.inject({ method: 'GET', url: '/' });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="zh-CN">');
    const asset = await server.fastify.inject({ method: 'GET', url: '/static/app.js?v=1' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await server.fastify.inject({ method: 'GET', url: '/static/index.html' })).statusCode).toBe(404);
    await server.stop();
  });
});
