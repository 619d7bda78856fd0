/**
 * The store over the deployment's salt: records made while the salt is not known are held
 * under provisional hashes and handed to the engine under the deployment's once it is; too
 * many are dropped and counted; once known, records go straight through.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import type { DeploymentSalt } from '../../../../src/service/store/deployment-salt.js';
import { createMemoryStore, saltedHash } from '../../../../src/service/store/message-store.js';
import { createSaltedStore } from '../../../../src/service/store/salted-store.js';
import { createLogSink } from '../../../doubles/log-sink.js';

/** A salt that is told when it becomes known. */
function pendingSalt(): DeploymentSalt & { know(salt: string): void } {
  let value: string | undefined;
  const listeners: Array<(salt: string) => void> = [];
  return {
    get value() {
      return value;
    },
    hash: (key) => (value === undefined ? undefined : saltedHash(value, key)),
    onChange: (listener) => void listeners.push(listener),
    health: () => ({ state: value === undefined ? 'waiting' : 'ok', shared: true }),
    check: async () => undefined,
    close: () => undefined,
    know(salt) {
      value = salt;
      for (const listener of listeners) listener(salt);
    },
  };
}

const message = (conversation: string) => ({ at: 1, adapter: 'web', conversation, kind: 'answer', latencyMs: 1 });

describe('the store over the deployment salt', () => {
  it('holds records while the salt is not known and hands them on under the deployment hashes', async () => {
    const engine = createMemoryStore();
    const salt = pendingSalt();
    const store = createSaltedStore({ store: engine, salt, logger: createLogSink().logger });
    const provisional = store.hashConversation('web:a');
    expect(provisional).toMatch(/^pending-/);
    store.recordMessage(message(provisional));
    store.recordFeedback({ at: 2, adapter: 'web', conversation: store.hashConversation('web:b'), useful: true });
    expect(engine.messages).toEqual([]);
    expect(store.health().queued).toBe(2);
    expect(await store.flush()).toBe(false);

    salt.know('s1');
    expect(engine.messages.map((record) => record.conversation)).toEqual([saltedHash('s1', 'web:a')]);
    expect(engine.feedback.map((record) => record.conversation)).toEqual([saltedHash('s1', 'web:b')]);
    expect(store.hashConversation('web:a')).toBe(saltedHash('s1', 'web:a'));
    store.recordMessage(message(store.hashConversation('web:c')));
    expect(engine.messages).toHaveLength(2);
    expect(await store.flush()).toBe(true);
  });

  it('drops and counts what is beyond what it may hold', () => {
    const engine = createMemoryStore();
    const salt = pendingSalt();
    const log = createLogSink();
    const store = createSaltedStore({ store: engine, salt, logger: log.logger, maxHeld: 2 });
    for (const key of ['web:a', 'web:b', 'web:c']) store.recordMessage(message(store.hashConversation(key)));
    expect(store.health()).toMatchObject({ queued: 2, dropped: 1 });
    salt.know('s1');
    expect(engine.messages).toHaveLength(2);
    expect(log.lines().filter((line) => line.code === ErrorCodes.STORE_RECORDS_DROPPED)).toHaveLength(1);
  });
});
