/**
 * The Redis breaker alone: a command without an answer opens it, an error reply from Redis
 * does not; open, it probes until one probe is answered; a new connection closes it.
 */
import { Redis, ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { answeredWithin, createRedisBreaker, RedisTimeoutError } from '../../../../src/service/redis/redis-breaker.js';
import { eventually } from '../../../doubles/eventually.js';
import { missingServers, startRedis } from '../../../doubles/real-servers.js';

function breaker(answers: () => boolean) {
  const told: string[] = [];
  let probes = 0;
  const b = createRedisBreaker({
    probe: async () => {
      probes += 1;
      if (!answers()) throw new Error('Command timed out');
    },
    connected: () => true,
    probeEveryMs: 5,
    onOpen: (error) => told.push(`open: ${(error as Error).message}`),
    onClose: () => told.push('closed'),
  });
  return { b, told, probes: () => probes };
}

describe('the Redis breaker', () => {
  it('opens on a command not answered, not on an error reply; a probe answered closes it', async () => {
    let answering = false;
    const { b, told, probes } = breaker(() => answering);
    b.failed(new ReplyError('WRONGTYPE Operation against a key holding the wrong kind of value'));
    expect(b.closed).toBe(true);
    b.failed(new Error('Command timed out'));
    b.failed(new Error('Command timed out'));
    expect(b.closed).toBe(false);
    expect(b.openSince).toEqual(expect.any(Number));
    await eventually(() => probes() >= 2);
    expect(b.closed).toBe(false);
    answering = true;
    await eventually(() => b.closed);
    expect(told).toEqual(['open: Command timed out', 'closed']);
    b.stop();
  });

  it('a new connection closes it without a probe', () => {
    const { b, told } = breaker(() => false);
    b.failed(new Error('Command timed out'));
    b.reset();
    expect(b.closed).toBe(true);
    expect(told).toEqual(['open: Command timed out']);
    b.stop();
  });
});

describe('answeredWithin', () => {
  it('times out what gets no answer', async () => {
    await expect(answeredWithin(new Promise(() => undefined), 20)).rejects.toBeInstanceOf(RedisTimeoutError);
    await expect(answeredWithin(Promise.resolve('ok'), 20)).resolves.toBe('ok');
    await expect(answeredWithin(Promise.reject(new Error('refused')), 20)).rejects.toThrow('refused');
  });

  it.skipIf(missingServers() !== undefined)('an answer that arrived while this process was busy is no timeout (a real Redis)', async () => {
    const server = await startRedis();
    const client = new Redis(server.url);
    try {
      await client.ping();
      const timed = answeredWithin(client.ping(), 20);
      const busyUntil = performance.now() + 100; // Redis answers meanwhile; the answer waits unread
      while (performance.now() < busyUntil);
      await expect(timed).resolves.toBe('PONG');
    } finally {
      client.disconnect();
      await server.close();
    }
  });
});
