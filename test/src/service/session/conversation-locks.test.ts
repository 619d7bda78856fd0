/**
 * Conversation locks of one process, and the session step holding them for a turn: turns of a
 * conversation one after another, other conversations never waiting, a wait that runs out
 * going on without the lock (logged), a holder that never lets go freed after its hold.
 */
import { describe, expect, it } from 'vitest';
import { createBot } from '../../../../src/bot.js';
import { ErrorCodes } from '../../../../src/errors.js';
import { createMemoryConversationLocks, type ConversationLocks } from '../../../../src/service/session/conversation-locks.js';
import { createMemorySessionStore, type SessionStore } from '../../../../src/service/session/session-store.js';
import { realEngine } from '../../../doubles/harness.js';
import { createLogSink } from '../../../doubles/log-sink.js';

describe('conversation locks in memory', () => {
  it('hands a conversation to one turn at a time, in arrival order; other conversations do not wait', async () => {
    const locks = createMemoryConversationLocks();
    const order: string[] = [];
    const first = await locks.acquire('c');
    const second = locks.acquire('c').then((lock) => (order.push('second'), lock));
    const third = locks.acquire('c').then((lock) => (order.push('third'), lock));
    const other = await locks.acquire('d');
    expect(other).toBeDefined();
    order.push('first done');
    await first?.release();
    await (await second)?.release();
    await (await third)?.release();
    expect(order).toEqual(['first done', 'second', 'third']);
  });

  it('a wait that runs out gives no lock, and the queue goes on after it', async () => {
    const locks = createMemoryConversationLocks({ waitMs: 20 });
    const held = await locks.acquire('c');
    expect(await locks.acquire('c')).toBeUndefined();
    await held?.release();
    expect(await locks.acquire('c')).toBeDefined();
  });

  it('a holder that never releases lets the next turn in after its hold', async () => {
    const locks = createMemoryConversationLocks({ waitMs: 1_000, holdMs: 30 });
    await locks.acquire('c');
    expect(await locks.acquire('c')).toBeDefined();
  });
});

describe('the session step under the lock', () => {
  /** A session store whose reads wait until told, so two turns overlap. */
  function slowSessions(): SessionStore & { open(): void } {
    const inner = createMemorySessionStore({ idleMs: 60_000 });
    let gate: () => void = () => undefined;
    let opened = new Promise<void>((resolve) => (gate = resolve));
    return {
      async read(key) {
        await opened;
        return inner.read(key);
      },
      write: (key, state) => inner.write(key, state),
      delete: (key) => inner.delete(key),
      open() {
        gate();
        opened = Promise.resolve();
      },
    };
  }

  async function bot(locks: ConversationLocks, sessions: SessionStore) {
    const log = createLogSink();
    const { engine } = await realEngine();
    return { log, bot: createBot({ engine, logger: log.logger, maxMessageChars: 500, sessionIdleMs: 60_000, sessions, conversationLocks: locks }) };
  }
  const message = (text: string) => ({ adapter: 'test', conversationId: 'chat-1', senderId: 'a', kind: 'text' as const, text });

  it('a list and a pick sent at once: the pick reads what the list wrote', async () => {
    const sessions = slowSessions();
    const { bot: b } = await bot(createMemoryConversationLocks(), sessions);
    const opened = b.handle(message('法律援助'));
    const picked = b.handle(message('2'));
    sessions.open();
    const [list, pick] = await Promise.all([opened, picked]);
    expect(list.kind).toBe('clarify');
    expect(pick).toMatchObject({ kind: 'answer', entryId: list.choices?.[1]?.id.replace(/^e:/, '') });
  });

  it('danger never waits for the lock: a conversation held by a slow turn still gets its emergency reply at once', async () => {
    const locks = createMemoryConversationLocks({ waitMs: 5_000 });
    const { bot: b } = await bot(locks, createMemorySessionStore({ idleMs: 60_000 }));
    const held = await locks.acquire('test:chat-1');
    const started = performance.now();
    expect((await b.handle(message('他拿着刀在门口,我好害怕'))).kind).toBe('emergency');
    expect(performance.now() - started).toBeLessThan(1_000);
    await held?.release();
  });

  it('a lock not obtained in time is logged with its code, and the message is answered anyway', async () => {
    const never: ConversationLocks = { acquire: async () => undefined };
    const { bot: b, log } = await bot(never, createMemorySessionStore({ idleMs: 60_000 }));
    expect((await b.handle(message('法律援助'))).kind).toBe('clarify');
    expect(log.lines().filter((line) => line.code === ErrorCodes.CONVERSATION_BUSY)).toHaveLength(1);
  });
});
