import { describe, expect, it } from 'vitest';
import { assembleFlowStats, flowEntry, type FlowMarkRow } from '../../../../src/service/store/flow-stats.js';

const row = (conversation: string, at: number, entry: string): FlowMarkRow => ({ conversation, at, entry });

describe('the 统计 of guided flows', () => {
  it('records a flow reply by flow, event and step', () => {
    expect(flowEntry({ id: 'legal-aid', step: 'matter', event: 'start' })).toBe('flow:legal-aid:start:matter');
  });

  it('counts runs started, finished, and where the others stopped', () => {
    const stats = assembleFlowStats([
      // a: finished; then started again and left at the review (still open at the end)
      row('a', 1, 'flow:legal-aid:start:matter'),
      row('a', 2, 'flow:legal-aid:ask:lawyer'),
      row('a', 3, 'flow:legal-aid:paused:#paused'),
      row('a', 4, 'flow:legal-aid:review:#review'),
      row('a', 5, 'flow:legal-aid:done:exempt-dv'),
      row('a', 6, 'flow:legal-aid:start:matter'),
      row('a', 7, 'flow:legal-aid:review:#review'),
      // b: 退出 at its second question; c: started again mid-way (the first run left at lawyer)
      row('b', 1, 'flow:legal-aid:start:matter'),
      row('b', 2, 'flow:legal-aid:ask:lawyer'),
      row('b', 3, 'flow:legal-aid:exit:lawyer'),
      row('c', 2, 'flow:legal-aid:ask:lawyer'),
      row('c', 1, 'flow:legal-aid:start:matter'),
      row('c', 3, 'flow:legal-aid:start:matter'),
      row('c', 4, 'flow:intake-wages:start:employer'),
      // d: its start fell before the period; an unknown entry is ignored
      row('d', 1, 'flow:legal-aid:ask:lawyer'),
      row('d', 2, 'flow:legal-aid:done:exempt-dv'),
      row('d', 3, 'legal-aid.where'),
    ]);
    expect(stats).toEqual([
      { flow: 'legal-aid', started: 5, finished: 1, left: { '#review': 1, lawyer: 2, matter: 1 } },
      { flow: 'intake-wages', started: 1, finished: 0, left: { employer: 1 } },
    ]);
  });
});
