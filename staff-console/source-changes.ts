/**
 * Source changes into the audit log: whenever the knowledge in service (after a reload, by
 * staff or by the folder watcher) pins its sources differently (sources/manifest.yaml), each
 * file added, changed or removed is recorded with the reviewer its manifest line names.
 * Compared on a short timer and before the audit page is shown, so the log is current there.
 */
import type { App } from '../src/app.js';
import { manifestChanges, type PinnedSource } from '../src/answer/knowledge/source-manifest.js';
import { ErrorCodes } from '../src/errors.js';
import type { ConsoleContext } from './console-context.js';

const CHANGE_NAMES = { added: '新登记', changed: '内容改动', removed: '取消登记' } as const;

/** What a change says in the audit log. */
function detail(change: 'added' | 'changed' | 'removed', pin: PinnedSource | undefined): string {
  if (!pin) return CHANGE_NAMES[change];
  const note = pin.reviewed.note ? `;${pin.reviewed.note}` : '';
  return `${CHANGE_NAMES[change]}:${pin.title},${pin.version}${pin.date ? `(${pin.date})` : ''},sha256 ${pin.sha256.slice(0, 12)}…,${pin.reviewed.date} 复核${note}`;
}

/** Starts recording; `sync()` records any change now (awaited before the audit page reads the log). */
export function recordSourceChanges(ctx: ConsoleContext, app: App): { sync(): Promise<void> } {
  let knowledge = app.bot.engine.knowledge;
  let pending: Promise<void> = Promise.resolve();
  const sync = () => {
    pending = pending.then(async () => {
      const now = app.bot.engine.knowledge;
      if (now === knowledge) return;
      for (const { file, change, pin } of manifestChanges(knowledge.sources, now.sources)) {
        await ctx.store.audit({ at: ctx.clock.now(), actor: pin?.reviewed.by ?? '(来源清单)', action: 'sources.change', target: file, detail: detail(change, pin) });
      }
      // Only once recorded: a store that failed gets the same changes again next time.
      knowledge = now;
    }).catch((error: unknown) => ctx.logger.warn({ code: ErrorCodes.STAFF_STORE_FAILED, err: error }, 'a source change could not be audited; tried again with the next one'));
    return pending;
  };
  return { sync };
}
