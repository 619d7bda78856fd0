import { describe, expect, it, vi } from 'vitest';
import { createMemoryStore } from '../../../../src/service/store/message-store.js';
import { purgeExpired, startRetention } from '../../../../src/service/store/retention.js';
import { createLogSink } from '../../../doubles/log-sink.js';
import { clockReading } from '../../../doubles/manual-clock.js';

const DAY = 24 * 60 * 60_000;
const NOW = 1_700_000_000_000;

function filled() {
  const store = createMemoryStore();
  for (const age of [0, 10, 29, 31, 400]) {
    store.recordMessage({ at: NOW - age * DAY, adapter: 'console', conversation: 'h', kind: 'fallback', latencyMs: 1, question: `q${age}` });
    store.recordFeedback({ at: NOW - age * DAY, adapter: 'console', conversation: 'h', useful: false, question: `q${age}` });
  }
  return store;
}

describe('retention', () => {
  it('deletes messages and feedback older than the retention days, keeps the rest', async () => {
    const store = filled();
    expect(await purgeExpired(store, 30, NOW)).toBe(4);
    expect(store.messages.map((m) => m.question)).toEqual(['q0', 'q10', 'q29']);
    expect(store.feedback.map((f) => f.question)).toEqual(['q0', 'q10', 'q29']);
  });

  it('purges at start and then on a timer that does not keep the process alive', async () => {
    vi.useFakeTimers();
    try {
      let now = NOW;
      const store = filled();
      const log = createLogSink();
      const stop = startRetention({ store, days: 30, logger: log.logger, clock: clockReading(() => now), everyMs: DAY });
      await vi.advanceTimersByTimeAsync(0);
      expect(store.messages).toHaveLength(3);
      expect(log.lines().some((line) => line.msg === 'retention: old records deleted' && line.removed === 4)).toBe(true);
      now += 15 * DAY;
      await vi.advanceTimersByTimeAsync(DAY);
      expect(store.messages.map((m) => m.question)).toEqual(['q0', 'q10']);
      stop();
      now += 100 * DAY;
      await vi.advanceTimersByTimeAsync(10 * DAY);
      expect(store.messages).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failing purge is logged and does not throw', async () => {
    const store = { ...createMemoryStore(), purge: async () => undefined };
    const log = createLogSink();
    const stop = startRetention({ store, days: 30, logger: log.logger });
    await new Promise((resolve) => setImmediate(resolve));
    stop();
    expect(log.lines().some((line) => line.code === 'QLB_STORE_FAILED')).toBe(true);
  });
});
