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
    const at = (field: string, message: string, text?: string) =>
      problems.push({ file: entry.file, field: `id=${entry.id}.${field}`, message, entry: entry.id, ...(text ? { text } : {}) });
    const twin = seenIds.get(entry.id);
    if (twin) at('id', `id 重复(${twin.file} 里也有)`, entry.id);
    seenIds.set(entry.id, entry);
    if (!topicIds.has(entry.topic)) at('topic', `topics.yaml 里没有主题“${entry.topic}”`, entry.topic);
    if (!aspectIds.has(entry.aspect)) at('aspect', `aspects.yaml 里没有方面“${entry.aspect}”`, entry.aspect);
    entry.questions.forEach((question, index) => {
      const key = questionKey(question);
      const owner = seenQuestions.get(key);
      if (owner && owner.id !== entry.id) at(`questions[${index}]`, `“${question}”也是 ${owner.id} 的示例问题`, question);
      else if (owner) at(`questions[${index}]`, `“${question}”写了两遍`, question);
      seenQuestions.set(key, entry);
    });
  }
  for (const entry of entries) {
    entry.related.forEach((related, index) => {
      const at = (message: string) =>
        problems.push({ file: entry.file, field: `id=${entry.id}.related[${index}]`, message, entry: entry.id, text: related });
      if (!seenIds.has(related)) at(`没有答案“${related}”`);
      else if (related === entry.id) at('不能关联到自己');
    });
  }
}
