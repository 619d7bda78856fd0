/**
 * Every text of the knowledge base a user can see, grouped with the sources it stands on:
 * entry titles and answers (their own sources), topic and aspect titles (menus, choice
 * labels), meta messages and emergency replies (no sources: only hotlines and laws on file).
 */
import type { FactOwner } from './fact-check.js';
import type { Entry } from './knowledge-base.js';
import type { Aspect, EmergencyData, Meta, Topic } from './schema.js';

/** The parts of a knowledge base whose texts are shown. */
export interface ShownTexts {
  entries: readonly Entry[];
  topics: readonly Topic[];
  aspects: readonly Aspect[];
  meta?: Meta;
  emergency?: EmergencyData;
}

/** One owner per entry, topic, aspect and emergency category, and one for meta messages. */
export function knowledgeOwners({ entries, topics, aspects, meta, emergency }: ShownTexts): FactOwner[] {
  const owners: FactOwner[] = entries.map((entry) => ({
    file: entry.file,
    id: entry.id,
    texts: [
      { field: 'title', text: entry.title },
      { field: 'answer', text: entry.answer },
    ],
    sources: entry.source,
    questions: entry.questions,
  }));
  for (const topic of topics) {
    owners.push({ file: 'topics.yaml', id: topic.id, texts: [{ field: 'title', text: topic.title }], sources: [] });
  }
  for (const aspect of aspects) {
    owners.push({ file: 'aspects.yaml', id: aspect.id, texts: [{ field: 'title', text: aspect.title }], sources: [] });
  }
  if (meta) {
    owners.push({
      file: 'meta.yaml',
      texts: Object.entries(meta.messages).map(([name, text]) => ({ field: `messages.${name}`, text })),
      sources: [],
    });
  }
  for (const category of emergency?.categories ?? []) {
    owners.push({ file: 'emergency.yaml', id: category.id, texts: [{ field: 'reply', text: category.reply }], sources: [] });
  }
  return owners;
}
