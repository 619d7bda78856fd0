import type { Entry, KnowledgeBase } from '../knowledge/knowledge-base.js';

/** A word found in at least this share of a topic's sample questions characterizes it. */
const ANCHOR_SHARE = 0.25;
/** A common word counts as an anchor only for this many groups at most. */
const MAX_SPREAD = 2;
/** A part of a keyword used in the questions of more than this share of all groups is too generic to name one. */
const GENERIC_SHARE = 0.2;

/** The key an entry's anchors are found under: its topic, or the problem itself. */
export function anchorKey(entry: Entry): string {
  return entry.problem ? entry.id : entry.topic;
}

/**
 * Words that characterize each topic: its title's words, its entries' keywords, and words
 * common to its sample questions, minus aspect words. A question that shares none of them
 * with the best entry's topic is about something else ("马坝人遗址几点开门" matching only
 * "几点" and "开门" of the window's opening-hours question). Each problem is a topic of its
 * own here: its title, its cues and the words common to its situations.
 */
export function topicAnchors(
  knowledge: KnowledgeBase,
  indexTerms: (text: string) => string[],
  aspectWords: ReadonlySet<string>,
): Map<string, Set<string>> {
  const groups = new Map<string, { title: string; entries: Entry[] }>();
  for (const topic of knowledge.topics) groups.set(topic.id, { title: topic.title, entries: [] });
  for (const entry of knowledge.entries) {
    const key = anchorKey(entry);
    if (entry.problem) groups.set(key, { title: entry.title, entries: [entry] });
    else groups.get(key)?.entries.push(entry);
  }
  const named = new Map<string, NamedWords>();
  const common = new Map<string, { words: Set<string>; seen: Set<string> }>();
  for (const [key, group] of groups) {
    named.set(key, namedWords(group.title, group.entries, indexTerms, aspectWords));
    common.set(key, commonWords(group.entries, indexTerms, aspectWords));
  }
  // A part of a longer keyword that many groups' questions use (申请 of 申请复议, 多少 of a
  // story-like cue) names none of them: only the keyword's own word does.
  const used = new Map<string, number>();
  for (const { seen } of common.values()) for (const word of seen) used.set(word, (used.get(word) ?? 0) + 1);
  const generic = Math.max(MAX_SPREAD, Math.round(groups.size * GENERIC_SHARE));
  // A word common to many groups' questions (家里, 现在) characterizes none of them.
  const spread = new Map<string, number>();
  for (const { words } of common.values()) for (const word of words) spread.set(word, (spread.get(word) ?? 0) + 1);
  const anchors = new Map<string, Set<string>>();
  for (const [key, { words, parts }] of named) {
    const own = [...(common.get(key)?.words ?? [])].filter((word) => (spread.get(word) ?? 0) <= MAX_SPREAD);
    const partsKept = [...parts].filter((word) => (used.get(word) ?? 0) <= generic);
    anchors.set(key, new Set([...words, ...partsKept, ...own]));
  }
  return anchors;
}

/** Words that name a group: its title's and whole keywords (`words`), and the parts of longer keywords (`parts`). */
interface NamedWords {
  words: Set<string>;
  parts: Set<string>;
}

/** Words of the title and keywords (cues), which name the group by design. */
function namedWords(
  titleText: string,
  entries: Entry[],
  indexTerms: (text: string) => string[],
  aspectWords: ReadonlySet<string>,
): NamedWords {
  const title = new Set(indexTerms(titleText));
  const words = new Set(title);
  const parts = new Set<string>();
  for (const keyword of entries.flatMap((entry) => entry.keywords)) {
    const terms = indexTerms(keyword);
    // A keyword the segmenter keeps whole is a word; the rest are parts of it.
    const whole = terms.reduce((longest, term) => (term.length > longest.length ? term : longest), '');
    for (const term of terms) (term === whole || title.has(term) ? words : parts).add(term);
  }
  // An aspect word names a topic only where the topic is about it (热线 for the hotlines).
  for (const set of [words, parts]) for (const word of set) if (word.length < 2 || (aspectWords.has(word) && !title.has(word))) set.delete(word);
  return { words, parts };
}

/** Words found in at least {@link ANCHOR_SHARE} of the group's sample questions (`words`), and every word they hold (`seen`). */
function commonWords(entries: Entry[], indexTerms: (text: string) => string[], aspectWords: ReadonlySet<string>): { words: Set<string>; seen: Set<string> } {
  // How many questions hold each token (each counted once per question: `last` is the question that last counted it).
  const frequency = new Map<string, number>();
  const last = new Map<string, number>();
  let questions = 0;
  for (const entry of entries) {
    for (const question of entry.questions) {
      for (const token of indexTerms(question)) {
        if (last.get(token) === questions) continue;
        last.set(token, questions);
        frequency.set(token, (frequency.get(token) ?? 0) + 1);
      }
      questions += 1;
    }
  }
  const words = new Set<string>();
  for (const [token, count] of frequency) {
    if (count / questions >= ANCHOR_SHARE && token.length >= 2 && !aspectWords.has(token)) words.add(token);
  }
  return { words, seen: new Set(frequency.keys()) };
}

/**
 * Keywords (a problem's cues) that the segmenter does not keep as one word ("欠我钱" → 欠 / 我 /
 * 钱, "没有钱还" → 没有 / 钱 / 还) name their group as the phrase itself: a question holding the
 * phrase names the group though no token does (and a generic part such as 没有 names nothing).
 * Keys as {@link anchorKey}; phrases normalized.
 */
export function phraseAnchors(
  knowledge: KnowledgeBase,
  indexed: (text: string) => { normalized: string; terms: string[] },
  aspectWords: ReadonlySet<string>,
): Map<string, string[]> {
  const phrases = new Map<string, Set<string>>();
  for (const entry of knowledge.entries) {
    const key = anchorKey(entry);
    for (const keyword of entry.keywords) {
      const { normalized: phrase, terms } = indexed(keyword);
      // A keyword the segmenter keeps whole is a word anchor already; any other is matched as written.
      if (phrase.length < 2 || aspectWords.has(phrase) || terms.includes(phrase)) continue;
      phrases.set(key, (phrases.get(key) ?? new Set()).add(phrase));
    }
  }
  return new Map([...phrases].map(([key, set]) => [key, [...set]]));
}

/**
 * Finds, in one pass over a text, the groups whose phrase anchors it holds: every substring up
 * to the longest phrase is looked up once, so the cost does not grow with the number of
 * phrases (thousands in a large knowledge base, where testing each phrase per candidate did).
 */
export function createPhraseFinder(phrases: ReadonlyMap<string, readonly string[]>): (text: string) => ReadonlySet<string> {
  const groupsOf = new Map<string, string[]>();
  let longest = 0;
  for (const [key, list] of phrases) {
    for (const phrase of list) {
      groupsOf.set(phrase, [...(groupsOf.get(phrase) ?? []), key]);
      longest = Math.max(longest, phrase.length);
    }
  }
  return (text) => {
    const found = new Set<string>();
    for (let start = 0; start < text.length; start += 1) {
      for (let end = start + 2; end <= Math.min(text.length, start + longest); end += 1) {
        const keys = groupsOf.get(text.slice(start, end));
        if (keys) for (const key of keys) found.add(key);
      }
    }
    return found;
  };
}
