/**
 * What a choice id leads to, one way for a typed digit and a pressed button alike:
 * `t:<topic>` opens that topic's list, `e:<entry>` answers that entry.
 */
import type { Composer } from '../compose/compose-reply.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { Reply } from '../../types.js';
import type { SessionState } from './session-state.js';

/** The reply to a chosen id and what the conversation remembers after it; undefined for an unknown id. */
export function resolveChoice(engine: { knowledge: KnowledgeBase; compose: Composer }, id: string): { reply: Reply; next: SessionState } | undefined {
  const [type, target = ''] = splitId(id);
  if (type === 't' && engine.knowledge.topics.some((topic) => topic.id === target)) {
    const reply = engine.compose.topicMenu(target);
    return { reply, next: { topic: target, choices: idsOf(reply) } };
  }
  const entry = type === 'e' ? engine.knowledge.byId.get(target) : undefined;
  if (!entry) return undefined;
  const reply = engine.compose.answer(entry, 1);
  return { reply, next: stateAfterAnswer(entry, reply) };
}

/**
 * What a conversation remembers after an answer: its topic and entry, and what a digit picks
 * next: a problem's numbered next steps, or a service answer's suggestions.
 */
export function stateAfterAnswer(entry: { id: string; topic: string; problem?: unknown }, reply: Reply): SessionState {
  const ids = idsOf(reply);
  const open = ids === undefined ? {} : entry.problem === undefined ? { suggestions: ids } : { choices: ids };
  return { topic: entry.topic, entryId: entry.id, ...open };
}

/** What a typed digit picks from: the list offered, else the last answer's suggestions. */
export function pickable(state: SessionState): string[] {
  return state.choices ?? state.suggestions ?? [];
}

/** The ids of a reply's numbered choices, for the session. */
export function idsOf(reply: Reply): string[] | undefined {
  return reply.choices?.map((choice) => choice.id);
}

function splitId(id: string): [string, string | undefined] {
  const colon = id.indexOf(':');
  return colon < 0 ? [id, undefined] : [id.slice(0, colon), id.slice(colon + 1)];
}
