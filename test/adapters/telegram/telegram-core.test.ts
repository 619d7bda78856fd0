/**
 * The Telegram adapter in front of the real core and knowledge base: a button answers what
 * it showed, even on an older menu than the one the conversation has open now.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness } from '../../doubles/harness.js';
import { alice, callbackUpdate, textUpdate } from '../../doubles/telegram-updates.js';
import { repliesAfter, startTelegram, type Started } from './telegram-setup.js';

/** A new Telegram conversation, with the adapter's buttons (its answers keep their suggestions as a line). */
const fresh = { adapter: 'telegram', conversationId: 'fresh', senderId: 'fresh', kind: 'choice' as const, text: '', capabilities: { buttons: true } };

type Keyboard = { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };

describe('telegram adapter with the real core', () => {
  let t: Started | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('an old menu’s button answers what it showed: menu, press 2, then 3 on the first menu', async () => {
    const harness = await createHarness({ logLevel: 'silent' });
    t = await startTelegram((message) => harness.bot.handle(message));
    /** The buttons of the bot's `index`-th message to alice. */
    const buttonsOf = (index: number) => {
      const keyboard = t?.api.callsOf('sendMessage', alice.id)[index]?.body.reply_markup as Keyboard | undefined;
      return keyboard?.inline_keyboard.flat() ?? [];
    };

    t.api.push(textUpdate(alice, '/menu'));
    await repliesAfter(t.api, alice.id, 0);
    const firstMenu = buttonsOf(0);
    expect(firstMenu.length).toBeGreaterThanOrEqual(3);
    const [, second, third] = firstMenu;
    expect(third?.callback_data).toMatch(/^t:/);

    // Press 2 on the menu: the topic's own list is now the open one.
    t.api.push(callbackUpdate(alice, second?.callback_data ?? '', { chatId: alice.id, messageId: 1 }));
    const [secondTopic] = await repliesAfter(t.api, alice.id, 1);
    expect(buttonsOf(1).length).toBeGreaterThan(0);

    // Press 3 on the first, older menu: the answer is what that button showed, not the newer list's third.
    t.api.push(callbackUpdate(alice, third?.callback_data ?? '', { chatId: alice.id, messageId: 1 }));
    const [thirdTopic] = await repliesAfter(t.api, alice.id, 2);
    const expected = await harness.bot.run(
      { ...fresh, choiceId: third?.callback_data },
      { dryRun: true },
    );
    expect(thirdTopic).toBe(expected.reply.text);
    expect(thirdTopic).not.toBe(secondTopic);
    const thirdLabel = third?.text.replace(/^\d+\. /, '') ?? '';
    expect(thirdTopic).toContain(thirdLabel.replace(/…$/, ''));

    // A typed "1" still picks from the list open now (the one the older button just showed).
    t.api.push(textUpdate(alice, '1'));
    const [typed] = await repliesAfter(t.api, alice.id, 3);
    const openNow = buttonsOf(2)[0]?.callback_data ?? '';
    const pickedNow = await harness.bot.run(
      { ...fresh, choiceId: openNow },
      { dryRun: true },
    );
    expect(typed).toBe(pickedNow.reply.text);
  });
});
