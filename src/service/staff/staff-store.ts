/**
 * What the staff console keeps, behind a small interface of its own: staff accounts (name and
 * scrypt hash), login sessions, the audit log of every change, and what staff did with the
 * questions awaiting review. SQLite in DATA_DIR in production ({@link openSqliteStaffStore});
 * in memory for tests. Asynchronous, so a networked database can stand behind it.
 */
import { BotError, ErrorCodes } from '../../errors.js';

/** One staff account. */
export interface StaffAccount {
  name: string;
  /** `scrypt$…` as {@link hashPassword} makes it; never the password. */
  passwordHash: string;
  createdAt: number;
  /** Sessions begun before this are void (a new password logs every device out). */
  passwordChangedAt: number;
}

/** One login. The cookie holds a token; the store only its SHA-256 (`id`). */
export interface StaffSession {
  id: string;
  name: string;
  /** The CSRF token every change from this session must carry. */
  csrf: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
}

/** What staff can do, as the audit log names it. */
export type AuditAction =
  | 'login'
  | 'logout'
  | 'login.locked'
  | 'question.add'
  | 'question.refused'
  | 'review.dismiss'
  | 'knowledge.reload'
  | 'sources.change'
  | 'staff.add'
  | 'staff.remove'
  | 'staff.password'
  | 'desk.on-duty'
  | 'desk.off-duty'
  | 'desk.take'
  | 'desk.reply'
  | 'desk.end'
  | 'callback.done';

/** One line of the audit log: who did what, when. */
export interface AuditRecord {
  at: number;
  /** The staff member's name, or `命令行(user)` for the command line. */
  actor: string;
  action: AuditAction;
  /** What it was done to: an entry id, an account name. */
  target?: string;
  /** More in words: the question added, why a change was refused. */
  detail?: string;
}

/** A group of questions awaiting review that staff dealt with. */
export interface ReviewAction {
  type: 'unanswered' | 'disliked';
  /** The group's key ({@link groupKey} of its question, or `entry:<id>`). */
  key: string;
  action: 'dismissed' | 'added';
  /** For `added`: the entry the question went to. */
  entry?: string;
  actor: string;
  at: number;
}

export interface StaffStore {
  /** Resolves once the store can be used; rejects with QLB_STAFF_STORE_FAILED while it cannot (a store opened on demand). */
  ready?(): Promise<void>;
  /** @throws BotError QLB_STAFF_EXISTS when the name is taken. */
  addAccount(account: StaffAccount): Promise<void>;
  getAccount(name: string): Promise<StaffAccount | undefined>;
  listAccounts(): Promise<StaffAccount[]>;
  /** Removes the account and its sessions; false when there was none. */
  removeAccount(name: string): Promise<boolean>;
  /** Sets a new hash and ends the account's sessions; false when there is no such account. */
  setPassword(name: string, passwordHash: string, at: number): Promise<boolean>;
  createSession(session: StaffSession): Promise<void>;
  getSession(id: string): Promise<StaffSession | undefined>;
  touchSession(id: string, at: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  audit(record: AuditRecord): Promise<void>;
  /** The newest audit records first. */
  auditLog(options: { limit: number }): Promise<AuditRecord[]>;
  /** Records (or replaces) what was done with a group of questions. */
  recordReviewAction(action: ReviewAction): Promise<void>;
  reviewActions(): Promise<ReviewAction[]>;
  /** Deletes expired sessions, and audit records and review actions older than `before`. */
  purge(options: { now: number; before: number }): Promise<number>;
  close(): void;
}

/** A staff store in memory, for tests. */
export function createMemoryStaffStore(): StaffStore {
  const accounts = new Map<string, StaffAccount>();
  const sessions = new Map<string, StaffSession>();
  let log: AuditRecord[] = [];
  const actions = new Map<string, ReviewAction>();
  const endSessions = (name: string) => {
    for (const [id, session] of sessions) if (session.name === name) sessions.delete(id);
  };
  return {
    async addAccount(account) {
      if (accounts.has(account.name)) throw staffExists(account.name);
      accounts.set(account.name, { ...account });
    },
    getAccount: async (name) => (accounts.has(name) ? { ...(accounts.get(name) as StaffAccount) } : undefined),
    listAccounts: async () => [...accounts.values()].sort((a, b) => a.name.localeCompare(b.name)).map((a) => ({ ...a })),
    async removeAccount(name) {
      endSessions(name);
      return accounts.delete(name);
    },
    async setPassword(name, passwordHash, at) {
      const account = accounts.get(name);
      if (!account) return false;
      accounts.set(name, { ...account, passwordHash, passwordChangedAt: at });
      endSessions(name);
      return true;
    },
    createSession: async (session) => void sessions.set(session.id, { ...session }),
    getSession: async (id) => (sessions.has(id) ? { ...(sessions.get(id) as StaffSession) } : undefined),
    async touchSession(id, at) {
      const session = sessions.get(id);
      if (session) session.lastSeenAt = at;
    },
    deleteSession: async (id) => void sessions.delete(id),
    audit: async (record) => void log.push({ ...record }),
    auditLog: async ({ limit }) => [...log].sort((a, b) => b.at - a.at).slice(0, limit),
    recordReviewAction: async (action) => void actions.set(`${action.type}\u0000${action.key}`, { ...action }),
    reviewActions: async () => [...actions.values()],
    async purge({ now, before }) {
      let removed = 0;
      for (const [id, session] of sessions) if (session.expiresAt <= now) removed += Number(sessions.delete(id));
      const kept = log.filter((record) => record.at >= before);
      removed += log.length - kept.length;
      log = kept;
      for (const [key, action] of actions) if (action.at < before) removed += Number(actions.delete(key));
      return removed;
    },
    close: () => undefined,
  };
}

/** The error of a name already taken. */
export function staffExists(name: string): BotError {
  return new BotError(ErrorCodes.STAFF_EXISTS, `工作人员账号“${name}”已经存在`);
}
