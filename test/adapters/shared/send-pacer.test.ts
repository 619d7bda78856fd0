/**
 * The one send pacer on a manual clock: a lane's gap from the previous send's start or end,
 * the jitter, a lane's window, the overall window across lanes, lanes independent of each
 * other, and stop dropping what waits while a send under way finishes.
 */
import { describe, expect, it } from 'vitest';
import { createSendPacer, PacerStoppedError, type LaneRules } from '../../../adapters/shared/send-pacer.js';
import { createManualClock } from '../../doubles/manual-clock.js';

/** Schedules a send on `lane` that records when it started, relative to the clock's start, and takes `takesMs`. */
function recorder(clock = createManualClock()) {
  const start = clock.now();
  const started: Array<[string, number]> = [];
  const send = (lane: string, takesMs = 0) => async () => {
    started.push([lane, clock.now() - start]);
    if (takesMs > 0) await clock.sleep(takesMs);
    return lane;
  };
  return { clock, started, send };
}

describe('send pacer', () => {
  it('spaces a lane from the previous start or end, and lanes do not wait for each other', async () => {
    const { clock, started, send } = recorder();
    const pacer = createSendPacer({ clock });
    const fromStart: LaneRules = { gapMs: 1_000, gapFrom: 'start' };
    const fromEnd: LaneRules = { gapMs: 1_000, gapFrom: 'end' };
    const all = [
      pacer.schedule('s', fromStart, send('s', 300)),
      pacer.schedule('s', fromStart, send('s', 300)),
      pacer.schedule('e', fromEnd, send('e', 300)),
      pacer.schedule('e', fromEnd, send('e', 300)),
    ];
    expect(pacer.waiting).toBe(2);
    for (let i = 0; i < 30; i += 1) await clock.advance(100);
    expect(await Promise.all(all)).toEqual(['s', 's', 'e', 'e']);
    expect(started).toEqual([
      ['s', 0],
      ['e', 0],
      ['s', 1_000],
      ['e', 1_300],
    ]);
  });

  it('adds the jitter to the gap', async () => {
    const { clock, started, send } = recorder();
    const pacer = createSendPacer({ clock, random: () => 0.5 });
    const rules: LaneRules = { gapMs: 1_000, gapFrom: 'end', jitterMs: 400 };
    const all = [1, 2].map(() => pacer.schedule('a', rules, send('a')));
    for (let i = 0; i < 20; i += 1) await clock.advance(100);
    await Promise.all(all);
    expect(started.map(([, at]) => at)).toEqual([0, 1_200]);
  });

  it('keeps a lane within its window and all lanes within the overall one', async () => {
    const { clock, started, send } = recorder();
    const pacer = createSendPacer({ clock, overall: { limit: 3, windowMs: 1_000 } });
    const group: LaneRules = { gapMs: 0, gapFrom: 'start', perWindow: { limit: 2, windowMs: 60_000 } };
    const chat: LaneRules = { gapMs: 0, gapFrom: 'start' };
    const groupSends = [1, 2, 3].map(() => pacer.schedule('g', group, send('g')));
    const chatSends = [1, 2].map((n) => pacer.schedule(`c${n}`, chat, send(`c${n}`)));
    for (let i = 0; i < 20; i += 1) await clock.advance(100);
    await Promise.all(chatSends);
    // Three in the first second; the fourth waits for the next; the group's third for the next minute.
    expect(started.filter(([, at]) => at < 1_000)).toHaveLength(3);
    expect(started).toHaveLength(4);
    expect(started.filter(([lane]) => lane === 'g')).toHaveLength(2);
    for (let i = 0; i < 60; i += 1) await clock.advance(1_000);
    await Promise.all(groupSends);
    expect(started.at(-1)).toEqual(['g', 60_000]);
  });

  it('stops: what waits is dropped, a send under way finishes, nothing new is taken', async () => {
    const { clock, started, send } = recorder();
    const pacer = createSendPacer({ clock });
    const rules: LaneRules = { gapMs: 1_000, gapFrom: 'end' };
    const first = pacer.schedule('a', rules, send('a', 500));
    const second = pacer.schedule('a', rules, send('a')).catch((error: unknown) => error);
    const stopped = pacer.stop();
    expect(await second).toBeInstanceOf(PacerStoppedError);
    await clock.advance(500);
    expect(await stopped).toBe(1);
    expect(await first).toBe('a');
    expect(started).toHaveLength(1);
    await expect(pacer.schedule('a', rules, send('a'))).rejects.toBeInstanceOf(PacerStoppedError);
  });

  it('passes a failed send on and goes on with the next', async () => {
    const { clock, send } = recorder();
    const pacer = createSendPacer({ clock });
    const rules: LaneRules = { gapMs: 0, gapFrom: 'end' };
    const failed = pacer.schedule('a', rules, () => Promise.reject(new Error('platform down')));
    const next = pacer.schedule('a', rules, send('a'));
    await expect(failed).rejects.toThrow('platform down');
    expect(await next).toBe('a');
    await pacer.idle();
  });
});
