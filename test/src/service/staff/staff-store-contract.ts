/**
 * The staff store's contract, for every implementation: accounts, sessions (ended by a new
 * password and by removal), the audit log, review actions, purging.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../../src/errors.js';
import type { StaffSession, StaffStore } from '../../../../src/service/staff/staff-store.js';

const T = 1_700_000_000_000;
const session = (id: string, name: string, expiresAt = T + 1000): StaffSession => ({ id, name, csrf: `csrf-${id}`, createdAt: T, expiresAt, lastSeenAt: T });

/** Describes the contract for the store `open` makes (a fresh, empty one each time). */
export function describeStaffStoreContract(engine: string, open: () => StaffStore | Promise<StaffStore>): void {
  describe(`staff store contract: ${engine}`, () => {
  it('adds, lists, finds and removes accounts; a taken name is refused with QLB_STAFF_EXISTS', async () => {
    const store = await open();
    await store.addAccount({ name: '王芳', passwordHash: 'h1', createdAt: T, passwordChangedAt: T });
    await store.addAccount({ name: 'li.wei', passwordHash: 'h2', createdAt: T, passwordChangedAt: T });
    await expect(store.addAccount({ name: '王芳', passwordHash: 'h3', createdAt: T, passwordChangedAt: T })).rejects.toMatchObject({ code: ErrorCodes.STAFF_EXISTS });
    expect((await store.listAccounts()).map((a) => a.name)).toEqual(['li.wei', '王芳']);
    expect(await store.getAccount('王芳')).toEqual({ name: '王芳', passwordHash: 'h1', createdAt: T, passwordChangedAt: T });
    expect(await store.removeAccount('li.wei')).toBe(true);
    expect(await store.removeAccount('li.wei')).toBe(false);
    expect(await store.getAccount('li.wei')).toBeUndefined();
    store.close();
  });

  it('a new password and a removal end the account’s sessions, and only its own', async () => {
    const store = await open();
    for (const name of ['a', 'b']) await store.addAccount({ name, passwordHash: 'h', createdAt: T, passwordChangedAt: T });
    await store.createSession(session('s1', 'a'));
    await store.createSession(session('s2', 'b'));
    await store.touchSession('s1', T + 5);
    expect(await store.getSession('s1')).toMatchObject({ name: 'a', csrf: 'csrf-s1', lastSeenAt: T + 5 });
    expect(await store.setPassword('a', 'h2', T + 9)).toBe(true);
    expect(await store.getSession('s1')).toBeUndefined();
    expect((await store.getAccount('a'))?.passwordChangedAt).toBe(T + 9);
    expect(await store.setPassword('nobody', 'h', T)).toBe(false);
    await store.removeAccount('b');
    expect(await store.getSession('s2')).toBeUndefined();
    await store.createSession(session('s3', 'a'));
    await store.deleteSession('s3');
    expect(await store.getSession('s3')).toBeUndefined();
    store.close();
  });

  it('keeps the audit log newest first and one action per group of questions; purges what is old', async () => {
    const store = await open();
    await store.audit({ at: T, actor: '王芳', action: 'login' });
    await store.audit({ at: T + 2, actor: '王芳', action: 'question.add', target: 'legal-aid.where', detail: '法援去哪' });
    await store.audit({ at: T - 100, actor: '命令行(root)', action: 'staff.add', target: '王芳' });
    expect((await store.auditLog({ limit: 2 })).map((r) => r.action)).toEqual(['question.add', 'login']);
    expect((await store.auditLog({ limit: 1 }))[0]).toEqual({ at: T + 2, actor: '王芳', action: 'question.add', target: 'legal-aid.where', detail: '法援去哪' });
    await store.recordReviewAction({ type: 'unanswered', key: 'k', action: 'dismissed', actor: '王芳', at: T - 50 });
    await store.recordReviewAction({ type: 'unanswered', key: 'k', action: 'added', entry: 'notary.where', actor: '王芳', at: T + 3 });
    await store.recordReviewAction({ type: 'disliked', key: 'k', action: 'dismissed', actor: '王芳', at: T - 60 });
    expect(await store.reviewActions()).toHaveLength(2);
    await store.createSession(session('old', '王芳', T));
    await store.createSession(session('live', '王芳', T + 10_000));
    expect(await store.purge({ now: T, before: T - 10 })).toBe(3);
    expect(await store.getSession('old')).toBeUndefined();
    expect(await store.getSession('live')).toBeDefined();
    expect((await store.auditLog({ limit: 10 })).map((r) => r.action)).toEqual(['question.add', 'login']);
    expect(await store.reviewActions()).toEqual([{ type: 'unanswered', key: 'k', action: 'added', entry: 'notary.where', actor: '王芳', at: T + 3 }]);
    store.close();
  });
  });
}
