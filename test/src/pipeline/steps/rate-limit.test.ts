/**
 * The per-conversation rate limit (issue 26): past it, a chat platform is told once and then
 * not answered, but the web page, which shows whatever a request returns, always gets the
 * notice saying when to ask again, never an empty reply.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../../src/bot.js';
import type { Engine } from '../../../../src/answer/engine.js';
import { silentLogger } from '../../../../src/logger.js';
import type { InboundMessage } from '../../../../src/types.js';
import { realEngine } from '../../../doubles/harness.js';
import { clockReading } from '../../../doubles/manual-clock.js';

let engine: Engine;
beforeAll(async () => {
  ({ engine } = await realEngine());
});

function sender(capabilities: InboundMessage['capabilities']) {
  const bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000, ratePerMinute: 21, clock: clockReading(() => 1_700_000_000_000) });
  return (text: string) => bot.handle({ adapter: 'web', conversationId: 'c1', senderId: 'c1', kind: 'text', text, ...(capabilities ? { capabilities } : {}) });
}

describe('the 22nd message in a minute', () => {
  it('on the web gets a Chinese notice saying when to ask again, every time, never empty', async () => {
    const send = sender({ buttons: true, neverSilent: true });
    for (let i = 0; i < 21; i += 1) expect((await send('公证处在哪')).kind).not.toBe('limited');
    for (let i = 0; i < 3; i += 1) {
      const reply = await send('公证处在哪');
      expect(reply.kind).toBe('limited');
      expect(reply.text).toMatch(/一分钟再问/);
      expect(reply.text).not.toContain('{wait}');
    }
  });

  it('on a chat platform gets the notice once, then silence', async () => {
    const send = sender(undefined);
    for (let i = 0; i < 21; i += 1) await send('公证处在哪');
    expect((await send('公证处在哪')).text).toMatch(/一分钟再问/);
    expect((await send('公证处在哪')).text).toBe('');
  });
});
