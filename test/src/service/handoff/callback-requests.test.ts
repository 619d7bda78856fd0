import { clockReading } from '../../../doubles/manual-clock.js';
import { describe, expect, it } from 'vitest';
import { createSealer } from '../../../../src/service/handoff/callback-crypto.js';
import { createCallbackDesk } from '../../../../src/service/handoff/callback-requests.js';
import { createMemoryCache } from '../../../../src/service/shared-state/memory-state.js';
import type { SharedCache } from '../../../../src/service/shared-state/shared-state.js';

const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);
const DAY = 86_400_000;

/** A cache that also keeps every value written, to look for the number in plain text. */
function recording(cache: SharedCache) {
  const written: string[] = [];
  return { written, cache: { ...cache, set: (key: string, value: string, ttl: number) => (written.push(value), cache.set(key, value, ttl)) } };
}

describe('callback requests', () => {
  it('keep the number sealed at rest, opened for staff; a rotated key still opens older numbers', async () => {
    const now = 1_000_000;
    const { written, cache } = recording(createMemoryCache({ clock: clockReading(() => now) }));
    const desk = createCallbackDesk(cache, { sealer: createSealer([OLD]), retentionMs: 30 * DAY, now: () => now, newId: () => 'r1' });
    const request = await desk.request({ adapter: 'web', phone: '13800138000', purpose: '工资被拖欠', consentText: '我同意' });
    expect(written.join('\n')).not.toContain('13800138000');
    expect(request.consent).toEqual({ text: '我同意', at: now });
    expect(desk.phoneOf(request)).toBe('13800138000');

    const rotated = createCallbackDesk(cache, { sealer: createSealer([NEW, OLD]), retentionMs: 30 * DAY, now: () => now, newId: () => 'r2' });
    expect(rotated.phoneOf((await rotated.list())[0]!)).toBe('13800138000');
    const retired = createSealer([NEW]);
    expect(retired.open(request.phone)).toBeUndefined();
  });

  it('are marked done once, and deleted after the retention period, done or not', async () => {
    let now = 1_000_000;
    const cache = createMemoryCache({ clock: clockReading(() => now) });
    let n = 0;
    const desk = createCallbackDesk(cache, { sealer: createSealer([OLD]), retentionMs: 30 * DAY, now: () => now, newId: () => `r${(n += 1)}` });
    const first = await desk.request({ adapter: 'web', phone: '13800138000', purpose: 'a', consentText: '我同意' });
    now += 10 * DAY;
    await desk.request({ adapter: 'web', phone: '0751-1234567', purpose: 'b', consentText: '我同意' });
    expect(await desk.done(first.id, '王芳')).toBe(true);
    expect(await desk.done(first.id, '王芳')).toBe(false);
    expect((await desk.list()).map((r) => [r.purpose, r.status])).toEqual([['a', 'done'], ['b', 'open']]);
    now += 21 * DAY;
    expect((await desk.list()).map((r) => r.purpose)).toEqual(['b']);
    expect(await cache.get(`callback:${first.id}`)).toBeUndefined();
    now += 10 * DAY;
    expect(await desk.list()).toEqual([]);
  });
});
