/**
 * Pacing under a burst, on the whole adapter: wechaty starts on real timers, then fake
 * timers drive the send queue (the adapter reads the global timers at call time).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultTexts } from '../../../adapters/wechat/index.js';
import { createRecordingHandler } from '../../doubles/recording-handler.js';
import { BOT, setup, type Setup } from './wechat-setup.js';

const PACING = { minGapMs: 1_000, jitterMs: 400, contactPerMinute: 3, roomPerMinute: 4, dailyCap: 1_000 };

describe('wechat pacing', () => {
  let current: Setup | undefined;
  afterEach(async () => {
    vi.useRealTimers();
    await current?.adapter.stop();
    await current?.cleanup();
    current = undefined;
  });

  const startPaced = async (pacing = PACING) => {
    current = await setup({ pacing, stopDrainMs: 10 });
    const { handler, received } = createRecordingHandler();
    await current.adapter.start(handler);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    return { world: current.world, received };
  };

  /** Lets the fake clock run in small steps so promise chains between timers settle. */
  const run = async (ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += 100) await vi.advanceTimersByTimeAsync(100);
  };

  it('spaces every send of the account, answers N a minute per person, then one notice, then silence', async () => {
    const { world, received } = await startPaced();
    const alice = world.person('alice');
    const bob = world.person('bob');
    for (let i = 1; i <= 6; i += 1) alice.say(`a${i}`).to(world.user);
    bob.say('b1').to(world.user);
    bob.say('b2').to(world.user);
    await run(20_000);

    expect(world.sentTo('alice')).toEqual(['echo:a1', 'echo:a2', 'echo:a3', defaultTexts.contactBusy]);
    expect(world.sentTo('bob')).toEqual(['echo:b1', 'echo:b2']);
    // The core never saw what was over the limit.
    expect(received.map((message) => message.text).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    const gaps = world.sent.slice(1).map((message, i) => message.at - (world.sent[i]?.at ?? 0));
    expect(gaps).toHaveLength(5);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(PACING.minGapMs);
      expect(gap).toBeLessThanOrEqual(PACING.minGapMs + PACING.jitterMs + 100);
    }

    // Once the minute has passed, alice is answered again.
    await run(60_000);
    const before = world.sent.length;
    alice.say('a7').to(world.user);
    await run(3_000);
    expect(world.sent.slice(before).map((message) => message.text)).toEqual(['echo:a7']);
  });

  it('limits a busy room whoever asks, with one notice mentioning the asker', async () => {
    const { world } = await startPaced();
    const people = ['张', '李', '王', '赵', '钱', '孙'].map((name) => world.person(name));
    const room = world.room('石角村群', people);
    for (const person of people) person.say(`@${BOT} 请问`, [world.user]).to(room);
    await run(20_000);
    const texts = world.sent.map((message) => message.text);
    expect(texts).toHaveLength(5);
    expect(texts.filter((text) => text.includes('echo:请问'))).toHaveLength(4);
    expect(texts[4]).toMatch(new RegExp(`^@钱\\s+${defaultTexts.roomBusy}$`));
  });

  it('stops replying for the day at the daily cap', async () => {
    const { world, received } = await startPaced({ ...PACING, dailyCap: 2 });
    const alice = world.person('alice');
    const bob = world.person('bob');
    alice.say('a1').to(world.user);
    bob.say('b1').to(world.user);
    alice.say('a2').to(world.user);
    await run(10_000);
    expect(world.sent.map((message) => message.text)).toEqual(['echo:a1', 'echo:b1']);
    expect(received).toHaveLength(2);
  });
});
