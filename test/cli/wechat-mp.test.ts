/**
 * `wechat-mp menu`: in-process against the real knowledge base and the fake WeChat API, plus
 * one run of the built binary (`npm test` builds it first) that pushes the menu.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { wechatMpMenu } from '../../cli/wechat-mp.js';
import { loadConfig } from '../../src/config.js';
import { BotError, ErrorCodes } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { startFakeWechatMp, type FakeWechatMp } from '../doubles/fake-wechat-mp.js';

const BIN = new URL('../../bin/legal-bot', import.meta.url).pathname;
const KNOWLEDGE_DIR = new URL('../../knowledge', import.meta.url).pathname;
const account = (api: FakeWechatMp) => ({
  KNOWLEDGE_DIR,
  WECHAT_MP_TOKEN: 'QDG6eK',
  WECHAT_MP_APPID: api.appId,
  WECHAT_MP_SECRET: api.secret,
  WECHAT_MP_API_ROOT: api.apiRoot,
});

describe('wechat-mp menu', () => {
  let api: FakeWechatMp | undefined;
  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('prints the menu of the knowledge base for staff, in Chinese', async () => {
    const out = await wechatMpMenu(loadConfig({ KNOWLEDGE_DIR }), silentLogger(), {});
    expect(out.split('\n')[0]).toMatch(/^公众号菜单\(按 .*wechat-mp-menu\.yaml\):$/);
    expect(out).toContain('\n法律帮助\n  法律援助  (t:legal-aid)\n');
    expect(out.split('\n').filter((line) => line.startsWith('  '))).toHaveLength(15);
  });

  it('pushes exactly the menu it prints as JSON', async () => {
    api = await startFakeWechatMp();
    const config = loadConfig(account(api));
    const printed = await wechatMpMenu(config, silentLogger(), { json: true });
    const pushed = await wechatMpMenu(config, silentLogger(), { json: true, push: true });
    expect(pushed).toContain('已在公众号上创建此菜单');
    expect(api.menus()).toEqual([JSON.parse(printed)]);
  });

  it('refuses to push without the account configured, and names a missing layout file', async () => {
    const refusal = (run: Promise<unknown>) => run.then(() => undefined, (error: unknown) => error as BotError);
    expect((await refusal(wechatMpMenu(loadConfig({ KNOWLEDGE_DIR }), silentLogger(), { push: true })))?.code).toBe(ErrorCodes.CONFIG_INVALID);
    const missing = await refusal(wechatMpMenu(loadConfig({ KNOWLEDGE_DIR }), silentLogger(), { layout: '/nowhere/menu.yaml' }));
    expect(missing?.code).toBe(ErrorCodes.WECHAT_MP_MENU_INVALID);
    expect(missing?.message).toContain('/nowhere/menu.yaml');
  });

  it('is a command of the binary: `wechat-mp menu --push` creates the menu on the account', async () => {
    api = await startFakeWechatMp();
    // Not spawnSync: the fake API answers from this very process.
    const result = await promisify(execFile)(process.execPath, [BIN, '--no-env-file', 'wechat-mp', 'menu', '--push'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...account(api) },
      timeout: 30_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('已在公众号上创建此菜单');
    expect(api.menus()).toHaveLength(1);
  });
});
