/**
 * Facts of the knowledge base the answering steps look up on every message, worked out once
 * per engine (a reload brings a new one): whether a question asks an aspect no source gives
 * (opening hours, pay…), and a topic's entries, without a pass over every entry each time.
 */
import type { Engine } from '../../answer/engine.js';
import type { Entry } from '../../answer/knowledge/knowledge-base.js';
import type { MatchResult } from '../../answer/match/matcher.js';
import type { TurnContext } from '../context.js';

/**
 * An aspect the question asks that no entry answers (no entry has it, and the chosen one was
 * not written for it: none of its sample questions names it), if any.
 */
export function aspectNoEntryHas(ctx: TurnContext, match: MatchResult, chosen: Entry): string | undefined {
  if (match.aspects.length === 0) return undefined;
  const { answered, words, questions } = aspectFacts(ctx.engine);
  return match.aspects.find((aspect) => {
    if (answered.has(aspect)) return false;
    const said = words.get(aspect) ?? [];
    return !questions(chosen).some((question) => said.some((word) => question.includes(word)));
  });
}

/** A problem's route lists its time limits and its evidence itself: asking them is asking the route. */
export function routeSays(entry: Entry | undefined, aspects: readonly string[]): string | undefined {
  const problem = entry?.problem;
  if (!problem) return undefined;
  return aspects.find((aspect) => (aspect === 'deadline' && problem.deadlines.length > 0) || (aspect === 'materials' && problem.evidence.length > 0));
}

/** The entries of `topic`, in knowledge-base order (none for no topic). */
export function entriesOfTopic(engine: Engine, topic: string | undefined): readonly Entry[] {
  return (topic === undefined ? undefined : aspectFacts(engine).byTopic.get(topic)) ?? [];
}

/** Per engine, worked out once: which aspects some entry answers, each aspect's words and each entry's questions, normalized; entries by topic. */
interface AspectFacts {
  answered: ReadonlySet<string>;
  words: ReadonlyMap<string, readonly string[]>;
  questions(entry: Entry): readonly string[];
  byTopic: ReadonlyMap<string, readonly Entry[]>;
}

const aspectFactsOf = new WeakMap<Engine, AspectFacts>();

function aspectFacts(engine: Engine): AspectFacts {
  let facts = aspectFactsOf.get(engine);
  if (!facts) {
    const { entries, aspects } = engine.knowledge;
    const normalized = new Map<Entry, readonly string[]>();
    const byTopic = new Map<string, Entry[]>();
    for (const entry of entries) (byTopic.get(entry.topic) ?? byTopic.set(entry.topic, []).get(entry.topic))?.push(entry);
    facts = {
      byTopic,
      answered: new Set(entries.map((entry) => entry.aspect)),
      // The first aspect of an id wins, as a search in the list would find it.
      words: new Map([...aspects].reverse().map((aspect) => [aspect.id, aspect.words.map(engine.normalize)])),
      questions(entry) {
        let list = normalized.get(entry);
        if (!list) normalized.set(entry, (list = entry.questions.map(engine.normalize)));
        return list;
      },
    };
    aspectFactsOf.set(engine, facts);
  }
  return facts;
}
