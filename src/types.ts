/**
 * The boundary between chat platforms and the answering core.
 * Adapters map their raw updates to {@link InboundMessage} and render {@link Reply}.
 */

/** What a platform delivered. Non-text kinds carry an empty `text`. */
export type InboundKind =
  | 'text'
  | 'sticker'
  | 'image'
  | 'voice'
  | 'video'
  | 'file'
  | 'location'
  | 'contact'
  | 'link'
  | 'money'
  | 'feedback'
  /** A platform command (`/start`, `/menu`, a menu click): see {@link InboundMessage.command}. */
  | 'command'
  /** A press on a button that showed a choice: see {@link InboundMessage.choiceId}. */
  | 'choice'
  | 'other';

/** Commands a platform may deliver instead of text; no adapter needs to know the word 菜单. */
export type InboundCommand = 'start' | 'help' | 'menu';

/** One message from a person, platform-free. */
export interface InboundMessage {
  /** Adapter name, e.g. `telegram`, `wechat`, `console`. */
  adapter: string;
  /** Stable id of the conversation (chat or room) on that adapter. */
  conversationId: string;
  /** Stable id of the sender on that adapter. */
  senderId: string;
  kind: InboundKind;
  /** The text as typed, before any normalization; '' for non-text kinds. */
  text: string;
  /** True when the message came from a group chat or room. */
  isGroup?: boolean;
  /** Milliseconds since the epoch; defaults to the time the core sees it. */
  receivedAt?: number;
  /** For kind `feedback`: was the answer to `entryId` useful (👍) or not (👎). */
  feedback?: { useful: boolean; entryId?: string };
  /** For kind `command`: which one. */
  command?: InboundCommand;
  /**
   * For kind `choice`: the {@link ReplyChoice.id} the pressed button showed. An old button
   * answers what it showed, whatever list the conversation has open now.
   */
  choiceId?: string;
  /**
   * What the adapter can show. With `buttons` (Telegram) 👍 / 👎 are buttons, so answers
   * carry no "有用回复1,没用回复0" line; without, the core adds that line and takes a bare 1 / 0.
   */
  capabilities?: {
    buttons?: boolean;
    /** The platform can hand the conversation to a person (WeChat official account). */
    handoff?: boolean;
    /**
     * Every message is a request that shows what it gets back (the web page and API): a reply
     * is never empty there, so the rate limit says when to ask again each time, not once.
     */
    neverSilent?: boolean;
  };
}

/** The kinds of reply the core produces. */
export type ReplyKind =
  | 'answer'
  | 'clarify'
  | 'menu'
  | 'fallback'
  | 'emergency'
  | 'unsupported'
  | 'error'
  /**
   * Over the per-conversation rate limit: a notice once, then `text` is '' (send nothing), except
   * where `capabilities.neverSilent` (the web), which gets the notice every time.
   */
  | 'limited'
  /** The output of a staff command (`/why`, `/reload`). */
  | 'staff'
  /** Small talk (谢谢, 喂, 你是谁) answered politely; not a question left unanswered. */
  | 'smalltalk'
  /** A step of a guided flow (issue 22): a question, the review of the answers, or the ending. */
  | 'flow'
  /**
   * The person asked for a human. With `capabilities.handoff` the adapter hands the
   * conversation over (the text says so); elsewhere the text refers to 12348.
   */
  | 'handoff';

/**
 * A numbered choice offered by a reply; typing `n` picks it from the open list, a button
 * carrying `id` picks it whatever list is open.
 */
export interface ReplyChoice {
  n: number;
  label: string;
  /** Stable identity of what the choice leads to: `t:<topicId>` or `e:<entryId>`. */
  id: string;
}

/** What a reply waits for: a pick from its `choices`, or a 👍 / 👎 (1 / 0) on its answer. */
export type ReplyAwaits = 'pick' | 'vote';

/** Where a reply stands in a guided flow: for adapters (print, forward) and for 统计 (start, finish, where people leave). */
export interface FlowMark {
  /** The flow's id (knowledge/flows/<id>.yaml). */
  id: string;
  /** The step asked, `#review`, or at `done` the outcome's id. */
  step: string;
  /** start: its first question; ask; review; done: the ending; exit: left by 退出; paused: left for another question. */
  event: 'start' | 'ask' | 'review' | 'done' | 'exit' | 'paused';
  /** At `done` of an intake: the case summary alone, to print or forward. */
  summary?: string;
}

/** What the core answers. Adapters render `text`; buttons may be built from `choices`. */
export interface Reply {
  kind: ReplyKind;
  /** Plain text, ready to send as is (no markup). */
  text: string;
  /**
   * The knowledge entry answered, for `answer` replies; `calc.<rule>` for a computed figure
   * (calc.labour-arbitration, calc.unlawful-termination), which carries `calculation`.
   */
  entryId?: string;
  /** Confidence in [0, 1] of the chosen entry, where matching ran. */
  score?: number;
  /** Numbered choices for `menu` and `clarify`. */
  choices?: ReplyChoice[];
  /** Source line of an `answer`, also contained in `text`. */
  source?: string;
  /** What the bot takes as the next message besides a new question. */
  awaits?: ReplyAwaits;
  /** Numbers to call first, most urgent first (emergency replies: tap-to-call links). */
  call?: string[];
  /** A calculation's outcome, as data: the figure and its working (an `answer`), or the input it asks for (a `clarify`). */
  calculation?: ReplyCalculation;
  /** Legal terms the answer uses, with a plain explanation each (knowledge/glossary.yaml), first appearance first. */
  glossary?: { term: string; gloss: string }[];
  /** A reply of a guided flow, or a reply that paused one. */
  flow?: FlowMark;
  /**
   * For a 👍 / 👎 (kind `feedback`): false when it was not counted, because this
   * conversation has no such answer to rate (never answered, expired) or rated it already.
   */
  voteCounted?: boolean;
}

/**
 * A calculator's outcome as plain JSON data (`CalcOutcome` of src/answer/calculate/result.ts,
 * whose fields it names in part: the ground imports nothing of the house): `result` (figure,
 * working, articles, what would change it, assumptions, inputs), `ask` (the one input missing)
 * or `refuse` (a date in the future…).
 */
export interface ReplyCalculation {
  kind: 'result' | 'ask' | 'refuse';
  /** Which calculation: `deadline:<rule>`, `compensation`, `unlawful-termination`, `double-wages`, `court-fee`. */
  calculation: string;
  title: string;
}

/** Handles one inbound message; never rejects for bad user input. */
export type MessageHandler = (message: InboundMessage) => Promise<Reply>;

/**
 * A chat platform connection. Nothing connects before `start()`;
 * `stop()` finishes in-flight replies and releases the platform.
 */
export interface Adapter {
  readonly name: string;
  start(handler: MessageHandler): Promise<void>;
  stop(): Promise<void>;
  /**
   * Sends a message the bot did not answer (a staff member's reply at the 接待 desk) to a
   * conversation; false when the adapter is not running. Channels without it are not relayed.
   */
  push?(conversationId: string, text: string): Promise<boolean>;
}
