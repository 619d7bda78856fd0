/**
 * The 接待 desk: staff on duty, and conversations handed to a person. Kept in the shared cache
 * (memory, or Redis with REDIS_URL), so a resident on one instance and staff on another meet.
 * Lines and the queue are appended by claiming the next numbered key (the cache's one atomic
 * step), so a line typed by the resident and one typed by staff at once are both kept; one
 * staff member takes a handoff by claiming it. Texts come in masked (the caller masks).
 */
import type { SharedCache } from '../shared-state/shared-state.js';

/** How long a handoff and its lines are kept after the last change: a day, then gone. */
const KEEP_MS = 24 * 3_600_000;
/** How long a 在岗 mark lasts without being set again (a shift). */
const DUTY_MS = 12 * 3_600_000;
/** Lines and queue places read at most (a guard on the numbered keys). */
const MAX_LINES = 500;

export interface HandoffLine {
  from: 'resident' | 'staff' | 'bot';
  text: string;
  at: number;
  /** The staff member's number as residents see it ("工作人员 3 号"). */
  staffNo?: string;
}

export interface Handoff {
  id: string;
  /** The conversation key (adapter:conversation). */
  key: string;
  adapter: string;
  conversationId: string;
  openedAt: number;
  status: 'waiting' | 'taken' | 'ended';
  staffNo?: string;
  endedBy?: 'resident' | 'staff';
}

export interface HandoffDesk {
  /** Staff numbers on duty now. */
  onDuty(): Promise<string[]>;
  setOnDuty(staffNo: string, on: boolean): Promise<void>;
  /** Opens a handoff with the conversation so far (masked lines); replaces none: one per conversation. */
  open(init: { key: string; adapter: string; conversationId: string; lines: HandoffLine[] }): Promise<Handoff>;
  /** The id of a conversation's latest handoff, open or ended (the page learns it ended). */
  idFor(key: string): Promise<string | undefined>;
  /** The open handoff of a conversation. */
  activeFor(key: string): Promise<Handoff | undefined>;
  get(id: string): Promise<Handoff | undefined>;
  /** Open handoffs (waiting or taken), oldest first. */
  list(): Promise<Handoff[]>;
  /** True when this staff member took it (no one had). */
  take(id: string, staffNo: string): Promise<boolean>;
  /** Appends a line; the number of lines before it. */
  say(id: string, line: HandoffLine): Promise<number>;
  /** Lines from `after` on. */
  lines(id: string, after?: number): Promise<HandoffLine[]>;
  /** Ends it; `said` is the bot's line to the resident (it answers again). */
  end(id: string, by: 'resident' | 'staff', at: number, said?: string): Promise<Handoff | undefined>;
  /** Hears every staff and bot line said here (this process), to push to channels that can. */
  onLine(listener: (handoff: Handoff, line: HandoffLine) => void): void;
}

/** The desk over `cache`; `now` is the one clock, `newId` makes handoff ids. */
export function createHandoffDesk(cache: SharedCache, options: { now: () => number; newId: () => string }): HandoffDesk {
  const read = async <T>(key: string): Promise<T | undefined> => {
    const raw = await cache.get(key);
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return undefined;
    }
  };
  const write = (key: string, value: unknown) => cache.set(key, JSON.stringify(value), KEEP_MS);
  /** Appends `value` at the first free number of `prefix`; its number. */
  const append = async (prefix: string, value: string): Promise<number> => {
    for (let n = 0; n < MAX_LINES; n += 1) {
      if (await cache.claim(`${prefix}:${n}`, KEEP_MS, value)) return n;
    }
    return MAX_LINES;
  };
  const readAll = async (prefix: string, from = 0): Promise<string[]> => {
    const out: string[] = [];
    for (let n = from; n < MAX_LINES; n += 1) {
      const value = await cache.get(`${prefix}:${n}`);
      if (value === undefined) break;
      out.push(value);
    }
    return out;
  };
  const listeners: Array<(handoff: Handoff, line: HandoffLine) => void> = [];
  const desk: HandoffDesk = {
    onLine: (listener) => void listeners.push(listener),
    async onDuty() {
      const roster = (await read<Record<string, number>>('handoff:duty')) ?? {};
      const now = options.now();
      return Object.entries(roster)
        .filter(([, until]) => until > now)
        .map(([no]) => no);
    },
    async setOnDuty(staffNo, on) {
      const roster = (await read<Record<string, number>>('handoff:duty')) ?? {};
      if (on) roster[staffNo] = options.now() + DUTY_MS;
      else delete roster[staffNo];
      await cache.set('handoff:duty', JSON.stringify(roster), DUTY_MS);
    },
    async open(init) {
      const existing = await desk.activeFor(init.key);
      if (existing) return existing;
      const handoff: Handoff = { id: options.newId(), key: init.key, adapter: init.adapter, conversationId: init.conversationId, openedAt: options.now(), status: 'waiting' };
      await write(`handoff:${handoff.id}`, handoff);
      await cache.set(`handoff:conv:${init.key}`, handoff.id, KEEP_MS);
      for (const line of init.lines) await desk.say(handoff.id, line);
      await append('handoff:queue', handoff.id);
      return handoff;
    },
    idFor: (key) => cache.get(`handoff:conv:${key}`),
    async activeFor(key) {
      const id = await cache.get(`handoff:conv:${key}`);
      const handoff = id ? await desk.get(id) : undefined;
      return handoff && handoff.status !== 'ended' ? handoff : undefined;
    },
    async get(id) {
      const handoff = await read<Handoff>(`handoff:${id}`);
      if (!handoff) return undefined;
      const taker = await cache.get(`handoff:${id}:taker`);
      return taker && handoff.status === 'waiting' ? { ...handoff, status: 'taken', staffNo: taker } : handoff;
    },
    async list() {
      const ids = [...new Set(await readAll('handoff:queue'))];
      const all = await Promise.all(ids.map((id) => desk.get(id)));
      return all.filter((h): h is Handoff => h !== undefined && h.status !== 'ended');
    },
    async take(id, staffNo) {
      const handoff = await desk.get(id);
      if (!handoff || handoff.status !== 'waiting') return false;
      return cache.claim(`handoff:${id}:taker`, KEEP_MS, staffNo);
    },
    async say(id, line) {
      const n = await append(`handoff:${id}:line`, JSON.stringify(line));
      if (line.from !== 'resident' && listeners.length > 0) {
        const handoff = await desk.get(id);
        if (handoff) for (const listener of listeners) listener(handoff, line);
      }
      return n;
    },
    async lines(id, after = 0) {
      return (await readAll(`handoff:${id}:line`, after)).map((raw) => JSON.parse(raw) as HandoffLine);
    },
    async end(id, by, at, said) {
      const handoff = await desk.get(id);
      if (!handoff || handoff.status === 'ended') return undefined;
      const ended: Handoff = { ...handoff, status: 'ended', endedBy: by };
      await write(`handoff:${id}`, ended);
      // The conversation still points at it, so the resident's page learns it ended.
      await desk.say(id, { from: 'bot', text: said ?? (by === 'staff' ? '工作人员已结束对话' : '居民已结束对话'), at });
      return ended;
    },
  };
  return desk;
}
