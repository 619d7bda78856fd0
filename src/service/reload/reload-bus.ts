/**
 * How the instances of one deployment tell each other of a reload: in this process only
 * (shared-state/memory-state.ts) or through Redis (redis-reload-bus.ts). Part of what instances
 * share (shared-state/shared-state.ts), written here beside the reloads that use it.
 */

/** Tells the other instances that the knowledge base was reloaded here, and hears when they did. */
export interface ReloadBus {
  publish(reason: string): Promise<void>;
  /** `listener` runs when another instance reloaded, or when broadcasts may have been missed (Redis back). */
  subscribe(listener: (reason: string) => void): () => void;
}
