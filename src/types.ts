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
  /** Over the per-conversation rate limit: a notice once, then `text` is '' (send nothing). */
  | 'limited'
  /** The output of a staff command (`/why`, `/reload`). */
  | 'staff'
  /** Small talk (谢谢, 喂, 你是谁) answered politely; not a question left unanswered. */
  | 'smalltalk'
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

/** What the core answers. Adapters render `text`; buttons may be built from `choices`. */
export interface Reply {
  kind: ReplyKind;
  /** Plain text, ready to send as is (no markup). */
  text: string;
  /** The knowledge entry answered, for `answer` replies. */
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
  /**
   * For a 👍 / 👎 (kind `feedback`): false when it was not counted, because this
   * conversation has no such answer to rate (never answered, expired) or rated it already.
   */
  voteCounted?: boolean;
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
