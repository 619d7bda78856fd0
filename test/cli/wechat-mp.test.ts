/**
 * `wechat-mp menu`: in-process against the real knowledge base and the fake WeChat API, as a
 * function and as a command of the program.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { sha1Signature } from '../../adapters/wechat-mp/signature.js';
import { buildXml, parseXmlFields } from '../../adapters/wechat-mp/xml.js';
import { LAYOUT_FILE } from '../../adapters/wechat-mp/menu-layout.js';
import { MENU_LAYOUT_FILE, wechatMpMenu } from '../../cli/wechat-mp.js';
import { loadConfig } from '../../src/service/config/config.js';
import { type BotError, ErrorCodes } from '../../src/errors.js';
import { silentLogger } from '../../src/logger.js';
import { runCli, tempDataDir } from '../doubles/cli.js';
import { startFakeWechatMp, type FakeWechatMp } from '../doubles/fake-wechat-mp.js';

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

  it('names the layout file in its help as the adapter reads it', () => {
    expect(MENU_LAYOUT_FILE).toBe(LAYOUT_FILE);
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

  it('is a command of the program: `wechat-mp menu --push` creates the menu on the account', async () => {
    api = await startFakeWechatMp();
    const run = await runCli(['wechat-mp', 'menu', '--push'], { env: account(api) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已在公众号上创建此菜单');
    expect(api.menus()).toHaveLength(1);
    const refused = await runCli(['wechat-mp', 'menu', '--push'], { env: { KNOWLEDGE_DIR } });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('QLB_CONFIG_INVALID');
  });

  it('serve mounts the official account on the HTTP server: the handshake, then a question answered as XML', async () => {
    api = await startFakeWechatMp();
    const signals = new EventEmitter();
    let printed: (address: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (printed = resolve));
    const running = runCli(['serve'], {
      env: { ...account(api), DATA_DIR: tempDataDir(), HTTP_PORT: '0' },
      signals,
      onStdout: (text) => {
        const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
        if (found?.[1]) printed(found[1]);
      },
    });
    const address = await listening;
    const timestamp = String(Math.floor(Date.now() / 1000));
    // Each request is signed with its own nonce, as WeChat signs them: a signed URL serves one request.
    const url = (nonce: string) => `${address}wechat-mp?${new URLSearchParams({ signature: sha1Signature('QDG6eK', timestamp, nonce), timestamp, nonce })}`;
    expect(await (await fetch(`${url('42')}&echostr=hello-wechat`)).text()).toBe('hello-wechat');
    // The adapter starts right after the server listens; until then WeChat would get 503 and retry.
    const ask = () =>
      fetch(url('43'), {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: buildXml({ ToUserName: 'gh_qujiang', FromUserName: 'o-serve-test', CreateTime: Number(timestamp), MsgType: 'text', Content: '法律援助在哪里申请', MsgId: '7001' }),
      });
    let response = await ask();
    for (let tries = 0; response.status === 503 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      response = await ask();
    }
    expect(response.status).toBe(200);
    const reply = parseXmlFields(await response.text());
    expect(reply).toMatchObject({ ToUserName: 'o-serve-test', FromUserName: 'gh_qujiang', MsgType: 'text' });
    expect(reply.Content).toMatch(/法律援助/);
    signals.emit('SIGTERM');
    expect((await running).code).toBe(0);
  });
});
