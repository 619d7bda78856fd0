import { describe, expect, it } from 'vitest';
import { observeHandler, observeReloads, type HandledEvent } from '../../src/app-hooks.js';
import { ErrorCodes } from '../../src/errors.js';
import type { InboundMessage } from '../../src/types.js';
import { createLogSink } from '../doubles/log-sink.js';
import { createRecordingHandler } from '../doubles/recording-handler.js';

const message: InboundMessage = { adapter: 'web', conversationId: 'c1', senderId: 'c1', kind: 'text', text: '你好' };

describe('app hooks', () => {
  it('tells onHandled of every reply with its latency', async () => {
    const events: HandledEvent[] = [];
    const handler = observeHandler(createRecordingHandler().handler, { onHandled: (e) => events.push(e) }, createLogSink().logger);
    const reply = await handler(message);
    expect(events).toHaveLength(1);
    expect(events[0]?.reply).toBe(reply);
    expect(events[0]?.message).toBe(message);
    expect(events[0]?.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('logs a throwing observer with its code and still replies', async () => {
    const sink = createLogSink();
    const handler = observeHandler(createRecordingHandler().handler, { onHandled: () => { throw new Error('boom'); } }, sink.logger);
    expect((await handler(message)).text).toBe('echo:你好');
    expect(sink.lines().some((line) => line.code === ErrorCodes.HOOK_FAILED && line.hook === 'onHandled')).toBe(true);
  });

  it('tells onReload of each outcome and its reason', async () => {
    const heard: string[] = [];
    const reloader = observeReloads(
      { reload: async () => ({ ok: false, problems: ['x'] }) },
      { onReload: (outcome, reason) => heard.push(`${reason}:${outcome.ok}`) },
      createLogSink().logger,
    );
    await reloader.reload('SIGHUP');
    expect(heard).toEqual(['SIGHUP:false']);
  });
});
