/**
 * The answering core: `handle(message) → Reply`. Platform-free; adapters call it.
 * Steps: rate limit → staff command → sanitize and cut → normalize → emergency → menu /
 * typed 1 / 0 feedback / digit → follow-up → match → decide → compose, then remember the
 * conversation's topic and numbered list, and record the message in the store.
 */
import { createHash } from 'node:crypto';
import type { Composed } from './compose/compose-reply.js';
import { parsePick } from './dialog/intents.js';
import type { Engine } from './engine.js';
import type { Logger } from './logger.js';
import { createMemorySessionStore, type SessionState, type SessionStore } from './session/session-store.js';
import { maskPersonal } from './privacy/mask.js';
import { createRateLimiter } from './limits/rate-limiter.js';
import { createNoopStore, type MessageStore } from './store/message-store.js';
import { recordHandled, type Vote } from './store/record-handled.js';
import type { StaffCommands } from './staff/staff-commands.js';
import { buttonVote, hasButtons, typedVote } from './staff/text-feedback.js';
import type { InboundMessage, Reply } from './types.js';

export interface BotOptions {
  engine: Engine;
  logger: Logger;
  maxMessageChars: number;
  sessionIdleMs: number;
  sessions?: SessionStore;
  /** Conversations kept in memory at most (LRU), when `sessions` is not given. */
  sessionMax?: number;
  now?: () => number;
  /** Where handled messages and feedback are recorded; nothing is kept by default. */
  store?: MessageStore;
  /** Messages per conversation per minute; unlimited when unset or 0. */
  ratePerMinute?: number;
  /** How long after an answer a bare 1 / 0 rates it (adapters without buttons); off when unset or 0. */
  feedbackWindowMs?: number;
  /** Staff commands (`/why`, `/reload`), tried first for every message. */
  staff?: StaffCommands;
}

/** What answering one message produced, besides the reply. */
type Outcome = Composed & { next: SessionState; vote?: Vote; question?: string; nearest?: string };

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
  const sessions =
    options.sessions ?? createMemorySessionStore({ idleMs: options.sessionIdleMs, max: options.sessionMax, now });
  const store = options.store ?? createNoopStore();
  const limiter = createRateLimiter({ perMinute: options.ratePerMinute ?? 0, maxConversations: options.sessionMax, now });
  const feedbackWindowMs = options.feedbackWindowMs ?? 0;

  const respond = async (message: InboundMessage, state: SessionState): Promise<Outcome> => {
    const { compose } = engine;
    if (message.kind === 'feedback') {
      return { ...compose.feedbackThanks(), vote: buttonVote(message, state.lastAnswer), next: { ...state, lastAnswer: undefined } };
    }
    if (message.kind !== 'text') return { ...compose.unsupported(), next: state };

    const { text, truncated, normalized } = engine.read(message.text, options.maxMessageChars);
    const withNote = (composed: Outcome): Outcome =>
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

    const vote = typedVote(message, question, state, now(), feedbackWindowMs);
    if (vote) return { ...compose.feedbackThanks(), vote, next: { topic: state.topic, entryId: state.entryId } };

    const pick = parsePick(question);
    if (pick !== undefined) {
      const target = state.choices?.[pick - 1];
      if (!target) return { ...compose.noChoice(), next: state };
      if (target.type === 'topic') {
        const topicMenu = compose.topicMenu(target.id);
        return { ...topicMenu, next: { topic: target.id, choices: topicMenu.choices } };
      }
      const entry = engine.knowledge.byId.get(target.id);
      if (entry) return { ...compose.answer(entry, 1), question: state.asked, next: { topic: entry.topic, entryId: entry.id } };
      return { ...compose.noChoice(), next: { topic: state.topic } };
    }

    if (engine.elsewhere(question)) return withNote({ ...compose.elsewhere(), next: { topic: state.topic } });

    const match = engine.match(question);
    if (match.aspectOnly && state.topic) {
      const entry = engine.knowledge.entries.find((e) => e.topic === state.topic && match.aspects.includes(e.aspect));
      if (entry) return withNote({ ...compose.answer(entry, 1), question: text, next: { topic: entry.topic, entryId: entry.id } });
      return withNote({ ...compose.unknownAspect(state.topic, match.aspects[0] as string), question: text, next: { topic: state.topic } });
    }

    const decision = engine.decide(match);
    if (decision.kind === 'answer') {
      const { entry } = decision;
      return withNote({ ...compose.answer(entry, decision.confidence), question: text, next: { topic: entry.topic, entryId: entry.id } });
    }
    if (decision.kind === 'clarify') {
      const clarify = compose.clarify(decision.options, decision.confidence);
      const asked = maskPersonal(text);
      return withNote({ ...clarify, question: text, nearest: decision.options[0]?.id, next: { topic: state.topic, choices: clarify.choices, asked } });
    }
    return withNote({ ...compose.fallback(decision.confidence), question: text, nearest: decision.closest?.id, next: { topic: state.topic } });
  };

  /** Over the limit, a staff command, or the answer path. */
  const outcomeOf = async (message: InboundMessage, key: string, state: SessionState): Promise<Outcome> => {
    const admission = limiter.admit(key);
    if (admission !== 'ok') {
      const text = admission === 'notice' ? engine.knowledge.meta.messages.rateLimited : '';
      return { reply: { kind: 'limited', text }, next: state };
    }
    const staffReply = await options.staff?.(message);
    if (staffReply) return { reply: staffReply, next: state };
    const outcome = await respond(message, state);
    const { reply } = outcome;
    if (reply.kind !== 'answer' || !reply.entryId) return outcome;
    const question = outcome.question === undefined ? undefined : maskPersonal(outcome.question);
    const next = { ...outcome.next, lastAnswer: { entryId: reply.entryId, at: now(), ...(question ? { question } : {}) } };
    // Without buttons the answer says how to rate it; with them (Telegram) the buttons do.
    const hint = feedbackWindowMs > 0 && !hasButtons(message) ? `\n${engine.knowledge.meta.messages.feedbackHint}` : '';
    return { ...outcome, reply: { ...reply, text: `${reply.text}${hint}` }, next };
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
      const outcome = await outcomeOf(message, key, state);
      const { reply, next } = outcome;
      await sessions.write(key, next);
      const latencyMs = performance.now() - started;
      recordHandled(store, {
        message,
        key,
        reply,
        at: now(),
        latencyMs,
        question: outcome.question,
        nearest: outcome.nearest,
        vote: outcome.vote,
        topicOf: (id) => engine.knowledge.byId.get(id)?.topic,
      });
      log.info(
        {
          kind: reply.kind,
          entry: reply.entryId,
          score: reply.score === undefined ? undefined : Number(reply.score.toFixed(3)),
          latencyMs: Number(latencyMs.toFixed(3)),
          inbound: message.kind,
          ...(outcome.vote ? { feedback: { useful: outcome.vote.useful, entryId: outcome.vote.entryId } } : {}),
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
