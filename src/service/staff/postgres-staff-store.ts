/**
 * The {@link StaffStore} in PostgreSQL (DATABASE_URL), so every instance behind the reverse
 * proxy knows the same staff, sessions, audit log and review actions. Tables of its own
 * beside the message store's, with migrations of their own counted in `staff_schema`, run
 * under an advisory lock so instances starting together migrate once.
 */
import { BotError, ErrorCodes } from '../../errors.js';
import { migratePostgres, type PostgresSchema } from '../store/migration-runner.js';
import type { Pool } from '../store/postgres/pool.js';
import { staffExists, type AuditRecord, type ReviewAction, type StaffAccount, type StaffSession, type StaffStore } from './staff-store.js';

/** Migration n (1-based) is `POSTGRES_STAFF_MIGRATIONS[n - 1]`. Append; never edit or reorder. */
export const POSTGRES_STAFF_MIGRATIONS: readonly string[] = [
  `CREATE TABLE staff_accounts (name TEXT PRIMARY KEY, password_hash TEXT NOT NULL, created_at BIGINT NOT NULL, password_changed_at BIGINT NOT NULL);
   CREATE TABLE staff_sessions (id TEXT PRIMARY KEY, name TEXT NOT NULL, csrf TEXT NOT NULL, created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL);
   CREATE INDEX staff_sessions_name ON staff_sessions (name);
   CREATE TABLE staff_audit (id BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, target TEXT, detail TEXT);
   CREATE INDEX staff_audit_at ON staff_audit (at);
   CREATE TABLE review_actions (type TEXT NOT NULL, key TEXT NOT NULL, action TEXT NOT NULL, entry TEXT, actor TEXT NOT NULL, at BIGINT NOT NULL, PRIMARY KEY (type, key));`,
];

/** The staff tables' schema in PostgreSQL; its advisory lock is not the message store's ("qlbs"). */
export const POSTGRES_STAFF_SCHEMA: PostgresSchema = { name: 'staff', migrations: POSTGRES_STAFF_MIGRATIONS, versionIn: { table: 'staff_schema' }, lock: 0x716c6273 };

/** Brings the staff tables up to date; returns how many migrations ran. */
export function migratePostgresStaff(pool: Pool): Promise<number> {
  return migratePostgres(pool, POSTGRES_STAFF_SCHEMA);
}

/** The review actions in the database, read without creating anything; none before the staff tables exist. */
export async function reviewActionsIn(pool: Pool): Promise<ReviewAction[]> {
  const exists = await pool.query<{ found: boolean }>(`SELECT to_regclass('review_actions') IS NOT NULL AS found`);
  if (!exists.rows[0]?.found) return [];
  const { rows } = await pool.query<ActionRow>('SELECT * FROM review_actions');
  return rows.map(action);
}

interface ActionRow { type: ReviewAction['type']; key: string; action: ReviewAction['action']; entry: string | null; actor: string; at: number }
const action = (r: ActionRow): ReviewAction => ({ type: r.type, key: r.key, action: r.action, actor: r.actor, at: r.at, ...(r.entry === null ? {} : { entry: r.entry }) });

interface AccountRow { name: string; password_hash: string; created_at: number; password_changed_at: number }
interface SessionRow { id: string; name: string; csrf: string; created_at: number; expires_at: number; last_seen_at: number }

const account = (r: AccountRow): StaffAccount => ({ name: r.name, passwordHash: r.password_hash, createdAt: r.created_at, passwordChangedAt: r.password_changed_at });
const optional = <K extends string>(key: K, value: string | null) => (value === null ? {} : ({ [key]: value } as Record<K, string>));

/** A staff store over `pool` (migrated); closing it ends the pool. Failures become QLB_STAFF_STORE_FAILED. */
export function openPostgresStaffStore(pool: Pool, where: string): StaffStore {
  const query = async <R extends object>(sql: string, values: unknown[] = []): Promise<R[]> => {
    try {
      return (await pool.query<R>(sql, values)).rows;
    } catch (error) {
      throw new BotError(ErrorCodes.STAFF_STORE_FAILED, `工作人员账号库无法读写(PostgreSQL ${where}):请检查数据库。[${(error as { code?: string }).code ?? (error as Error).message}]`, [], { cause: error });
    }
  };
  const count = async (sql: string, values: unknown[]) => (await query<{ n: number }>(`WITH done AS (${sql} RETURNING 1) SELECT COUNT(*)::int AS n FROM done`, values))[0]?.n ?? 0;
  return {
    async addAccount(a) {
      const added = await count('INSERT INTO staff_accounts VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING', [a.name, a.passwordHash, a.createdAt, a.passwordChangedAt]);
      if (added === 0) throw staffExists(a.name);
    },
    getAccount: async (name) => (await query<AccountRow>('SELECT * FROM staff_accounts WHERE name = $1', [name])).map(account)[0],
    listAccounts: async () => (await query<AccountRow>('SELECT * FROM staff_accounts ORDER BY name')).map(account),
    async removeAccount(name) {
      await query('DELETE FROM staff_sessions WHERE name = $1', [name]);
      return (await count('DELETE FROM staff_accounts WHERE name = $1', [name])) > 0;
    },
    async setPassword(name, hash, at) {
      await query('DELETE FROM staff_sessions WHERE name = $1', [name]);
      return (await count('UPDATE staff_accounts SET password_hash = $2, password_changed_at = $3 WHERE name = $1', [name, hash, at])) > 0;
    },
    async createSession(s) {
      await query('INSERT INTO staff_sessions VALUES ($1, $2, $3, $4, $5, $6)', [s.id, s.name, s.csrf, s.createdAt, s.expiresAt, s.lastSeenAt]);
    },
    async getSession(id) {
      const [r] = await query<SessionRow>('SELECT * FROM staff_sessions WHERE id = $1', [id]);
      return r && ({ id: r.id, name: r.name, csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at } satisfies StaffSession);
    },
    touchSession: async (id, at) => void (await query('UPDATE staff_sessions SET last_seen_at = $2 WHERE id = $1', [id, at])),
    deleteSession: async (id) => void (await query('DELETE FROM staff_sessions WHERE id = $1', [id])),
    audit: async (r) =>
      void (await query('INSERT INTO staff_audit (at, actor, action, target, detail) VALUES ($1, $2, $3, $4, $5)', [r.at, r.actor, r.action, r.target ?? null, r.detail ?? null])),
    auditLog: async ({ limit }) =>
      (await query<{ at: number; actor: string; action: AuditRecord['action']; target: string | null; detail: string | null }>(
        'SELECT at, actor, action, target, detail FROM staff_audit ORDER BY at DESC, id DESC LIMIT $1',
        [limit],
      )).map((r) => ({ at: r.at, actor: r.actor, action: r.action, ...optional('target', r.target), ...optional('detail', r.detail) })),
    recordReviewAction: async (a) =>
      void (await query(
        `INSERT INTO review_actions VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (type, key) DO UPDATE SET action = EXCLUDED.action, entry = EXCLUDED.entry, actor = EXCLUDED.actor, at = EXCLUDED.at`,
        [a.type, a.key, a.action, a.entry ?? null, a.actor, a.at],
      )),
    reviewActions: async () => (await query<ActionRow>('SELECT * FROM review_actions')).map(action),
    async purge({ now, before }) {
      return (
        (await count('DELETE FROM staff_sessions WHERE expires_at <= $1', [now])) +
        (await count('DELETE FROM staff_audit WHERE at < $1', [before])) +
        (await count('DELETE FROM review_actions WHERE at < $1', [before]))
      );
    },
    close: () => void pool.end().catch(() => undefined),
  };
}
