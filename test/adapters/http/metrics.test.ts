import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../adapters/http/metrics.js';
import type { InboundMessage, Reply } from '../../../src/types.js';

const message = (adapter: string): InboundMessage => ({ adapter, conversationId: 'c', senderId: 'c', kind: 'text', text: '' });
const handled = (adapter: string, kind: Reply['kind'], latencyMs = 4) => ({ message: message(adapter), reply: { kind, text: '' }, latencyMs });

describe('metrics', () => {
  it('counts messages by adapter and kind, latency, the fallback rate among questions, reloads and store failures', async () => {
    const metrics = createMetrics({ defaults: false });
    const { onHandled, onReload } = metrics.hooks;
    onHandled?.(handled('web', 'answer'));
    onHandled?.(handled('web', 'answer'));
    onHandled?.(handled('wechat', 'fallback', 30));
    onHandled?.(handled('web', 'menu'));
    onHandled?.(handled('web', 'clarify'));
    onReload?.({ ok: true, topics: 1, entries: 2, ms: 3 }, 'watch');
    onReload?.({ ok: false, problems: ['x'] }, 'SIGHUP');
    onReload?.({ ok: true, unchanged: true, topics: 1, entries: 2, ms: 1 }, 'watch');
    let failures = 2;
    metrics.watchStore(() => ({ state: 'degraded', writable: false, failures, queued: 0, dropped: 0, written: 0 }));

    const text = (await metrics.render()).body;
    expect(text).toContain('qlb_messages_total{adapter="web",inbound="text",kind="answer"} 2');
    expect(text).toContain('qlb_messages_total{adapter="wechat",inbound="text",kind="fallback"} 1');
    expect(text).toContain('qlb_reply_duration_seconds_count{adapter="web"} 4');
    expect(text).toContain('qlb_reply_duration_seconds_bucket{le="0.05",adapter="wechat"} 1');
    expect(text).toContain('qlb_reply_duration_seconds_bucket{le="0.025",adapter="wechat"} 0');
    // 1 fallback among 4 questions (the menu is not a question).
    expect(text).toContain('qlb_fallback_ratio 0.25');
    expect(text).toContain('qlb_knowledge_reloads_total{outcome="ok"} 1');
    expect(text).toContain('qlb_knowledge_reloads_total{outcome="refused"} 1');
    expect(text).toContain('qlb_knowledge_reloads_total{outcome="unchanged"} 1');
    expect(text).toContain('qlb_store_failures_total 2');
    failures = 5;
    expect((await metrics.render()).body).toContain('qlb_store_failures_total 5');
  });

  it('includes the process metrics by default, in a registry of its own', async () => {
    const a = createMetrics();
    const b = createMetrics();
    expect((await a.render()).body).toContain('process_cpu_user_seconds_total');
    expect(a.registry).not.toBe(b.registry);
  });
});
