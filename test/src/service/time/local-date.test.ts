import { describe, expect, it } from 'vitest';
import { localDate } from '../../../../src/service/time/local-date.js';

describe('localDate', () => {
  it('is the day in China, whatever the server zone', () => {
    // 2026-03-01 16:30 UTC is already 2 March, 00:30, in 曲江区.
    expect(localDate(Date.UTC(2026, 2, 1, 16, 30))).toEqual({ year: 2026, month: 3, day: 2 });
    expect(localDate(Date.UTC(2026, 2, 1, 15, 59))).toEqual({ year: 2026, month: 3, day: 1 });
    expect(localDate(Date.UTC(2024, 1, 28, 16, 0))).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
