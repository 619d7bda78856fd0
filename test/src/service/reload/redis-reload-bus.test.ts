/**
 * The reload broadcast's subscription across reconnects, against a scripted Redis that can
 * leave SUBSCRIBE unanswered: a slow or restarting server must never leave a rejected promise
 * nobody handles (it failed a whole CI run once), and the subscription comes back with Redis.
 */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedisReloadBus } from '../../../../src/service/reload/redis-reload-bus.js';
import { openRedis, type RedisConnection } from '../../../../src/service/redis/redis-connection.js';
import { createLogSink } from '../../../doubles/log-sink.js';
import { eventually } from '../../../doubles/eventually.js';

/** Just enough of RESP for ioredis to connect and subscribe. */
function scriptedRedis() {
  const sockets = new Set<net.Socket>();
  const subscribes: string[] = [];
  let answerSubscribe = true;
  const bulk = (text: string) => `$${Buffer.byteLength(text)}\r\n${text}\r\n`;
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = '';
    socket.on('data', (data) => {
      buffered += data.toString();
      for (;;) {
        const command = readCommand(buffered);
        if (!command) return;
        buffered = buffered.slice(command.length);
        const [name = '', ...args] = command.parts;
        const verb = name.toUpperCase();
        if (verb === 'INFO') socket.write(bulk('# Server\r\nloading:0\r\n'));
        else if (verb === 'SUBSCRIBE') {
          subscribes.push(args.join(' '));
          if (answerSubscribe) for (const [i, channel] of args.entries()) socket.write(`*3\r\n${bulk('subscribe')}${bulk(channel)}:${i + 1}\r\n`);
        } else socket.write('+OK\r\n');
      }
    });
  });
  return {
    listen: () => new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`redis://127.0.0.1:${(server.address() as net.AddressInfo).port}`))),
    subscribes,
    set answerSubscribe(value: boolean) {
      answerSubscribe = value;
    },
    /** Drops every client connection, as a restart does. */
    dropClients: () => sockets.forEach((socket) => socket.destroy()),
    close: () => new Promise<void>((resolve) => {
      sockets.forEach((socket) => socket.destroy());
      server.close(() => resolve());
    }),
  };
}

function readCommand(text: string): { parts: string[]; length: number } | undefined {
  const header = /^\*(\d+)\r\n/.exec(text);
  if (!header) return undefined;
  let at = header[0].length;
  const parts: string[] = [];
  for (let i = 0; i < Number(header[1]); i += 1) {
    const size = /^\$(\d+)\r\n/.exec(text.slice(at));
    if (!size) return undefined;
    const start = at + size[0].length;
    const end = start + Number(size[1]);
    if (text.length < end + 2) return undefined;
    parts.push(text.slice(start, end));
    at = end + 2;
  }
  return { parts, length: at };
}


describe('the reload subscription across reconnects', () => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  it('a SUBSCRIBE left unanswered after a reconnect rejects nothing unhandled; it is sent again with the next connection', async () => {
    const server = scriptedRedis();
    const url = await server.listen();
    const log = createLogSink();
    const redis: RedisConnection = openRedis({ url, keyPrefix: 'bus:', logger: log.logger, commandTimeoutMs: 100 });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    cleanup.push(async () => {
      process.off('unhandledRejection', onUnhandled);
      await redis.close();
      await server.close();
    });

    const reasons: string[] = [];
    createRedisReloadBus(redis, 'instance-a', log.logger).subscribe((reason) => reasons.push(reason));
    await eventually(() => server.subscribes.length === 1);

    server.answerSubscribe = false;
    server.dropClients();
    await eventually(() => server.subscribes.length === 2);
    // Well past the command timeout: a timed-out SUBSCRIBE would have rejected by now.
    await sleep(400);
    expect(unhandled).toEqual([]);
    expect(reasons).toContain('broadcast-missed');

    server.answerSubscribe = true;
    server.dropClients();
    await eventually(() => server.subscribes.length >= 3);
    expect(server.subscribes.every((channels) => channels === 'bus:reload')).toBe(true);
    await sleep(150);
    expect(unhandled).toEqual([]);
  });
});
