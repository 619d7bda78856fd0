/**
 * Renders decisions as plain-text replies. Every text comes from the knowledge base's
 * messages or entries; every answer ends with its source line; every numbered list carries
 * the ids of what it offers, so a button can pick by identity.
 */
import type { Entry, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SourceRef } from '../knowledge/schema.js';
import type { Reply, ReplyChoice } from '../../types.js';
import type { CalcOutcome } from '../calculate/index.js';
import { calculationReply } from './calculation-reply.js';
import { callFirst, emergencyReply } from './safety-reply.js';
import { glossesIn } from './glossary.js';
import { formatSourceLine } from './source-line.js';

/**
 * How long the rate limit's notice asks to wait: the limit counts a conversation's messages per
 * minute (RATE_LIMIT_PER_MINUTE), so a minute frees it. The bot's own rule, not a fact a source gives.
 */
const RATE_WINDOW = '一分钟';

/** Builds all reply texts for one knowledge base. */
export function createComposer(knowledge: KnowledgeBase) {
  const { messages } = knowledge.meta;
  const defaultReport = knowledge.meta.sources[0]?.title ?? '';
  const topicTitle = (id: string) => knowledge.topics.find((topic) => topic.id === id)?.title ?? id;

  // Two quotes of one article (or one report section) are one source to the reader.
  const sourceLine = (sources: SourceRef[]) => formatSourceLine(messages.sourcePrefix, sources, defaultReport);

  const list = (items: { label: string; id: string }[]): ReplyChoice[] =>
    items.map((item, index) => ({ n: index + 1, label: item.label, id: item.id }));
  const numbered = (choices: ReplyChoice[]) => choices.map((choice) => `${choice.n}. ${choice.label}`).join('\n');
  const entryChoices = (entries: Entry[]) => list(entries.map((entry) => ({ label: entry.title, id: `e:${entry.id}` })));
  const relatedLine = (titles: string[]) => `${messages.relatedHeader}${titles.join(' / ')}`;
  /** The glossary field of an answer: terms of its title and body (not of its suggestions or source line). */
  const glossaryOf = (entry: Entry) => {
    const glossary = glossesIn(`${entry.title}\n${entry.answer}`, knowledge.glossary);
    return glossary.length > 0 ? { glossary } : {};
  };

  const composer = {
    /**
     * An entry's answer. Its related entries ("您还可以问:A / B") are offered as choices with ids,
     * in the line's order and with its labels, so a button or a typed "1" / "第一个" picks them;
     * `plain` leaves the choices out (nothing will pick from them) and keeps the line as text.
     */
    answer(entry: Entry, score: number, plain = false): Reply {
      if (entry.problem) return composer.route(entry, score, plain);
      const source = sourceLine(entry.source);
      const related = entry.related.map((id) => knowledge.byId.get(id)).filter((e): e is Entry => Boolean(e));
      const parts = [`【${entry.title}】`, entry.answer.trim()];
      if (related.length > 0) parts.push(relatedLine(related.map((e) => e.title)));
      parts.push(source);
      const choices = plain ? [] : entryChoices(related);
      return {
        kind: 'answer',
        text: parts.join('\n'),
        entryId: entry.id,
        score,
        source,
        ...(choices.length > 0 ? { choices, awaits: 'pick' as const } : {}),
        ...glossaryOf(entry),
      };
    },

    /**
     * An answer's "您还可以问:A / B" line as a numbered list, for a channel without buttons
     * (公众号, WeChat, the console), where a typed digit picks; any other reply as it is.
     */
    numberSuggestions(reply: Reply): Reply {
      if (reply.kind !== 'answer' || !reply.choices?.length) return reply;
      const lines = reply.text.split('\n');
      const at = lines.indexOf(relatedLine(reply.choices.map((choice) => choice.label)));
      if (at < 0) return reply;
      lines.splice(at, 1, messages.relatedPick, numbered(reply.choices));
      return { ...reply, text: lines.join('\n') };
    },

    /** A problem's route, with its next steps as a numbered list. */
    route(entry: Entry, score: number, plain = false): Reply {
      const source = sourceLine(entry.source);
      const next = plain ? [] : entry.related.map((id) => knowledge.byId.get(id)).filter((e): e is Entry => Boolean(e));
      const choices = entryChoices(next);
      const parts = [`【${entry.title}】`, entry.answer.trim()];
      if (choices.length > 0) parts.push(messages.problemNext, numbered(choices));
      parts.push(source);
      const call = callFirst(entry.problem?.safety ?? '');
      return {
        kind: 'answer',
        text: parts.join('\n'),
        entryId: entry.id,
        score,
        source,
        ...(choices.length > 0 ? { choices, awaits: 'pick' as const } : {}),
        ...(call.length > 0 ? { call } : {}),
        ...glossaryOf(entry),
      };
    },

    clarify(options: Entry[], score: number): Reply {
      const choices = entryChoices(options);
      return {
        kind: 'clarify',
        text: `${messages.clarifyHeader}\n${numbered(choices)}\n${messages.clarifyFooter}`,
        score,
        choices,
        awaits: 'pick',
      };
    },

    menu(prefix?: string): Reply {
      const choices = list(knowledge.topics.map((topic) => ({ label: topic.title, id: `t:${topic.id}` })));
      const text = `${messages.menuHeader}\n${numbered(choices)}\n${messages.menuFooter}`;
      return { kind: 'menu', text: prefix ? `${prefix}\n\n${text}` : text, choices, awaits: 'pick' };
    },

    topicMenu(topicId: string): Reply {
      const choices = entryChoices(knowledge.entries.filter((entry) => entry.topic === topicId));
      return {
        kind: 'menu',
        text: `【${topicTitle(topicId)}】\n${numbered(choices)}\n${messages.topicMenuFooter}`,
        choices,
        awaits: 'pick',
      };
    },

    /** A calculator's outcome: a result as an answer with its articles, or the one question it needs. */
    calculation(outcome: CalcOutcome): Reply {
      return calculationReply(outcome, messages.calculationSourcePrefix);
    },

    fallback(score: number): Reply {
      return { kind: 'fallback', text: messages.fallback, score };
    },

    /** A question another office handles: that office, and its hotline (a call button) or where to go. */
    referral(referral: KnowledgeBase['referrals'][number]): Reply {
      const contact = referral.hotline
        ? `拨打 ${referral.hotline}${referral.hotlineName ? ` ${referral.hotlineName}` : ''}`
        : `到${referral.where ?? ''}`;
      const text = messages.referral.replaceAll('{office}', referral.office).replaceAll('{contact}', contact);
      return { kind: 'fallback', text, ...(referral.hotline ? { call: [referral.hotline] } : {}) };
    },

    elsewhere(): Reply {
      return { kind: 'fallback', text: messages.elsewhere };
    },

    unknownAspect(topicId: string, aspectId: string): Reply {
      const aspect = knowledge.aspects.find((candidate) => candidate.id === aspectId)?.title ?? aspectId;
      return {
        kind: 'fallback',
        text: messages.unknownAspect.replace('{topic}', topicTitle(topicId)).replace('{aspect}', aspect),
      };
    },

    /** Danger now; a legal question asked beside it is answered below the emergency lines. */
    emergency(text: string, answer?: Reply): Reply {
      return emergencyReply(text, answer ? { reply: answer, header: messages.emergencyAnswerHeader } : undefined);
    },

    smalltalk(text: string): Reply {
      return { kind: 'smalltalk', text };
    },

    /** A person asked for a human: handed over where the platform can, else referred to 12348. */
    handoff(canHandOver: boolean): Reply {
      return { kind: 'handoff', text: canHandOver ? messages.handoff : messages.noHandoff };
    },

    unsupported(): Reply {
      return { kind: 'unsupported', text: messages.unsupported };
    },

    empty(): Reply {
      return composer.menu(messages.empty);
    },

    /** A number that picks nothing: says which numbers are valid, when a list is open. */
    noChoice(count = 0): Reply {
      const text = count > 0 ? messages.choiceOutOfRange.replace('{max}', String(count)) : messages.noChoice;
      return { kind: 'fallback', text, ...(count > 0 ? { awaits: 'pick' as const } : {}) };
    },

    feedbackThanks(): Reply {
      return { kind: 'menu', text: messages.feedbackThanks };
    },

    /** A 👍 / 👎 not counted (no such answer in this conversation, or rated already). */
    feedbackRefused(): Reply {
      return { kind: 'menu', text: messages.feedbackRefused, voteCounted: false };
    },

    error(): Reply {
      return { kind: 'error', text: messages.error };
    },

    /**
     * Over the rate limit: the notice saying when to ask again, or nothing (`''`) after it, where
     * the platform may stay silent; a channel that answers every request (`always`) gets the notice.
     */
    limited(notice: boolean, always = false): Reply {
      return { kind: 'limited', text: notice || always ? messages.rateLimited.replaceAll('{wait}', RATE_WINDOW) : '' };
    },

    truncatedNote(max: number): string {
      return messages.truncated.replace('{max}', String(max));
    },

    /** How to rate an answer without buttons: a bare 1 / 0, or words when the answer opened a list (digits pick). */
    feedbackHint(listOpen = false): string {
      return listOpen ? messages.feedbackHintWords : messages.feedbackHint;
    },
  };
  return composer;
}

export type Composer = ReturnType<typeof createComposer>;
