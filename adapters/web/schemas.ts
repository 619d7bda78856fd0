/**
 * JSON schemas of the API's requests and replies: fastify validates bodies and serializes
 * replies with them, and the OpenAPI document is built from them.
 */
import { CALCULATION_OUTCOME } from './calculate-schemas.js';

/** A client-made random id: 8 to 64 letters, digits, `_` or `-`. */
export const CONVERSATION = {
  type: 'string',
  pattern: '^[A-Za-z0-9_-]{8,64}$',
  description: 'Random id the client generates once per conversation (8-64 of A-Z a-z 0-9 _ -).',
} as const;

/** The client's id of one message: a retry with the same id (and content) gets the same reply. */
export const CLIENT_MESSAGE_ID = {
  type: 'string',
  pattern: '^[A-Za-z0-9_-]{8,64}$',
  description:
    'Optional. A random id the client makes for each message (8-64 of A-Z a-z 0-9 _ -) and sends again, unchanged, when it retries that message: a retry in the same conversation with the same content gets the reply the first request got and is handled once (kept 10 minutes). Reused with other content it is another message. An emergency is always answered with the emergency reply, retried or not.',
} as const;

/** Longest text accepted; the core still cuts at MAX_MESSAGE_CHARS and says so. */
export const MAX_TEXT_CHARS = 5_000;

export const MessageRequest = {
  $id: 'MessageRequest',
  type: 'object',
  oneOf: [
    {
      type: 'object',
      required: ['conversation', 'text'],
      additionalProperties: false,
      properties: { conversation: CONVERSATION, text: { type: 'string', minLength: 1, maxLength: MAX_TEXT_CHARS }, clientMessageId: CLIENT_MESSAGE_ID },
    },
    {
      type: 'object',
      required: ['conversation', 'command'],
      additionalProperties: false,
      properties: { conversation: CONVERSATION, command: { type: 'string', enum: ['start', 'help', 'menu'] }, clientMessageId: CLIENT_MESSAGE_ID },
    },
  ],
} as const;

export const ChoiceRequest = {
  $id: 'ChoiceRequest',
  type: 'object',
  required: ['conversation', 'choice'],
  additionalProperties: false,
  properties: {
    conversation: CONVERSATION,
    choice: {
      type: 'string',
      pattern: '^(?:[te]:[A-Za-z0-9._-]{1,120}|f:[A-Za-z0-9._:#-]{1,160})$',
      description: 'The `id` of a choice a reply offered: `t:<topic>`, `e:<entry>` or a guided flow\'s `f:<flow>:…`.',
    },
  },
} as const;

export const FeedbackRequest = {
  $id: 'FeedbackRequest',
  type: 'object',
  required: ['conversation', 'useful'],
  additionalProperties: false,
  properties: {
    conversation: CONVERSATION,
    useful: { type: 'boolean', description: 'true for 👍, false for 👎' },
    entry: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,120}$', description: 'The `entry` of the answer rated.' },
  },
} as const;

const nullable = (type: string) => ({ type: [type, 'null'] });

/** The reply as `toReplyJson` gives it (src/reply-json.ts): every key present, null when empty. */
export const ReplyJsonSchema = {
  $id: 'Reply',
  type: 'object',
  required: ['kind', 'text', 'entry', 'score', 'choices', 'source', 'awaits', 'call', 'calculation', 'glossary', 'flow'],
  properties: {
    kind: {
      type: 'string',
      enum: ['answer', 'clarify', 'menu', 'fallback', 'emergency', 'unsupported', 'error', 'limited', 'staff', 'smalltalk', 'handoff', 'flow'],
    },
    text: { type: 'string', description: 'Plain text to show; never empty here (over the rate limit too: the notice says when to ask again).' },
    entry: nullable('string'),
    score: nullable('number'),
    choices: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        required: ['n', 'label', 'id'],
        properties: { n: { type: 'integer' }, label: { type: 'string' }, id: { type: 'string' } },
      },
    },
    source: nullable('string'),
    awaits: { type: ['string', 'null'], enum: ['pick', 'vote', null] },
    call: { type: ['array', 'null'], items: { type: 'string' }, description: 'Numbers to call first (tel: links).' },
    calculation: CALCULATION_OUTCOME,
    glossary: {
      type: ['array', 'null'],
      description: 'Legal terms the answer uses, each with a plain explanation (knowledge/glossary.yaml), first appearance first.',
      items: {
        type: 'object',
        required: ['term', 'gloss'],
        properties: { term: { type: 'string' }, gloss: { type: 'string' } },
      },
    },
    flow: {
      type: ['object', 'null'],
      description: 'A guided flow\'s reply: which flow, which step, what happened (start, ask, review, done, exit, paused); at done an intake\'s summary to print or forward.',
      required: ['id', 'step', 'event'],
      properties: { id: { type: 'string' }, step: { type: 'string' }, event: { type: 'string' }, summary: { type: 'string' } },
    },
  },
} as const;

export const ErrorSchema = {
  $id: 'Error',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string', description: 'Stable code, e.g. QLB_HTTP_BAD_REQUEST' }, message: { type: 'string' } },
    },
  },
} as const;
