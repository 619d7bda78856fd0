import { describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES, planLateReply, planReply } from '../../../adapters/wechat-mp/plan-reply.js';
import type { Reply } from '../../../src/types.js';

const handoff: Reply = { kind: 'handoff', text: '正在为您转接人工客服。' };
const on = { handoff: true, userMessage: true };

describe('planning a reply for the official account', () => {
  it('answers passively when the text fits, and with nothing when there is nothing to say', () => {
    expect(planReply({ kind: 'answer', text: ' 答复 ' }, on)).toEqual({ passive: { type: 'text', content: '答复' }, push: [] });
    expect(planReply({ kind: 'limited', text: '' }, on)).toEqual({ push: [] });
    const fits = '字'.repeat(Math.floor(MAX_TEXT_BYTES / 3));
    expect(planReply({ kind: 'answer', text: fits }, on).passive).toEqual({ type: 'text', content: fits });
    expect(planReply({ kind: 'answer', text: `${fits}字` }, on).passive).toBeUndefined();
  });

  it('transfers only a person\'s own message, only with handoff on; otherwise the handoff text is the reply', () => {
    expect(planReply(handoff, on)).toEqual({ passive: { type: 'transfer' }, push: ['正在为您转接人工客服。'] });
    expect(planReply(handoff, { handoff: false, userMessage: true }).passive).toEqual({ type: 'text', content: handoff.text });
    expect(planReply(handoff, { handoff: true, userMessage: false }).passive).toEqual({ type: 'text', content: handoff.text });
  });

  it('sends a late reply whole through the API, split only when over the limit', () => {
    expect(planLateReply(handoff)).toEqual({ push: [handoff.text] });
    expect(planLateReply({ kind: 'limited', text: '' })).toEqual({ push: [] });
    const parts = planLateReply({ kind: 'answer', text: '很长的答复。'.repeat(400) }).push;
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
  });
});
