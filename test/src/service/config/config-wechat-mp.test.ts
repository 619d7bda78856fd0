import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/service/config/config.js';
import { type BotError, ErrorCodes } from '../../../../src/errors.js';

const ACCOUNT = { WECHAT_MP_TOKEN: 'QDG6eK', WECHAT_MP_APPID: 'wx5823bf96d3bd56c7', WECHAT_MP_SECRET: 's3cret-value' };

const failure = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return error as BotError;
  }
  throw new Error('expected invalid configuration');
};

describe('loadConfig: the official account', () => {
  it('is off unless the token is set, and then has its defaults', () => {
    expect(loadConfig({}).wechatMp).toBeUndefined();
    expect(loadConfig(ACCOUNT).wechatMp).toEqual({
      token: 'QDG6eK',
      appId: 'wx5823bf96d3bd56c7',
      secret: 's3cret-value',
      aesKey: undefined,
      path: '/wechat-mp',
      apiRoot: 'https://api.weixin.qq.com',
      handoff: true,
      replayWindowSeconds: 300,
      clockSkewSeconds: 60,
    });
  });

  it('reads the key, path, API host and handoff switch', () => {
    const config = loadConfig({
      ...ACCOUNT,
      WECHAT_MP_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
      WECHAT_MP_PATH: '/wx/qujiang',
      WECHAT_MP_API_ROOT: 'http://127.0.0.1:9999/',
      WECHAT_MP_HANDOFF: 'off',
    });
    expect(config.wechatMp).toMatchObject({ path: '/wx/qujiang', apiRoot: 'http://127.0.0.1:9999', handoff: false });
    expect(config.wechatMp?.aesKey).toHaveLength(43);
  });

  it('reads the replay window and the clock skew allowed ahead, within bounds', () => {
    const config = loadConfig({ ...ACCOUNT, WECHAT_MP_REPLAY_WINDOW_SECONDS: '120', WECHAT_MP_CLOCK_SKEW_SECONDS: '10' });
    expect(config.wechatMp).toMatchObject({ replayWindowSeconds: 120, clockSkewSeconds: 10 });
    const error = failure({ ...ACCOUNT, WECHAT_MP_REPLAY_WINDOW_SECONDS: '86400', WECHAT_MP_CLOCK_SKEW_SECONDS: '-1' });
    expect(error.details.join('\n')).toMatch(/WECHAT_MP_REPLAY_WINDOW_SECONDS[\s\S]*WECHAT_MP_CLOCK_SKEW_SECONDS/);
  });

  it('turns the HTTP server on, since the account is served there', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc' }).http.enabled).toBe(false);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', ...ACCOUNT }).http.enabled).toBe(true);
  });

  it('needs the AppID and secret with the token, and names the missing ones', () => {
    const error = failure({ WECHAT_MP_TOKEN: 'QDG6eK', WECHAT_MP_APPID: 'wx5823bf96d3bd56c7' });
    expect(error.code).toBe(ErrorCodes.CONFIG_INVALID);
    expect(error.details).toEqual(['WECHAT_MP_SECRET']);
  });

  it('rejects malformed values without echoing them', () => {
    const error = failure({ ...ACCOUNT, WECHAT_MP_TOKEN: 'has spaces!', WECHAT_MP_AES_KEY: 'tooShortKeyValue', WECHAT_MP_PATH: 'no-slash' });
    const details = error.details.join('\n');
    for (const key of ['WECHAT_MP_TOKEN', 'WECHAT_MP_AES_KEY', 'WECHAT_MP_PATH']) expect(details).toContain(key);
    expect(error.message).not.toContain('tooShortKeyValue');
    expect(error.message).not.toContain('has spaces!');
  });

  it('documents every WECHAT_MP_ key in .env.example', () => {
    const example = fs.readFileSync(new URL('../../../../.env.example', import.meta.url), 'utf8');
    const source = fs.readFileSync(new URL('../../../../src/service/config/platforms.ts', import.meta.url), 'utf8');
    const keys = [...new Set(source.match(/WECHAT_MP_[A-Z_]+/g))];
    expect(keys.length).toBe(9);
    for (const key of keys) expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
  });
});
