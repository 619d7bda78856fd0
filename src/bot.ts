/**
 * The answering core: `handle(message) → Reply`. Platform-free; adapters call it.
 * Steps: sanitize and cut → normalize → emergency → menu / digit → follow-up → match →
 * decide → compose, then remember the conversation's topic and numbered list.
 */
import { createHash } from 'node:crypto';
import type { Composed } from './compose/compose-reply.js';
import { parsePick } from './dialog/intents.js';
import type { Engine } from './engine.js';
import type { Logger } from './logger.js';
import { createMemorySessionStore, type SessionState, type SessionStore } from './session/session-store.js';
import { sanitize, truncate } from './text/sanitize.js';
import { stripPersonal } from './privacy/mask.js';
import type { InboundMessage, Reply } from './types.js';

export interface BotOptions {
  engine: Engine;
  logger: Logger;
  maxMessageChars: number;
  sessionIdleMs: number;
  sessions?: SessionStore;
  now?: () => number;
}

export interface Bot {
  handle(message: InboundMessage): Promise<Reply>;
  /** The engine in use; replaced whole by {@link Bot.swapEngine}. */
  readonly engine: Engine;
  /** Serves a new knowledge base from the next message on. */
  swapEngine(engine: Engine): void;
}

const HAS_CONTENT = /[\p{L}\p{N}]/u;

/** Creates the bot around an engine. */
export function createBot(options: BotOptions): Bot {
  let engine = options.engine;
  const now = options.now ?? Date.now;
  const sessions = options.sessions ?? createMemorySessionStore({ idleMs: options.sessionIdleMs, now });

  const respond = async (message: InboundMessage, state: SessionState): Promise<Composed & { next: SessionState }> => {
    const { compose } = engine;
    if (message.kind === 'feedback') return { ...compose.feedbackThanks(), next: state };
    if (message.kind !== 'text') return { ...compose.unsupported(), next: state };

    const clean = sanitize(message.text);
    const { text, truncated } = truncate(clean, options.maxMessageChars);
    const normalized = engine.normalize(stripPersonal(text));
    const withNote = (composed: Composed & { next: SessionState }) =>
      truncated ? { ...composed, reply: { ...composed.reply, text: `${compose.truncatedNote(options.maxMessageChars)}\n${composed.reply.text}` } } : composed;

    if (!HAS_CONTENT.test(normalized)) {
      const menu = compose.empty();
      return { ...menu, next: { ...state, choices: menu.choices } };
    }
    const emergency = engine.detectEmergency(normalized);
    if (emergency) return withNote({ ...compose.emergency(emergency.reply), next: { topic: state.topic } });

    const question = engine.stripGreeting(normalized);
    if (question === '' || engine.isGreeting(normalized)) {
      const menu = compose.menu();
      return { ...menu, next: { ...state, choices: menu.choices } };
    }

    const pick = parsePick(question);
    if (pick !== undefined) {
      const target = state.choices?.[pick - 1];
      if (!target) return { ...compose.noChoice(), next: state };
      if (target.type === 'topic') {
        const topicMenu = compose.topicMenu(target.id);
        return { ...topicMenu, next: { topic: target.id, choices: topicMenu.choices } };
      }
      const entry = engine.knowledge.byId.get(target.id);
      if (entry) return { ...compose.answer(entry, 1), next: { topic: entry.topic, entryId: entry.id } };
      return { ...compose.noChoice(), next: { topic: state.topic } };
    }

    const match = engine.match(question);
    if (match.aspectOnly && state.topic) {
      const entry = engine.knowledge.entries.find((e) => e.topic === state.topic && match.aspects.includes(e.aspect));
      if (entry) return withNote({ ...compose.answer(entry, 1), next: { topic: entry.topic, entryId: entry.id } });
      return withNote({ ...compose.unknownAspect(state.topic, match.aspects[0] as string), next: { topic: state.topic } });
    }

    const decision = engine.decide(match);
    if (decision.kind === 'answer') {
      const { entry } = decision;
      return withNote({ ...compose.answer(entry, decision.confidence), next: { topic: entry.topic, entryId: entry.id } });
    }
    if (decision.kind === 'clarify') {
      const clarify = compose.clarify(decision.options, decision.confidence);
      return withNote({ ...clarify, next: { topic: state.topic, choices: clarify.choices } });
    }
    return withNote({ ...compose.fallback(decision.confidence), next: { topic: state.topic } });
  };

  return {
    get engine() {
      return engine;
    },
    swapEngine(next) {
      engine = next;
    },
    async handle(message) {
      const started = performance.now();
      const key = conversationKey(message);
      const log = options.logger.child({ conv: shortHash(key), adapter: message.adapter });
      const state = (await sessions.read(key)) ?? {};
      const { reply, next } = await respond(message, state);
      await sessions.write(key, next);
      log.info(
        {
          kind: reply.kind,
          entry: reply.entryId,
          score: reply.score === undefined ? undefined : Number(reply.score.toFixed(3)),
          latencyMs: Number((performance.now() - started).toFixed(3)),
          inbound: message.kind,
          ...(message.feedback ? { feedback: message.feedback } : {}),
        },
        'handled',
      );
      log.debug({ text: message.text.slice(0, 500) }, 'message text');
      return reply;
    },
  };
}

/** In groups every sender has a conversation of their own. */
function conversationKey(message: InboundMessage): string {
  const base = `${message.adapter}:${message.conversationId}`;
  return message.isGroup ? `${base}:${message.senderId}` : base;
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
