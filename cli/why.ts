import type { App } from '../src/app.js';
import { renderTrace } from '../src/pipeline/render-trace.js';

/**
 * `why "问题"`: the trace of the real pipeline run on the question, as a new person asking
 * it (nothing recorded or remembered), for staff; `--json` prints the trace as one object
 * whose `decision` holds the reply's kind and entry.
 */
export async function why(app: App, question: string, json: boolean): Promise<string> {
  const { reply, trace } = await app.explain(question);
  if (json) return JSON.stringify({ ...trace, reply: { kind: reply.kind, entry: reply.entryId ?? null } });
  return renderTrace(trace);
}
