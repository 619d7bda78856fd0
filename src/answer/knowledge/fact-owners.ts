/**
 * Every text of the knowledge base a user can see, grouped with the sources it stands on:
 * entry titles and answers and problem fields (their own sources), topic and aspect titles
 * (menus, choice labels), meta messages, small talk and emergency replies (no sources: only
 * hotlines and laws on file).
 */
import type { FactOwner, FactText } from './fact-types.js';
import type { Entry } from './knowledge-base.js';
import type { Aspect, EmergencyData, GlossaryTerm, Meta, ProblemData, Referral, Topic } from './schema.js';

/** The parts of a knowledge base whose texts are shown. */
export interface ShownTexts {
  entries: readonly Entry[];
  topics: readonly Topic[];
  aspects: readonly Aspect[];
  meta?: Meta;
  emergency?: EmergencyData;
  glossary?: readonly GlossaryTerm[];
  referrals?: readonly Referral[];
}

/** One owner per entry, topic, aspect and emergency category, and one for meta messages. */
export function knowledgeOwners({ entries, topics, aspects, meta, emergency, glossary = [], referrals = [] }: ShownTexts): FactOwner[] {
  const owners: FactOwner[] = entries.map((entry) => ({
    file: entry.file,
    id: entry.id,
    texts: entry.problem ? problemTexts(entry.problem) : [
      { field: 'title', text: entry.title },
      { field: 'answer', text: entry.answer },
    ],
    sources: entry.source,
    questions: entry.questions,
  }));
  for (const topic of topics) {
    owners.push({ file: 'topics.yaml', id: topic.id, texts: [{ field: 'title', text: topic.title }], sources: [] });
  }
  for (const aspect of aspects) {
    owners.push({ file: 'aspects.yaml', id: aspect.id, texts: [{ field: 'title', text: aspect.title }], sources: [] });
  }
  if (meta) {
    owners.push({
      file: 'meta.yaml',
      texts: [
        ...Object.entries(meta.messages).map(([name, text]) => ({ field: `messages.${name}`, text })),
        ...meta.smalltalk.map((talk, index) => ({ field: `smalltalk[${index}](id=${talk.id}).reply`, text: talk.reply })),
      ],
      sources: [],
    });
  }
  for (const category of emergency?.categories ?? []) {
    owners.push({ file: 'emergency.yaml', id: category.id, texts: [
        { field: 'reply', text: category.reply },
        { field: 'line', text: category.line },
      ], sources: [] });
  }
  // A term's explanation is shown beside answers: it stands on its own sources like an answer.
  glossary.forEach((term) => {
    owners.push({ file: 'glossary.yaml', id: term.term, texts: [{ field: 'gloss', text: term.gloss }], sources: term.source });
  });
  for (const referral of referrals) {
    const texts = [{ field: 'office', text: referral.office }, ...(referral.where ? [{ field: 'where', text: referral.where }] : [])];
    owners.push({ file: 'referrals.yaml', id: referral.id, texts, sources: referral.source });
  }
  return owners;
}

/** A problem's texts field by field, so a refusal names the field staff edit (then[2]). */
function problemTexts(problem: ProblemData): FactText[] {
  const list = (field: string, items: readonly string[]) => items.map((text, index) => ({ field: `${field}[${index}]`, text }));
  return [
    { field: 'title', text: problem.title },
    ...(problem.safety ? [{ field: 'safety', text: problem.safety }] : []),
    { field: 'first', text: problem.first },
    ...list('then', problem.then),
    ...list('evidence', problem.evidence),
    ...list('deadlines', problem.deadlines),
  ];
}
