import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_PORT, loadConfig } from '../../../src/service/config/config.js';
import { ErrorCodes } from '../../../src/errors.js';

describe('HTTP configuration', () => {
  it('serves on 127.0.0.1:3000 when nothing is configured', () => {
    expect(loadConfig({}).http).toEqual({
      enabled: true,
      port: DEFAULT_HTTP_PORT,
      host: '127.0.0.1',
      trustProxy: false,
      ratePerMinute: 120,
      bodyLimitBytes: 16_384,
    });
  });

  it('is off beside a chat platform unless HTTP_PORT is set', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:a' }).http.enabled).toBe(false);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:a', HTTP_PORT: '8080' }).http).toMatchObject({ enabled: true, port: 8080 });
    expect(loadConfig({ HTTP_PORT: '' }).http.port).toBe(DEFAULT_HTTP_PORT);
  });

  it.each([
    ['', false],
    ['false', false],
    ['0', false],
    ['2', 2],
    ['127.0.0.1', '127.0.0.1'],
    ['10.0.0.1,192.168.0.0/16', '10.0.0.1,192.168.0.0/16'],
    ['10.0.0.1, ::1, fd00::/8, loopback', '10.0.0.1,::1,fd00::/8,loopback'],
  ])('reads HTTP_TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ HTTP_TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });

  it.each(['true', 'TRUE', 'yes', 'on'])('refuses HTTP_TRUST_PROXY=%s at start: it would believe anyone\'s X-Forwarded-For', (value) => {
    expect(() => loadConfig({ HTTP_TRUST_PROXY: value })).toThrow(
      expect.objectContaining({ code: ErrorCodes.CONFIG_INVALID, message: expect.stringMatching(/^配置有误:HTTP_TRUST_PROXY: 不接受 true:.*冒充.*地址或网段/) }),
    );
  });

  it.each(['nginx', '10.0.0.300', '10.0.0.0/33', '10.0.0.1,', '10.0.0.1/8/8', '99', '-1', '1.5'])('refuses HTTP_TRUST_PROXY=%s: addresses, CIDRs or a hop count only', (value) => {
    expect(() => loadConfig({ HTTP_TRUST_PROXY: value })).toThrow(
      expect.objectContaining({ code: ErrorCodes.CONFIG_INVALID, message: expect.stringContaining('HTTP_TRUST_PROXY: 只接受反向代理的地址或网段') }),
    );
  });

  it('refuses a bad port or body limit, naming the key', () => {
    for (const env of [{ HTTP_PORT: '70000' }, { HTTP_PORT: 'web' }, { HTTP_BODY_LIMIT_BYTES: '10' }]) {
      expect(() => loadConfig(env)).toThrow(expect.objectContaining({ code: ErrorCodes.CONFIG_INVALID, message: expect.stringContaining(Object.keys(env)[0] as string) }));
    }
  });

  it('the nginx example never retries a POST once sent (no non_idempotent), and says why', () => {
    const nginx = fs.readFileSync(new URL('../../../deploy/nginx.conf', import.meta.url), 'utf8');
    const directives = nginx.split('\n').filter((line) => /^\s*proxy_next_upstream\s/.test(line));
    expect(directives.length).toBeGreaterThan(0);
    for (const line of directives) expect(line).not.toContain('non_idempotent');
    expect(nginx).toMatch(/# .*POSTs are NOT retried once sent/);
  });
});
