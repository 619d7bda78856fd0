import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** A word found in at least this share of a topic's sample questions characterizes it. */
const ANCHOR_SHARE = 0.25;

/**
 * Words that characterize each topic: its title's words, its entries' keywords, and words
 * common to its sample questions, minus aspect words. A question that shares none of them
 * with the best entry's topic is about something else ("南华寺几点开门" matching only
 * "几点" and "开门" of the window's opening-hours question).
 */
export function topicAnchors(
  knowledge: KnowledgeBase,
  indexTerms: (text: string) => string[],
  aspectWords: ReadonlySet<string>,
): Map<string, Set<string>> {
  const anchors = new Map<string, Set<string>>();
  for (const topic of knowledge.topics) {
    const entries = knowledge.entries.filter((entry) => entry.topic === topic.id);
    const questions = entries.flatMap((entry) => entry.questions.map((question) => new Set(indexTerms(question))));
    const frequency = new Map<string, number>();
    for (const question of questions) for (const token of question) frequency.set(token, (frequency.get(token) ?? 0) + 1);
    const title = new Set(indexTerms(topic.title));
    const words = new Set([...title, ...entries.flatMap((entry) => entry.keywords.flatMap(indexTerms))]);
    for (const [token, count] of frequency) if (count / questions.length >= ANCHOR_SHARE) words.add(token);
    // An aspect word names a topic only where the topic is about it (热线 for the hotlines).
    for (const word of words) if (word.length < 2 || (aspectWords.has(word) && !title.has(word))) words.delete(word);
    anchors.set(topic.id, words);
  }
  return anchors;
}
