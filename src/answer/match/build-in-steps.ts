/**
 * Work cut into steps: a generator that yields between them. Run at once it is an ordinary
 * call; run with a pause between steps (a turn of the event loop), the messages that arrived
 * meanwhile are answered between them, so a long build on the answering thread (an engine
 * swapped in by a reload) holds residents up for one step at most, never for all of it.
 */

/** Steps that end with a `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** A turn of the event loop: what waits for I/O (a request that came in) runs first. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the steps with `pause` between each two. */
export async function runStepsPausing<T>(steps: Steps<T>, pause: () => Promise<void> = nextTurn): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await pause();
  }
}
