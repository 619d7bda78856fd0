import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../../src/service/config/config.js';
import { BotError } from '../../../../src/errors.js';

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

describe('loadConfig: every key documented', () => {
  it('each key the configuration reads has a line KEY= in .env.example', () => {
    const read = (relative: string) => fs.readFileSync(new URL(`../../../../${relative}`, import.meta.url), 'utf8');
    const sources = fs.readdirSync(new URL('../../../../src/service/config/', import.meta.url)).map((file) => `src/service/config/${file}`);
    const keys = new Set(sources.flatMap((file) => [...read(file).matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map((match) => match[1] as string)));
    expect(keys.size).toBeGreaterThan(40);
    const example = read('.env.example');
    for (const key of keys) expect(example, `${key} missing in .env.example`).toMatch(new RegExp(`^${key}=`, 'm'));
  });
});

describe('loadConfig: shared state', () => {
  it('keeps everything in this process unless REDIS_URL or DATABASE_URL is set', () => {
    const config = loadConfig({});
    expect(config.redis).toBeUndefined();
    expect(config.database).toBeUndefined();
    expect(config.watchKnowledge).toBe(true);
  });

  it('reads Redis with its key prefix, PostgreSQL, and the watch switch', () => {
    const config = loadConfig({ REDIS_URL: 'redis://:pw@cache:6380/2', DATABASE_URL: 'postgres://bot:pw@db:5432/legal', KNOWLEDGE_WATCH: 'off' });
    expect(config.redis).toEqual({ url: 'redis://:pw@cache:6380/2', keyPrefix: 'qlb:', timeoutMs: 300 });
    expect(config.conversationLockWaitMs).toBe(2_000);
    expect(config.database).toEqual({ url: 'postgres://bot:pw@db:5432/legal' });
    expect(config.watchKnowledge).toBe(false);
    expect(loadConfig({ REDIS_URL: 'rediss://cache', REDIS_KEY_PREFIX: 'district-2:' }).redis?.keyPrefix).toBe('district-2:');
    expect(loadConfig({ REDIS_URL: 'rediss://cache', REDIS_TIMEOUT_MS: '500' }).redis?.timeoutMs).toBe(500);
    expect(loadConfig({ CONVERSATION_LOCK_WAIT_MS: '0' }).conversationLockWaitMs).toBe(0);
  });

  it('refuses other URLs without echoing them (they may hold a password)', () => {
    for (const env of [{ REDIS_URL: 'http://secret-pw@cache' }, { DATABASE_URL: 'mysql://u:secret-pw@db/x' }, { REDIS_KEY_PREFIX: 'has space' }]) {
      try {
        loadConfig(env);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(BotError);
        expect((error as BotError).message).toContain(Object.keys(env)[0]);
        expect((error as BotError).message).not.toContain('secret-pw');
      }
    }
  });
});

describe('loadConfig: staff keys and Chinese messages', () => {
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
