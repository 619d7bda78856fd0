/** Checks across entry files: unique ids and questions, known topics and aspects, related entries that exist. */
import type { Entry, KnowledgeProblem } from './knowledge-base.js';

function questionKey(question: string): string {
  return question.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

/** Records every cross-entry problem in `problems`. */
export function checkEntries(
  entries: Entry[],
  topicIds: Set<string>,
  aspectIds: Set<string>,
  problems: KnowledgeProblem[],
): void {
  const seenIds = new Map<string, Entry>();
  const seenQuestions = new Map<string, Entry>();
  for (const entry of entries) {
    const at = (field: string, message: string) =>
      problems.push({ file: entry.file, field: `id=${entry.id}.${field}`, message });
    const twin = seenIds.get(entry.id);
    if (twin) at('id', `duplicate id (also in ${twin.file})`);
    seenIds.set(entry.id, entry);
    if (!topicIds.has(entry.topic)) at('topic', `unknown topic "${entry.topic}" (not in topics.yaml)`);
    if (!aspectIds.has(entry.aspect)) at('aspect', `unknown aspect "${entry.aspect}" (not in aspects.yaml)`);
    entry.questions.forEach((question, index) => {
      const key = questionKey(question);
      const owner = seenQuestions.get(key);
      if (owner && owner.id !== entry.id) at(`questions[${index}]`, `"${question}" is also a question of ${owner.id}`);
      else if (owner) at(`questions[${index}]`, `"${question}" is listed twice`);
      seenQuestions.set(key, entry);
    });
  }
  for (const entry of entries) {
    entry.related.forEach((related, index) => {
      if (!seenIds.has(related)) {
        problems.push({ file: entry.file, field: `id=${entry.id}.related[${index}]`, message: `no entry "${related}"` });
      } else if (related === entry.id) {
        problems.push({ file: entry.file, field: `id=${entry.id}.related[${index}]`, message: 'relates to itself' });
      }
    });
  }
}
