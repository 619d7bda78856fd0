/**
 * Wires one bot process from validated config: knowledge, segmenter, engine, bot, and the
 * staff loop around it (message store, retention, staff commands, live knowledge reload).
 * Loading is explicit (no side effects on import) so every CLI command and test controls it;
 * nothing is watched and nothing is written unless the caller asks.
 */
import { randomUUID } from 'node:crypto';
import { observeHandler, observeReloads, reloadStartHook, type AppHooks } from './app-hooks.js';
import { createBot, type Bot } from './bot.js';
import type { Config } from './service/config/config.js';
import { buildEngine, buildEngineFromTokens } from './answer/build-engine.js';
import { modelShapeOf } from './answer/model/open-model.js';
import { openKnowledgeFiles, snapshotDirFor } from './answer/knowledge/open-knowledge.js';
import type { Logger } from './logger.js';
import { createReloader, type ReloadOutcome } from './service/reload/knowledge-reloader.js';
import { openKnowledgeWorker, type CheckSummary, type QuestionPlan, type QuestionRequest } from './service/reload/knowledge-worker-client.js';
import { watchKnowledge } from './service/reload/watch-knowledge.js';
import { createSegmenter, type DomainWord, type Segmenter } from './answer/read/segment/segmenter.js';
import { createStaffCommands } from './pipeline/staff-commands.js';
import type { MessageStore } from './service/store/message-store.js';
import { startRetention } from './service/store/retention.js';
import { broadcastReloads } from './service/reload/broadcast-reloads.js';
import { openDeployment } from './service/shared-state/open-deployment.js';
import type { SaltHealth } from './service/store/deployment-salt.js';
import type { SharedState } from './service/shared-state/shared-state.js';
import { createHandoffDesk, type HandoffDesk } from './service/handoff/handoff-desk.js';
import { createCallbackDesk, type CallbackDesk } from './service/handoff/callback-requests.js';
import { createSealer } from './service/handoff/callback-crypto.js';
import type { InboundMessage, MessageHandler, Reply } from './types.js';
import type { Run } from './bot.js';
import { renderTrace } from './pipeline/render-trace.js';
import { calculateForm, type CalculationForm } from './answer/calculate/index.js';
import { systemClock, type Clock } from './service/time/clock.js';
import { localDate } from './service/time/local-date.js';

/** A form's calculation as a reply, or the field that cannot be read (in Chinese). */
export type FormReply = { ok: true; reply: Reply } | { ok: false; field: string; message: string };

export interface App {
  config: Config;
  bot: Bot;
  /** The segmenter of the engine in use (replaced when a reload changes the domain words). */
  readonly segmenter: Segmenter;
  logger: Logger;
  /** The bot's handler for adapters: never rejects (a failure is logged and gets the safe reply). */
  handler: MessageHandler;
  /**
   * How the bot reads `question`, as a new person asking it, or with `inConversation` as the next
   * message of the conversation `as` names (nothing recorded or remembered either way).
   */
  explain(question: string, as?: Partial<InboundMessage>, inConversation?: boolean): Promise<Run>;
  /** Whether a message's text reads as danger now (rules and model, as the emergency step reads it); nothing is kept. */
  readsDanger(text: string): boolean;
  /** Where handled messages go (a no-op store unless recording). */
  store: MessageStore;
  /** What this instance shares with the others (Redis), or keeps in memory when alone. */
  shared: SharedState;
  /** The 接待 desk: staff on duty and conversations handed to them (in the shared state). */
  desk: HandoffDesk;
  /** Callback requests, when CALLBACK_KEYS is set. */
  callbacks?: CallbackDesk;
  /** Whether the deployment's salt of conversation hashes is known here (else not ready). */
  saltHealth(): SaltHealth;
  /**
   * The salted hash of a conversation key that the core logs as `conv` (the store's), for
   * adapters' log lines to join up with the core's without revealing the chat id.
   */
  hashConversation(key: string): string;
  /**
   * A calculation asked for with its inputs (the web page's "算一算", POST /api/v1/calculate):
   * the same calculators, knowledge, reply and today as a question in the chat.
   */
  calculate(form: CalculationForm): FormReply;
  /** Validates the knowledge directory and, if valid, serves it from the next message on (one build per change). */
  reload(reason: string): Promise<ReloadOutcome>;
  /** The check of the knowledge directory (as `legal-bot check`), in the knowledge worker thread, so residents are answered meanwhile. */
  checkKnowledge(): Promise<CheckSummary>;
  /** A sample question written into its entry's file (not saved) and the check of the folder with it; in the knowledge worker thread. */
  planSampleQuestion(request: QuestionRequest): Promise<QuestionPlan>;
  /** Reloads whenever the knowledge directory changes; returns a function that stops watching. */
  watchKnowledge(options?: { debounceMs?: number }): () => void;
  /** Stops watching and timers, writes and closes the store, closes the shared state. */
  close(): Promise<void>;
}

/** What a command wants beyond answering. */
export interface AppOptions {
  /** Record handled messages (SQLite in DATA_DIR, or PostgreSQL with DATABASE_URL), with retention (ask, chat, serve). */
  record?: boolean;
  /** Share conversations, limits, locks and reloads with other instances through Redis when REDIS_URL is set (chat, serve). */
  shared?: boolean;
  /** Conversations go on (chat, serve): answers offer typed 1 / 0 feedback where there are no buttons. */
  textFeedback?: boolean;
  /** Staff commands (`/why`, `/reload`) for the senders in STAFF_IDS. */
  staffCommands?: boolean;
  /** A store to use instead (tests); retention applies to it. */
  store?: MessageStore;
  /** Observers of handled messages and reloads (metrics). */
  hooks?: AppHooks;
  /** The clock the bot's today comes from (the real one unless a test sets the day). */
  clock?: Clock;
}

const sameWords = (a: DomainWord[], b: DomainWord[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Loads everything. @throws BotError when the knowledge base is invalid or the segmenter
 * cannot load; the message says why.
 */
export async function createApp(config: Config, logger: Logger, options: AppOptions = {}): Promise<App> {
  const thresholds = { answer: config.answerThreshold, clarify: config.clarifyThreshold };
  // A validated snapshot (DATA_DIR/cache) spares a start the YAML parse and schema checks.
  const snapshotDir = snapshotDirFor(config.dataDir);
  const { knowledge, files } = await openKnowledgeFiles(config.knowledgeDir, { snapshotDir, logger });
  let words = knowledge.domainWords;
  let segmenter = await createSegmenter(config.segmenter, words);
  const engine = buildEngine(knowledge, segmenter, thresholds, { snapshotDir, logger, trainingSetsDir: config.trainingSetsDir });

  const recording = Boolean(options.record || options.store);
  const deployment = await openDeployment(config, logger, { record: Boolean(options.record), share: Boolean(options.shared), store: options.store });
  const { store, shared } = deployment;
  const stopRetention = recording ? startRetention({ store, days: config.retentionDays, logger }) : () => undefined;

  const hooks = options.hooks ?? {};
  const clock = options.clock ?? systemClock;
  const worker = openKnowledgeWorker();
  const local = observeReloads(createReloader({
    knowledgeDir: config.knowledgeDir,
    logger,
    files,
    prepare: (serving) =>
      worker.prepare({
        dir: config.knowledgeDir,
        serving,
        segmenter: config.segmenter,
        thresholds,
        snapshotDir,
        trainingSetsDir: config.trainingSetsDir,
        servingModel: modelShapeOf(bot.engine.knowledge),
      }),
    async build({ knowledge: next, tokens, model }) {
      // New domain words need a segmenter of their own, loaded here (rare: an edit of domain-words.txt).
      const nextSegmenter = sameWords(next.domainWords, words)
        ? segmenter
        : await createSegmenter(config.segmenter, next.domainWords);
      const built = await buildEngineFromTokens(next, nextSegmenter, thresholds, tokens, { snapshotDir, logger, trainingSetsDir: config.trainingSetsDir, serving: bot.engine, trained: model });
      segmenter = nextSegmenter;
      words = next.domainWords;
      return built;
    },
    swap: (next) => bot.swapEngine(next),
    serving: () => bot.engine.knowledge,
    onStart: reloadStartHook(hooks, logger),
  }), hooks, logger);
  const { reloader, stop: stopBroadcasts } = options.shared ? broadcastReloads(local, shared.reloads) : { reloader: local, stop: () => undefined };
  const explain = async (question: string, as: Partial<InboundMessage> = {}, inConversation = false): Promise<Run> =>
    bot.run({ adapter: 'cli', conversationId: 'why', senderId: 'staff', ...as, kind: 'text', text: question }, { dryRun: true, inConversation });
  const staff =
    options.staffCommands && config.staffIds.length > 0
      ? createStaffCommands({
          staffIds: config.staffIds,
          // Asked in a chat, the question is read in that chat's conversation, as the next message would be.
          explain: async (question, asker) => {
            const { adapter, conversationId, senderId, isGroup, capabilities } = asker;
            return renderTrace((await explain(question, { adapter, conversationId, senderId, isGroup, capabilities }, true)).trace);
          },
          reload: () => reloader.reload('staff'),
        })
      : undefined;

  const desk = createHandoffDesk(shared.cache, { now: Date.now, newId: () => randomUUID() });
  const callbacks =
    config.callbackKeys.length > 0
      ? createCallbackDesk(shared.cache, { sealer: createSealer(config.callbackKeys), retentionMs: config.retentionDays * 86_400_000, now: Date.now, newId: () => randomUUID() })
      : undefined;
  const bot = createBot({
    desk,
    engine,
    logger,
    maxMessageChars: config.maxMessageChars,
    sessionIdleMs: config.sessionIdleMs,
    sessionMax: config.sessionMax,
    store,
    sessions: shared.sessions,
    conversationLocks: shared.conversationLocks,
    limiter: shared.limiter,
    feedbackWindowMs: options.textFeedback ? config.feedbackWindowMs : 0,
    staff,
    clock,
  });
  const handler: MessageHandler = observeHandler((message) => bot.handle(message), hooks, logger);
  const watches = new Set<() => void>();

  return {
    config,
    bot,
    get segmenter() {
      return segmenter;
    },
    logger,
    handler,
    explain,
    readsDanger(text) {
      const { engine } = bot;
      return engine.weighDanger(engine.read(text, config.maxMessageChars).normalized).emergency !== undefined;
    },
    store,
    shared,
    desk,
    ...(callbacks ? { callbacks } : {}),
    saltHealth: () => deployment.saltHealth(),
    hashConversation: (key) => store.hashConversation(key),
    calculate(form) {
      const { engine } = bot;
      const outcome = calculateForm(form, localDate(clock.now()), engine.knowledge.calculate);
      return outcome.ok ? { ok: true, reply: engine.compose.calculation(outcome.outcome) } : outcome;
    },
    reload: (reason) => reloader.reload(reason),
    checkKnowledge: () => worker.check(config.knowledgeDir),
    planSampleQuestion: (request) => worker.planQuestion(config.knowledgeDir, request),
    watchKnowledge(watchOptions = {}) {
      const watch = watchKnowledge(
        config.knowledgeDir,
        () => void reloader.reload('watch'),
        { logger, debounceMs: watchOptions.debounceMs },
      );
      const stop = () => {
        watch.close();
        watches.delete(stop);
      };
      watches.add(stop);
      logger.info({ dir: config.knowledgeDir, folders: watch.watched.length }, 'watching the knowledge directory');
      return stop;
    },
    async close() {
      for (const stop of [...watches]) stop();
      stopRetention();
      stopBroadcasts();
      await worker.close();
      await deployment.close();
    },
  };
}
