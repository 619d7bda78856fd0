/**
 * The one send pacer of the chat adapters: when a message may go out. Sends wait in lanes (a
 * Telegram chat; WeChat's one account), a lane sends one at a time in order, with a gap (and
 * a random jitter) between sends and at most so many in a window; an overall window can cap
 * all lanes together (Telegram's messages per second). Waiting here first keeps the
 * platforms' limits and risk controls from ever being met.
 *
 * Time is the given {@link Clock}, so tests drive the pacing with a manual clock; windows are
 * counted on the one sliding-window counter. A lane quiet for `idleMs` is forgotten, so
 * memory stays flat however many chats there are.
 */
import { createSlidingWindow, type SlidingWindow } from '../../src/service/limits/sliding-window.js';
import type { Clock } from '../../src/service/time/clock.js';

/** How one lane's sends are spaced. */
export interface LaneRules {
  /** Smallest gap between two sends of the lane, in ms. */
  gapMs: number;
  /**
   * Where the gap is measured from: the previous send's `end` (a slow platform call must not
   * eat into the gap: WeChat) or its `start` (a rate of sends: Telegram's per chat).
   */
  gapFrom: 'start' | 'end';
  /** Up to this many random extra ms per send, so the rhythm does not look machine-made. */
  jitterMs?: number;
  /** At most `limit` sends in any `windowMs` (Telegram: a group's messages per minute). */
  perWindow?: { limit: number; windowMs: number };
}

export interface SendPacerOptions {
  clock: Clock;
  /** At most `limit` sends of all lanes together in any `windowMs`. */
  overall?: { limit: number; windowMs: number };
  /** Returns a number in [0, 1) for the jitter; `Math.random` by default. */
  random?: () => number;
  /** A lane with nothing to send is forgotten this long after its last send (default 5 minutes). */
  idleMs?: number;
}

/** The rejection of a send still waiting for its turn when the pacer stopped. */
export class PacerStoppedError extends Error {
  constructor() {
    super('send dropped: the pacer stopped');
    this.name = 'PacerStoppedError';
  }
}

export interface SendPacer {
  /** Runs `send` at its turn in `lane`; settles as the send does, or rejects with {@link PacerStoppedError}. */
  schedule<T>(lane: string, rules: LaneRules, send: () => Promise<T>): Promise<T>;
  /** Sends waiting for their turn, in all lanes (not counting those under way). */
  readonly waiting: number;
  /** Resolves once nothing waits or is under way. */
  idle(): Promise<void>;
  /** Rejects the waiting sends, cuts the pauses short, and resolves with how many were dropped once the sends under way ended. */
  stop(): Promise<number>;
}

interface Job {
  send: () => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  rules: LaneRules;
  jobs: Job[];
  lastAt: number;
  window?: SlidingWindow;
  pumping?: Promise<void>;
}

const ALL = 'all';

/** Creates a pacer with no lanes; nothing waits until something is scheduled. */
export function createSendPacer(options: SendPacerOptions): SendPacer {
  const { clock } = options;
  const random = options.random ?? Math.random;
  const idleMs = options.idleMs ?? 5 * 60_000;
  const overall = options.overall && { ...options.overall, window: createSlidingWindow({ windowMs: options.overall.windowMs, maxKeys: 1, clock }) };
  const lanes = new Map<string, Lane>();
  const stopping = new AbortController();
  let lastSweep = clock.now();

  /** How long the lane's next send must still wait: for its gap, and for room in its window and the overall one. */
  const waitOf = (lane: Lane, jitter: number): number => {
    const { rules } = lane;
    let at = lane.lastAt + rules.gapMs + jitter;
    if (lane.window && rules.perWindow) at = Math.max(at, lane.window.roomAt(ALL, rules.perWindow.limit));
    if (overall) at = Math.max(at, overall.window.roomAt(ALL, overall.limit));
    return at - clock.now();
  };

  const pump = async (lane: Lane): Promise<void> => {
    while (lane.jobs.length > 0) {
      const jitter = lane.rules.jitterMs ? Math.floor(random() * (lane.rules.jitterMs + 1)) : 0;
      // Look again after every wait: another lane may have taken the overall room meanwhile.
      // No wait, no await: the send leaves the queue at once (`waiting` counts it out).
      for (let wait = waitOf(lane, jitter); wait > 0; wait = waitOf(lane, jitter)) {
        await clock.sleep(wait, stopping.signal);
        if (stopping.signal.aborted) return;
      }
      const job = lane.jobs.shift();
      if (!job) return;
      lane.window?.hit(ALL);
      overall?.window.hit(ALL);
      lane.lastAt = clock.now();
      await (async () => job.send())().then(job.resolve, job.reject);
      if (lane.rules.gapFrom === 'end') lane.lastAt = clock.now();
    }
  };

  const kick = (lane: Lane) => {
    lane.pumping ??= pump(lane).finally(() => {
      lane.pumping = undefined;
      if (lane.jobs.length > 0 && !stopping.signal.aborted) kick(lane); // scheduled while the loop was finishing
    });
  };

  /** Forgets lanes idle past `idleMs` (at most once per `idleMs`). */
  const sweep = () => {
    const now = clock.now();
    if (now - lastSweep < idleMs) return;
    lastSweep = now;
    for (const [key, lane] of lanes) if (!lane.pumping && lane.jobs.length === 0 && now - lane.lastAt >= idleMs) lanes.delete(key);
  };

  return {
    schedule<T>(key: string, rules: LaneRules, send: () => Promise<T>): Promise<T> {
      if (stopping.signal.aborted) return Promise.reject(new PacerStoppedError());
      sweep();
      let lane = lanes.get(key);
      if (!lane) {
        const window = rules.perWindow && createSlidingWindow({ windowMs: rules.perWindow.windowMs, maxKeys: 1, clock });
        lane = { rules, jobs: [], lastAt: Number.NEGATIVE_INFINITY, ...(window ? { window } : {}) };
        lanes.set(key, lane);
      }
      const queued = new Promise<T>((resolve, reject) => lane.jobs.push({ send, resolve: resolve as (value: unknown) => void, reject }));
      kick(lane);
      return queued;
    },
    get waiting() {
      let count = 0;
      for (const lane of lanes.values()) count += lane.jobs.length;
      return count;
    },
    async idle() {
      for (let busy = [...lanes.values()].filter((l) => l.pumping); busy.length > 0; busy = [...lanes.values()].filter((l) => l.pumping)) {
        await Promise.all(busy.map((l) => l.pumping));
      }
    },
    async stop() {
      let dropped = 0;
      for (const lane of lanes.values()) {
        const jobs = lane.jobs.splice(0);
        dropped += jobs.length;
        for (const job of jobs) job.reject(new PacerStoppedError());
      }
      stopping.abort();
      // A send under way cannot be recalled; let it finish.
      await Promise.all([...lanes.values()].map((lane) => lane.pumping));
      return dropped;
    },
  };
}
