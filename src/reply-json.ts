/**
 * The one machine-readable shape of a {@link Reply}: printed by `ask --json`, returned by the
 * HTTP API, so both give the same reply for the same question.
 */
import type { FlowMark, Reply, ReplyAwaits, ReplyCalculation } from './types.js';

/** A reply as JSON: every key present, `null` where the reply has nothing. */
export interface ReplyJson {
  kind: Reply['kind'];
  text: string;
  entry: string | null;
  score: number | null;
  choices: { n: number; label: string; id: string }[] | null;
  source: string | null;
  awaits: ReplyAwaits | null;
  call: string[] | null;
  /** A calculation's outcome (figure, working, articles, inputs read, assumptions), or what it asks for. */
  calculation: ReplyCalculation | null;
  /** Legal terms of the answer with a plain explanation each, for the page to show. */
  glossary: { term: string; gloss: string }[] | null;
  /** Where a guided flow's reply stands (flow, step, event; an intake's summary at the end). */
  flow: FlowMark | null;
}

/** Maps a reply to its JSON shape; scores are rounded to 4 decimals. */
export function toReplyJson(reply: Reply): ReplyJson {
  return {
    kind: reply.kind,
    text: reply.text,
    entry: reply.entryId ?? null,
    score: reply.score === undefined ? null : Number(reply.score.toFixed(4)),
    choices: reply.choices?.map(({ n, label, id }) => ({ n, label, id })) ?? null,
    source: reply.source ?? null,
    awaits: reply.awaits ?? null,
    call: reply.call ?? null,
    calculation: reply.calculation ?? null,
    glossary: reply.glossary?.map(({ term, gloss }) => ({ term, gloss })) ?? null,
    flow: reply.flow ?? null,
  };
}
