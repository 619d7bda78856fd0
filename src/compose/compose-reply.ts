/**
 * Renders decisions as plain-text replies. Every text comes from the knowledge base's
 * messages or entries; every answer ends with its source line.
 */
import type { Entry, KnowledgeBase } from '../knowledge/knowledge-base.js';
import type { SourceRef } from '../knowledge/schema.js';
import type { ChoiceTarget } from '../session/session-store.js';
import type { Reply, ReplyChoice } from '../types.js';

/** A reply plus the numbered targets a digit may pick next. */
export interface Composed {
  reply: Reply;
  choices?: ChoiceTarget[];
}

/** Builds all reply texts for one knowledge base. */
export function createComposer(knowledge: KnowledgeBase) {
  const { messages } = knowledge.meta;
  const defaultReport = knowledge.meta.sources[0]?.title ?? '';

  // Two quotes of one article (or one report section) are one source to the reader.
  const sourceLine = (sources: SourceRef[]) =>
    messages.sourcePrefix +
    [...new Set(sources.map((source) => (source.kind === 'report' ? `${defaultReport}${source.ref}` : source.ref)))].join(';');

  const numbered = (labels: string[]) => labels.map((label, index) => `${index + 1}. ${label}`).join('\n');
  const toChoices = (labels: string[], ids: string[]): ReplyChoice[] =>
    labels.map((label, index) => ({ n: index + 1, label, id: ids[index] as string }));

  return {
    answer(entry: Entry, score: number): Composed {
      const source = sourceLine(entry.source);
      const related = entry.related
        .map((id) => knowledge.byId.get(id)?.title)
        .filter((title): title is string => Boolean(title));
      const parts = [`【${entry.title}】`, entry.answer.trim()];
      if (related.length > 0) parts.push(`${messages.relatedHeader}${related.join(' / ')}`);
      parts.push(source);
      return { reply: { kind: 'answer', text: parts.join('\n'), entryId: entry.id, score, source } };
    },

    clarify(options: Entry[], score: number): Composed {
      const labels = options.map((entry) => entry.title);
      return {
        reply: {
          kind: 'clarify',
          text: `${messages.clarifyHeader}\n${numbered(labels)}\n${messages.clarifyFooter}`,
          score,
          choices: toChoices(labels, options.map((entry) => `e:${entry.id}`)),
        },
        choices: options.map((entry) => ({ type: 'entry', id: entry.id })),
      };
    },

    menu(prefix?: string): Composed {
      const labels = knowledge.topics.map((topic) => topic.title);
      const text = `${messages.menuHeader}\n${numbered(labels)}\n${messages.menuFooter}`;
      return {
        reply: {
          kind: 'menu',
          text: prefix ? `${prefix}\n\n${text}` : text,
          choices: toChoices(labels, knowledge.topics.map((topic) => `t:${topic.id}`)),
        },
        choices: knowledge.topics.map((topic) => ({ type: 'topic', id: topic.id })),
      };
    },

    topicMenu(topicId: string): Composed {
      const topic = knowledge.topics.find((candidate) => candidate.id === topicId);
      const entries = knowledge.entries.filter((entry) => entry.topic === topicId);
      const labels = entries.map((entry) => entry.title);
      return {
        reply: {
          kind: 'menu',
          text: `【${topic?.title ?? topicId}】\n${numbered(labels)}\n${messages.topicMenuFooter}`,
          choices: toChoices(labels, entries.map((entry) => `e:${entry.id}`)),
        },
        choices: entries.map((entry) => ({ type: 'entry', id: entry.id })),
      };
    },

    fallback(score: number): Composed {
      return { reply: { kind: 'fallback', text: messages.fallback, score } };
    },

    elsewhere(): Composed {
      return { reply: { kind: 'fallback', text: messages.elsewhere } };
    },

    unknownAspect(topicId: string, aspectId: string): Composed {
      const topic = knowledge.topics.find((candidate) => candidate.id === topicId)?.title ?? topicId;
      const aspect = knowledge.aspects.find((candidate) => candidate.id === aspectId)?.title ?? aspectId;
      return {
        reply: { kind: 'fallback', text: messages.unknownAspect.replace('{topic}', topic).replace('{aspect}', aspect) },
      };
    },

    emergency(text: string): Composed {
      return { reply: { kind: 'emergency', text } };
    },

    unsupported(): Composed {
      return { reply: { kind: 'unsupported', text: messages.unsupported } };
    },

    empty(): Composed {
      return this.menu(messages.empty);
    },

    noChoice(): Composed {
      return { reply: { kind: 'fallback', text: messages.noChoice } };
    },

    feedbackThanks(): Composed {
      return { reply: { kind: 'menu', text: messages.feedbackThanks } };
    },

    error(): Reply {
      return { kind: 'error', text: messages.error };
    },

    truncatedNote(max: number): string {
      return messages.truncated.replace('{max}', String(max));
    },
  };
}

export type Composer = ReturnType<typeof createComposer>;
