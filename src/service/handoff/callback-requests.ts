/**
 * Callback requests: a resident nobody could take asks to be called back, giving a number,
 * the purpose, and explicit consent to be called about it. Kept in the shared cache with the
 * number sealed (callback-crypto.ts) and deleted by expiry after RETENTION_DAYS, done or not;
 * the number is never logged, exported or kept in plain text.
 */
import type { SharedCache } from '../shared-state/shared-state.js';
import type { Sealer } from './callback-crypto.js';

/** Queue places read at most. */
const MAX_QUEUE = 1000;

export interface CallbackRequest {
  id: string;
  at: number;
  adapter: string;
  purpose: string;
  /** The consent the resident gave, word for word, and when. */
  consent: { text: string; at: number };
  /** The number, sealed. */
  phone: string;
  status: 'open' | 'done';
  doneBy?: string;
}

export interface CallbackDesk {
  request(init: { adapter: string; phone: string; purpose: string; consentText: string }): Promise<CallbackRequest>;
  /** Requests still kept (open and done), oldest first. */
  list(): Promise<CallbackRequest[]>;
  /** The number of a request, opened for staff. */
  phoneOf(request: CallbackRequest): string | undefined;
  done(id: string, staff: string): Promise<boolean>;
}

/** The desk over `cache`; requests expire `retentionMs` after they were made. */
export function createCallbackDesk(cache: SharedCache, options: { sealer: Sealer; retentionMs: number; now: () => number; newId: () => string }): CallbackDesk {
  const read = async (id: string): Promise<CallbackRequest | undefined> => {
    const raw = await cache.get(`callback:${id}`);
    return raw ? (JSON.parse(raw) as CallbackRequest) : undefined;
  };
  const ttl = (request: CallbackRequest) => Math.max(1, request.at + options.retentionMs - options.now());
  return {
    async request(init) {
      const at = options.now();
      const request: CallbackRequest = {
        id: options.newId(),
        at,
        adapter: init.adapter,
        purpose: init.purpose,
        consent: { text: init.consentText, at },
        phone: options.sealer.seal(init.phone),
        status: 'open',
      };
      await cache.set(`callback:${request.id}`, JSON.stringify(request), options.retentionMs);
      for (let n = 0; n < MAX_QUEUE; n += 1) if (await cache.claim(`callback:queue:${n}`, options.retentionMs, request.id)) break;
      return request;
    },
    async list() {
      const out: CallbackRequest[] = [];
      // Places expire oldest first, and a new request refills the first free one: read past gaps.
      for (let n = 0, misses = 0; n < MAX_QUEUE && misses < 50; n += 1) {
        const id = await cache.get(`callback:queue:${n}`);
        misses = id === undefined ? misses + 1 : 0;
        if (id === undefined) continue;
        const request = await read(id);
        if (request && options.now() < request.at + options.retentionMs) out.push(request);
      }
      return out;
    },
    phoneOf: (request) => options.sealer.open(request.phone),
    async done(id, staff) {
      const request = await read(id);
      if (!request || request.status === 'done') return false;
      const done: CallbackRequest = { ...request, status: 'done', doneBy: staff };
      await cache.set(`callback:${id}`, JSON.stringify(done), ttl(done));
      return true;
    },
  };
}
