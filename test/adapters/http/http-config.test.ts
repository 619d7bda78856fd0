import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_PORT, loadConfig } from '../../../src/config.js';
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
    ['true', true],
    ['2', 2],
    ['10.0.0.1,192.168.0.0/16', '10.0.0.1,192.168.0.0/16'],
  ])('reads HTTP_TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ HTTP_TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });

  it('refuses a bad port or body limit, naming the key', () => {
    for (const env of [{ HTTP_PORT: '70000' }, { HTTP_PORT: 'web' }, { HTTP_BODY_LIMIT_BYTES: '10' }]) {
      expect(() => loadConfig(env)).toThrow(expect.objectContaining({ code: ErrorCodes.CONFIG_INVALID, message: expect.stringContaining(Object.keys(env)[0] as string) }));
    }
  });
});
