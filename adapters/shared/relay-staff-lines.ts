/**
 * Staff replies at the 接待 desk reach the resident's channel: each staff or bot line of a
 * handoff is pushed through the adapter it came from, when that adapter can push (Telegram);
 * the web page polls instead. Lines said on this instance only: staff on another instance
 * reach a push channel once its desk line is read here (not yet: see README "接待").
 */
import type { Logger } from '../../src/logger.js';
import type { HandoffDesk } from '../../src/service/handoff/handoff-desk.js';
import type { Adapter } from '../../src/types.js';

/** Wires `desk`'s lines to `adapters`' push. */
export function relayStaffLines(desk: HandoffDesk, adapters: readonly Adapter[], logger: Logger): void {
  desk.onLine((handoff, line) => {
    const adapter = adapters.find((candidate) => candidate.name === handoff.adapter && candidate.push);
    if (!adapter?.push) return;
    const text = line.staffNo ? `工作人员 ${line.staffNo} 号:${line.text}` : line.text;
    adapter.push(handoff.conversationId, text).then(
      (sent) => {
        if (!sent) logger.warn({ adapter: adapter.name, handoff: handoff.id }, '接待:渠道没有运行,工作人员的回复没有送达');
      },
      (error: unknown) => logger.warn({ adapter: adapter.name, handoff: handoff.id, err: error }, '接待:工作人员的回复发送失败'),
    );
  });
}
