/**
 * What the Telegram adapter logs: the conversation as the core's salted hash of the same
 * conversation key (so lines join up), never the chat id or the person's text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/errors.js';
import { createLogSink } from '../../doubles/log-sink.js';
import { alice, GROUP_ID, textUpdate } from '../../doubles/telegram-updates.js';
import { repliesAfter, scriptedCore, startTelegram, type Started } from './telegram-setup.js';

describe('telegram adapter logs', () => {
  let t: Started | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('names the conversation by the salted hash it is given, for private chats and for a person in a group', async () => {
    const sink = createLogSink();
    const keys: string[] = [];
    const hashConversation = (key: string) => {
      keys.push(key);
      return `salted-${keys.length}`;
    };
    t = await startTelegram(scriptedCore().handler, { logger: sink.logger, hashConversation });
    t.api.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
    t.api.push(textUpdate(alice, '我的电话13812345678'));
    await t.api.waitFor(() => sink.lines().some((line) => line.code === ErrorCodes.TELEGRAM_SEND_FAILED));
    t.api.push(textUpdate(alice, '@qujiang_law_bot 在吗', { group: true }));
    await repliesAfter(t.api, GROUP_ID, 0);

    expect(keys).toEqual(['telegram:1001', `telegram:${GROUP_ID}:1001`]); // the core's conversation keys
    const failure = sink.lines().find((line) => line.code === ErrorCodes.TELEGRAM_SEND_FAILED);
    expect(failure).toMatchObject({ conv: 'salted-1', telegramCode: 400 });
    expect(sink.text()).not.toContain('1001');
    expect(sink.text()).not.toContain('13812345678');
  });
});
