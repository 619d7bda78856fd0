/**
 * The WeChat adapter in front of the real core and knowledge base, as `serve` runs it:
 * menu as numbered text, a typed digit picks, voice gets the core's polite text.
 * Assertions stay loose on wording so knowledge edits do not break them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { createHarness } from '../../doubles/harness.js';
import { BOT, setup, type Setup } from './wechat-setup.js';

describe('wechat adapter with the real core', () => {
  let current: Setup | undefined;
  afterEach(async () => {
    await current?.adapter.stop();
    await current?.cleanup();
    current = undefined;
  });

  it('serves the menu, a digit picked from it, and voice, in private chats and rooms', async () => {
    const harness = await createHarness({ logLevel: 'silent' });
    current = await setup();
    const { world } = current;
    await current.adapter.start((message) => harness.bot.handle(message));
    const alice = world.person('alice');

    alice.say('菜单').to(world.user);
    const [menu] = await world.waitForSent(0);
    expect(menu?.text).toMatch(/\n1\. .+\n2\. /);
    const firstTopic = /\n1\. (.+)\n/.exec(menu?.text ?? '')?.[1] ?? '';

    alice.say('1').to(world.user);
    const [picked] = await world.waitForSent(1);
    expect(picked?.text).toContain(firstTopic);
    expect(picked?.text).not.toContain('没有可以选择的编号');

    world.sendKind(alice, types.Message.Audio);
    const [voice] = await world.waitForSent(2);
    expect(voice?.text).toContain('12348');

    const room = world.room('石角村群', [alice]);
    alice.say(`@${BOT}\u2005菜单`, [world.user]).to(room);
    const [roomMenu] = await world.waitForSent(3);
    expect(roomMenu).toMatchObject({ room: room.id });
    expect(roomMenu?.text).toMatch(/^@alice\s+[\s\S]*\n1\. /);

    // The menu says "reply with a digit": alice may do so without the @; bob's digit is chatter.
    const bob = world.person('bob');
    room.add(bob).by(alice);
    bob.say('2').to(room);
    alice.say('２').to(room);
    const [roomPick, ...rest] = await world.waitForSent(4);
    expect(rest).toEqual([]);
    expect(roomPick?.text).toMatch(/^@alice\s+【/);
  });
});
