/**
 * The {@link StaffStore} in SQLite: tables of its own in the bot's database in DATA_DIR
 * (`legal-bot.sqlite`), with migrations of their own, counted in `staff_schema` so they
 * never interfere with the message store's (`PRAGMA user_version`). Every failure becomes
 * QLB_STAFF_STORE_FAILED with a Chinese message naming the file.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { BotError, ErrorCodes } from '../../errors.js';
import { ensureDir } from '../../fs/ensure-dir.js';
import { STORE_FILE } from '../store/sqlite-database.js';
import { errorCode } from '../store/store-health.js';
import { migrateStaff } from './staff-migrations.js';
import { staffExists, type AuditRecord, type ReviewAction, type StaffAccount, type StaffSession, type StaffStore } from './staff-store.js';

type Db = BetterSqlite3.Database;

interface AccountRow { name: string; password_hash: string; created_at: number; password_changed_at: number }
interface SessionRow { id: string; name: string; csrf: string; created_at: number; expires_at: number; last_seen_at: number }
interface AuditRow { at: number; actor: string; action: AuditRecord['action']; target: string | null; detail: string | null }
interface ActionRow { type: ReviewAction['type']; key: string; action: ReviewAction['action']; entry: string | null; actor: string; at: number }

const account = (r: AccountRow): StaffAccount => ({ name: r.name, passwordHash: r.password_hash, createdAt: r.created_at, passwordChangedAt: r.password_changed_at });
const session = (r: SessionRow): StaffSession => ({
  id: r.id, name: r.name, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at,
});
const optional = <K extends string>(key: K, value: string | null) => (value === null ? {} : ({ [key]: value } as Record<K, string>));

/**
 * What staff did with the questions awaiting review, read over a read-only connection to the
 * bot's database (as `review` reads it); none when the staff tables were never made.
 */
export function reviewActionsOf(db: Db): ReviewAction[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'review_actions'").get();
  if (!table) return [];
  return db
    .prepare<unknown[], ActionRow>('SELECT * FROM review_actions')
    .all()
    .map((r) => ({ type: r.type, key: r.key, action: r.action, actor: r.actor, at: r.at, ...optional('entry', r.entry) }));
}

/**
 * Opens (creating when needed) the staff tables in `dataDir`.
 * @throws BotError QLB_STAFF_STORE_FAILED when the database cannot be opened or migrated.
 */
export function openSqliteStaffStore(dataDir: string): StaffStore {
  const file = path.join(dataDir, STORE_FILE);
  const fail = (error: unknown): BotError =>
    error instanceof BotError
      ? error
      : new BotError(
          ErrorCodes.STAFF_STORE_FAILED,
          `工作人员账号库无法读写(${file}):请检查 DATA_DIR 的路径、权限和磁盘空间。[${errorCode(error)}]`,
          [],
          { cause: error },
        );
  let db: Db;
  try {
    ensureDir(dataDir);
    // Staff requests are rare and short; a brief wait for the message store's writes is enough.
    db = new Database(file, { timeout: 250 });
    db.pragma('journal_mode = WAL');
    migrateStaff(db);
  } catch (error) {
    throw fail(error);
  }
  const run = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(fail(error));
    }
  };
  const endSessions = db.prepare('DELETE FROM staff_sessions WHERE name = ?');

  return {
    addAccount: (a) =>
      run(() => {
        const taken = db.prepare('SELECT 1 FROM staff_accounts WHERE name = ?').get(a.name);
        if (taken) throw staffExists(a.name);
        db.prepare('INSERT INTO staff_accounts (name, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?)')
          .run(a.name, a.passwordHash, a.createdAt, a.passwordChangedAt);
      }),
    getAccount: (name) =>
      run(() => {
        const row = db.prepare<unknown[], AccountRow>('SELECT * FROM staff_accounts WHERE name = ?').get(name);
        return row && account(row);
      }),
    listAccounts: () => run(() => db.prepare<unknown[], AccountRow>('SELECT * FROM staff_accounts ORDER BY name').all().map(account)),
    removeAccount: (name) =>
      run(() =>
        db.transaction(() => {
          endSessions.run(name);
          return db.prepare('DELETE FROM staff_accounts WHERE name = ?').run(name).changes > 0;
        })(),
      ),
    setPassword: (name, hash, at) =>
      run(() =>
        db.transaction(() => {
          endSessions.run(name);
          return db.prepare('UPDATE staff_accounts SET password_hash = ?, password_changed_at = ? WHERE name = ?').run(hash, at, name).changes > 0;
        })(),
      ),
    createSession: (s) =>
      run(() => {
        db.prepare('INSERT INTO staff_sessions (id, name, csrf, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(s.id, s.name, s.csrf, s.createdAt, s.expiresAt, s.lastSeenAt);
      }),
    getSession: (id) =>
      run(() => {
        const row = db.prepare<unknown[], SessionRow>('SELECT * FROM staff_sessions WHERE id = ?').get(id);
        return row && session(row);
      }),
    touchSession: (id, at) => run(() => void db.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE id = ?').run(at, id)),
    deleteSession: (id) => run(() => void db.prepare('DELETE FROM staff_sessions WHERE id = ?').run(id)),
    audit: (r) =>
      run(() => {
        db.prepare('INSERT INTO staff_audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
          .run(r.at, r.actor, r.action, r.target ?? null, r.detail ?? null);
      }),
    auditLog: ({ limit }) =>
      run(() =>
        db
          .prepare<unknown[], AuditRow>('SELECT at, actor, action, target, detail FROM staff_audit ORDER BY at DESC, id DESC LIMIT ?')
          .all(limit)
          .map((r) => ({ at: r.at, actor: r.actor, action: r.action, ...optional('target', r.target), ...optional('detail', r.detail) })),
      ),
    recordReviewAction: (a) =>
      run(() => {
        db.prepare('INSERT OR REPLACE INTO review_actions (type, key, action, entry, actor, at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(a.type, a.key, a.action, a.entry ?? null, a.actor, a.at);
      }),
    reviewActions: () => run(() => reviewActionsOf(db)),
    purge: ({ now, before }) =>
      run(() =>
        db.transaction(
          () =>
            db.prepare('DELETE FROM staff_sessions WHERE expires_at <= ?').run(now).changes +
            db.prepare('DELETE FROM staff_audit WHERE at < ?').run(before).changes +
            db.prepare('DELETE FROM review_actions WHERE at < ?').run(before).changes,
        )(),
      ),
    close: () => db.close(),
  };
}
