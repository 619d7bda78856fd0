/**
 * The ids a flow's buttons carry, so a pressed button answers what it showed whatever is open
 * now: `f:<flow>:<step>:<choice>` for a choice, `f:<flow>:#<control>` for 开始 / 上一步 / 退出 /
 * 跳过 / 确认, `f:<flow>:#edit:<step>` for 修改 in the review.
 */

/** A flow button's meaning. */
export type FlowButton =
  | { flow: string; kind: 'choice'; step: string; choice: string }
  | { flow: string; kind: 'control'; control: 'start' | 'back' | 'exit' | 'skip' | 'ok' | 'resume' }
  | { flow: string; kind: 'edit'; step: string };

const CONTROLS = new Set(['start', 'back', 'exit', 'skip', 'ok', 'resume']);

/** The id of a choice of a step. */
export function choiceId(flow: string, step: string, choice: string): string {
  return `f:${flow}:${step}:${choice}`;
}

/** The id of a control of a flow. */
export function controlId(flow: string, control: 'start' | 'back' | 'exit' | 'skip' | 'ok' | 'resume'): string {
  return `f:${flow}:#${control}`;
}

/** The id of 修改 for a step in the review. */
export function editId(flow: string, step: string): string {
  return `f:${flow}:#edit:${step}`;
}

/** Whether an id is a flow's. */
export function isFlowId(id: string | undefined): id is string {
  return typeof id === 'string' && id.startsWith('f:');
}

/** Decodes a flow id; undefined for anything else. */
export function decodeFlowId(id: string): FlowButton | undefined {
  const parts = id.split(':');
  if (parts[0] !== 'f' || !parts[1]) return undefined;
  const flow = parts[1];
  const [second, third] = [parts[2] ?? '', parts[3]];
  if (second === '#edit' && third) return { flow, kind: 'edit', step: third };
  if (second.startsWith('#')) {
    const control = second.slice(1);
    return CONTROLS.has(control) ? { flow, kind: 'control', control: control as 'start' } : undefined;
  }
  return second && third ? { flow, kind: 'choice', step: second, choice: third } : undefined;
}
