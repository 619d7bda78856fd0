/**
 * Pacing under a burst, on the whole adapter: wechaty runs on real timers while a manual
 * clock, given to the adapter, drives the send queue and the limits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { defaultTexts } from '../../../adapters/wechat/index.js';
import { createRecordingHandler } from '../../doubles/recording-handler.js';
import { createManualClock } from '../../doubles/manual-clock.js';
import { BOT, setup, type Setup } from './wechat-setup.js';

const PACING = { minGapMs: 1_000, jitterMs: 400, roomPerMinute: 4, dailyCap: 1_000 };

describe('wechat pacing', () => {
  let current: Setup | undefined;
  afterEach(async () => {
    await current?.adapter.stop();
    await current?.cleanup();
    current = undefined;
  });

  const startPaced = async (pacing = PACING) => {
    const clock = createManualClock();
    current = await setup({ pacing, stopDrainMs: 10, clock });
    const { handler, received } = createRecordingHandler();
    await current.adapter.start(handler);
    /** Lets the clock run in small steps so the work between sends settles. */
    const run = async (ms: number) => {
      for (let elapsed = 0; elapsed < ms; elapsed += 100) await clock.advance(100);
    };
    return { world: current.world, received, run };
  };

  it('spaces every send of the account, whoever it goes to', async () => {
    const { world, received, run } = await startPaced();
    const alice = world.person('alice');
    const bob = world.person('bob');
    for (let i = 1; i <= 4; i += 1) alice.say(`a${i}`).to(world.user);
    bob.say('b1').to(world.user);
    bob.say('b2').to(world.user);
    await run(12_000);

    expect(world.sentTo('alice')).toEqual(['echo:a1', 'echo:a2', 'echo:a3', 'echo:a4']);
    expect(world.sentTo('bob')).toEqual(['echo:b1', 'echo:b2']);
    expect(received).toHaveLength(6); // a person's own limit is the core's (one notice), not the adapter's
    const gaps = world.sent.slice(1).map((message, i) => message.at - (world.sent[i]?.at ?? 0));
    expect(gaps).toHaveLength(5);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(PACING.minGapMs);
      expect(gap).toBeLessThanOrEqual(PACING.minGapMs + PACING.jitterMs + 100);
    }
  });

  it('limits a busy room whoever asks, with one notice mentioning the asker, then answers after a minute', async () => {
    const { world, received, run } = await startPaced();
    const people = ['张', '李', '王', '赵', '钱', '孙'].map((name) => world.person(name));
    const room = world.room('石角村群', people);
    for (const person of people) person.say(`@${BOT} 请问`, [world.user]).to(room);
    await run(20_000);
    const texts = world.sent.map((message) => message.text);
    expect(texts).toHaveLength(5);
    expect(texts.filter((text) => text.includes('echo:请问'))).toHaveLength(4);
    expect(texts[4]).toMatch(new RegExp(`^@钱\\s+${defaultTexts.roomBusy}$`));
    expect(received).toHaveLength(4); // the core never saw what was over the room's limit

    await run(60_000);
    people[5]?.say(`@${BOT} 还在吗`, [world.user]).to(room);
    await run(3_000);
    expect(world.sent.at(-1)?.text).toMatch(/^@孙\s+echo:还在吗$/);
  });

  it('stops replying at the account cap', async () => {
    const { world, received, run } = await startPaced({ ...PACING, dailyCap: 2 });
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
