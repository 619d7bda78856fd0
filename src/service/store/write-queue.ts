/**
 * The records waiting for the database, bounded: beyond `max` a new record is dropped and
 * counted (never silently), so a long store outage costs memory only up to the bound and
 * staff learn exactly how many records were lost.
 */

export interface WriteQueue<T> {
  readonly size: number;
  /** True when a record pushed now would be dropped. */
  readonly full: boolean;
  /** Records dropped because the queue was full, since the store was opened. */
  readonly droppedTotal: number;
  /** Adds a record; false (and counted) when the queue is full. */
  push(item: T): boolean;
  /** The oldest `n` records, without removing them. */
  peek(n: number): T[];
  /** Removes the oldest `n` records (once written). */
  remove(n: number): void;
  /** Records dropped since the last call, for a log line once per interval. */
  takeDroppedSinceReport(): number;
}

/** Creates an empty queue holding at most `max` records. */
export function createWriteQueue<T>(max: number): WriteQueue<T> {
  // A head index instead of shift(): removing a written chunk is O(chunk), not O(queue).
  let items: T[] = [];
  let head = 0;
  let droppedTotal = 0;
  let droppedSinceReport = 0;
  return {
    get size() {
      return items.length - head;
    },
    get full() {
      return items.length - head >= max;
    },
    get droppedTotal() {
      return droppedTotal;
    },
    push(item) {
      if (items.length - head >= max) {
        droppedTotal += 1;
        droppedSinceReport += 1;
        return false;
      }
      items.push(item);
      return true;
    },
    peek: (n) => items.slice(head, head + n),
    remove(n) {
      head = Math.min(items.length, head + n);
      if (head > 1024 && head * 2 > items.length) {
        items = items.slice(head);
        head = 0;
      }
    },
    takeDroppedSinceReport() {
      const n = droppedSinceReport;
      droppedSinceReport = 0;
      return n;
    },
  };
}
