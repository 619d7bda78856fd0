/**
 * Starts the official-account adapter as `serve` will: its plugin on a fastify server, its
 * API host the fake WeChat API; WeChat's requests come through {@link createWechatPusher}.
 */
import { fastify } from 'fastify';
import { createWechatMpAdapter, registerWechatMp, type AnyFastify, type WechatMpAdapter } from '../../../adapters/wechat-mp/wechat-mp-adapter.js';
import type { WechatMpAdapterOptions } from '../../../adapters/wechat-mp/wechat-mp-options.js';
import { createMsgCrypt } from '../../../adapters/wechat-mp/msg-crypt.js';
import type { InboundMessage, MessageHandler, Reply } from '../../../src/types.js';
import { startFakeWechatMp, type FakeWechatMp } from '../../doubles/fake-wechat-mp.js';
import { createLogSink, type LogSink } from '../../doubles/log-sink.js';
import { createWechatPusher, type WechatPusher } from '../../doubles/wechat-mp-push.js';

export const TOKEN = 'QDG6eK';
export const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
export const PATH = '/wechat-mp';

export interface StartedMp {
  api: FakeWechatMp;
  adapter: WechatMpAdapter;
  server: AnyFastify;
  push: WechatPusher;
  logs: LogSink;
  close(): Promise<void>;
}

/** Starts everything; `aes` (default) gives the adapter (and WeChat) the EncodingAESKey: safe mode. */
export async function startMp(
  handler: MessageHandler,
  options: Partial<WechatMpAdapterOptions> & { aes?: boolean; started?: boolean } = {},
): Promise<StartedMp> {
  const { aes = true, started = true, ...rest } = options;
  const api = await startFakeWechatMp();
  const logs = createLogSink();
  const adapter = createWechatMpAdapter({
    token: TOKEN,
    appId: api.appId,
    secret: api.secret,
    aesKey: aes ? AES_KEY : undefined,
    path: PATH,
    apiRoot: api.apiRoot,
    handoff: true,
    logger: logs.logger,
    backoffMs: 5,
    ...rest,
  });
  const server = fastify({ loggerInstance: logs.logger });
  registerWechatMp(server, adapter);
  await server.ready();
  if (started) await adapter.start(handler);
  const crypt = createMsgCrypt({ token: TOKEN, encodingAesKey: AES_KEY, appId: api.appId });
  // With a key WeChat sends safe mode (the adapter then reads nothing else).
  const push = createWechatPusher({ server, path: PATH, token: TOKEN, crypt, mode: aes ? 'safe' : 'plain' });
  return {
    api,
    adapter,
    server,
    push,
    logs,
    async close() {
      await adapter.stop();
      await server.close();
      await api.close();
    },
  };
}

/**
 * A stand-in for the core: answers by script (text → reply), `echo:<text>` otherwise, and
 * `kind:<kind>` / `command:<name>` / `choice:<id>` for the rest; waits `delays[text]` ms first.
 */
export function scriptedCore(script: Record<string, Reply> = {}, delays: Record<string, number> = {}) {
  const received: InboundMessage[] = [];
  const handler: MessageHandler = async (message) => {
    received.push(message);
    const delay = delays[message.text];
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const scripted = script[message.text];
    if (scripted) return scripted;
    if (message.text === '转人工') {
      return message.capabilities?.handoff
        ? { kind: 'handoff', text: '好的,正在为您转接人工客服,请稍候。' }
        : { kind: 'handoff', text: '人工服务请拨打12348公共法律服务热线。' };
    }
    if (message.kind === 'command') return { kind: 'menu', text: `command:${message.command}` };
    if (message.kind === 'choice') return { kind: 'menu', text: `choice:${message.choiceId}` };
    return { kind: 'answer', text: message.kind === 'text' ? `echo:${message.text}` : `kind:${message.kind}` };
  };
  return { handler, received };
}
