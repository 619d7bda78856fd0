/**
 * Shared pieces of the Telegram adapter tests: a scripted core double, the adapter started
 * against the fake Bot API with fast pacing, and the contract driver.
 */
import { createTelegramAdapter, type TelegramAdapter, type TelegramAdapterOptions } from '../../../adapters/telegram/index.js';
import { silentLogger } from '../../../src/logger.js';
import type { InboundMessage, MessageHandler, Reply } from '../../../src/types.js';
import { startFakeBotApi, type FakeBotApi } from '../../doubles/fake-bot-api.js';
import { alice, bob, callbackUpdate, stickerUpdate, textUpdate, type Person } from '../../doubles/telegram-updates.js';
import type { ContractDriver } from '../adapter-contract.js';

/** Pacing that keeps tests fast; individual tests override what they measure. */
export const fastPacing = { chatGapMs: 0, groupPerMinute: 1_000, globalPerSecond: 1_000, attempts: 4, backoffMs: 20 };

export const MENU: Reply = {
  kind: 'menu',
  text: '您可以问我:\n1. 法律援助\n2. 劳动争议\n回复数字查看。',
  choices: [
    { n: 1, label: '法律援助', id: 't:legal-aid' },
    { n: 2, label: '劳动争议', id: 't:wage-arrears' },
  ],
};
export const CLARIFY: Reply = {
  kind: 'clarify',
  text: '您是想问:\n1. 拖欠工资怎么办\n2. 工伤怎么认定',
  choices: [
    { n: 1, label: '拖欠工资怎么办', id: 'e:wage-arrears.who' },
    { n: 2, label: '工伤怎么认定', id: 'e:work-injury.how' },
  ],
};
export const UNSUPPORTED = '抱歉,我只能看懂文字。请直接打字提问;不方便打字可拨打 12348 法律援助热线。';
export const THANKS = '谢谢您的反馈!';

/** A core double with a fixed script, recording what it received. */
export function scriptedCore(overrides: Record<string, Reply> = {}) {
  const received: InboundMessage[] = [];
  const handler: MessageHandler = async (message) => {
    received.push(message);
    if (message.kind === 'feedback') return { kind: 'menu', text: THANKS };
    if (message.kind === 'command') return MENU;
    if (message.kind === 'choice') return { kind: 'answer', text: `【${message.choiceId}】\n答复……\n来源:曲江区报告`, entryId: 'chosen' };
    if (message.kind !== 'text') return { kind: 'unsupported', text: UNSUPPORTED };
    const scripted = overrides[message.text];
    if (scripted) return scripted;
    if (message.text === '菜单') return MENU;
    if (message.text.includes('工资')) return CLARIFY;
    if (/^\d$/.test(message.text)) return { kind: 'answer', text: `【第${message.text}项】\n答复……\n来源:曲江区报告`, entryId: `entry-${message.text}` };
    return { kind: 'answer', text: `答:${message.text}`, entryId: 'legal-aid.where' };
  };
  return { handler, received };
}

export interface Started {
  api: FakeBotApi;
  adapter: TelegramAdapter;
  /** Stops the adapter, then the fake server. */
  close(): Promise<void>;
}

/** Starts the fake Bot API and the adapter (polling unless `webhookUrl` is given). */
export async function startTelegram(handler: MessageHandler, options: Partial<TelegramAdapterOptions> = {}): Promise<Started> {
  const api = await startFakeBotApi();
  const adapter = createTelegramAdapter({
    token: api.token,
    apiRoot: api.apiRoot,
    webhookPort: 0,
    logger: silentLogger(),
    ...options,
    pacing: { ...fastPacing, ...options.pacing },
  });
  await adapter.start(handler);
  return {
    api,
    adapter,
    async close() {
      await adapter.stop();
      await api.close();
    },
  };
}

/** Waits until the chat got at least `count` more messages than `before`, then until it is quiet. */
export async function repliesAfter(api: FakeBotApi, chatId: number, before: number, count = 1, quietMs = 60): Promise<string[]> {
  await api.waitFor(() => api.textsTo(chatId).length >= before + count);
  let seen = api.textsTo(chatId).length;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = api.textsTo(chatId).length;
    if (now === seen) return api.textsTo(chatId).slice(before);
    seen = now;
  }
}

const people: Record<string, Person> = { alice, bob };

/** The shared contract's driver: people write private chats through the fake server. */
export async function makeTelegramDriver(): Promise<ContractDriver> {
  const api = await startFakeBotApi();
  const adapter = createTelegramAdapter({ token: api.token, apiRoot: api.apiRoot, webhookPort: 0, logger: silentLogger(), pacing: fastPacing });
  const deliver = async (person: Person, update: Record<string, unknown>) => {
    const before = api.textsTo(person.id).length;
    api.push(update);
    return repliesAfter(api, person.id, before);
  };
  const personOf = (from = 'alice') => people[from] ?? { id: 2_000 + from.length, first_name: from };
  return {
    adapter,
    multiplePeople: true,
    sendText: (text, from) => deliver(personOf(from), textUpdate(personOf(from), text)),
    sendNonText: (from) => deliver(personOf(from), stickerUpdate(personOf(from))),
    // The button shown under the last message, pressed: what it carries is what comes back.
    pressChoice: (choice, from) => {
      const person = personOf(from);
      const keyboard = api.callsOf('sendMessage', person.id).at(-1)?.body.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } | undefined;
      const button = keyboard?.inline_keyboard.flat().find((b) => b.text.startsWith(`${choice.n}. `));
      return deliver(person, callbackUpdate(person, button?.callback_data ?? 'no-button', { chatId: person.id, messageId: 1 }));
    },
    cleanup: () => api.close(),
  };
}
