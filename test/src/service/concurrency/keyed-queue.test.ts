import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '../../../../src/service/concurrency/keyed-queue.js';

const gate = () => {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('keyed queue', () => {
  it('runs the jobs of a key in order while other keys go on, and bounds each key', async () => {
    const errors: unknown[] = [];
    const queue = createKeyedQueue({ maxPerKey: 2, onError: (error) => errors.push(error) });
    const order: string[] = [];
    const first = gate();
    const a1 = queue.push('a', async () => {
      await first.opened;
      order.push('a1');
    });
    const a2 = queue.push('a', async () => void order.push('a2'));
    expect(queue.push('a', async () => void order.push('a3'))).toBeUndefined(); // a is full
    await queue.push('b', async () => void order.push('b1'));
    expect(order).toEqual(['b1']); // b did not wait for a
    expect(queue.pending).toBe(2);
    first.open();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['b1', 'a1', 'a2']);
    expect(queue.pending).toBe(0);
    expect(errors).toEqual([]);
  });

  it('reports a failing job and goes on with the next; idle waits for jobs queued meanwhile', async () => {
    const errors: Array<[unknown, string]> = [];
    const queue = createKeyedQueue({ onError: (error, key) => errors.push([error, key]) });
    const boom = new Error('boom');
    const done: string[] = [];
    await expect(queue.push('a', async () => Promise.reject(boom))).resolves.toBeUndefined();
    queue.push('a', async () => {
      queue.push('c', async () => void done.push('c'));
      done.push('a');
    });
    await queue.idle();
    expect(done).toEqual(['a', 'c']);
    expect(errors).toEqual([[boom, 'a']]);
  });
});
