import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { BotError } from '../../src/errors.js';

describe('loadConfig', () => {
  it('has working defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.segmenter).toBe('node-rs-jieba');
    expect(config.sessionIdleMs).toBe(10 * 60_000);
    expect(config.knowledgeDir.endsWith('knowledge')).toBe(true);
    expect(config.telegram).toBeUndefined();
    expect(config.wechat).toBeUndefined();
  });
  it('enables adapters only when their keys are set', () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', WECHATY_PUPPET: 'wechaty-puppet-mock', WECHAT_ROOMS: 'a, b' });
    expect(config.telegram?.token).toBe('1:abc');
    expect(config.wechat?.rooms).toEqual(['a', 'b']);
  });
  it('names every invalid key', () => {
    try {
      loadConfig({ SEGMENTER: 'other', MAX_MESSAGE_CHARS: 'x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BotError);
      expect((error as BotError).details.join()).toMatch(/SEGMENTER/);
      expect((error as BotError).details.join()).toMatch(/MAX_MESSAGE_CHARS/);
    }
  });
});

describe('loadConfig: blank values', () => {
  it('treats KEY= as unset, not as 0', () => {
    const config = loadConfig({ MAX_MESSAGE_CHARS: '', ANSWER_THRESHOLD: ' ', SESSION_IDLE_MINUTES: '' });
    expect(config.maxMessageChars).toBe(500);
    expect(config.answerThreshold).toBe(0.3);
    expect(config.sessionIdleMs).toBe(600_000);
  });
});

describe('loadConfig: keys by concern', () => {
  const read = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const sources = ['src/config.ts', ...fs.readdirSync(new URL('../../src/config/', import.meta.url)).map((f) => `src/config/${f}`)];

  it('documents every key of every part in .env.example', () => {
    const example = read('.env.example');
    const keys = new Set(sources.flatMap((file) => [...read(file).matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string)));
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys) expect(example, `${key} is not in .env.example`).toMatch(new RegExp(`^${key}=`, 'm'));
  });

  it('says what is wrong in Chinese, naming the key but never the value', () => {
    const error = (() => {
      try {
        loadConfig({ MAX_MESSAGE_CHARS: 'lots', STAFF_SESSION_SECRET: 'short secret', STAFF_IDS: 'nobody' });
      } catch (caught) {
        return caught as BotError;
      }
      throw new Error('no error');
    })();
    expect(error.message).toMatch(/^配置有误:/);
    expect(error.details.join('\n')).toMatch(/MAX_MESSAGE_CHARS: 无效输入/);
    expect(error.details.join('\n')).toMatch(/STAFF_SESSION_SECRET: 至少 32 个字符/);
    expect(error.details.join('\n')).toMatch(/STAFF_IDS.*渠道:发送者ID/);
    expect(error.message).not.toContain('short secret');
  });

  it('serves the Telegram webhook on the HTTP server, which then starts', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc' }).http.enabled).toBe(false);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '1:abc', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/tg' }).http.enabled).toBe(true);
  });

  it('keeps staff sessions for STAFF_SESSION_HOURS', () => {
    expect(loadConfig({}).staffConsole).toEqual({ sessionMs: 8 * 3_600_000 });
    const secret = 'x'.repeat(40);
    expect(loadConfig({ STAFF_SESSION_SECRET: secret, STAFF_SESSION_HOURS: '2' }).staffConsole).toEqual({ sessionSecret: secret, sessionMs: 7_200_000 });
  });
});
