/**
 * What the learned model is trained on, each example with the set it came from (so a set can be
 * left out and measured): the knowledge base's own texts (titles, sample questions, keywords,
 * greetings, small talk, handoff words, declines) and every labelled evaluation set but the
 * sealed ones. Dialogue sets give only their danger turns: any other turn's label depends on
 * the conversation before it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDialogueFile, readDialogues, readGoldSet } from './gold-files.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.js';

/** The classes besides entry ids: what the bot answers without an entry. */
export const KIND_CLASSES = ['emergency', 'fallback', 'menu', 'smalltalk', 'handoff'] as const;

/** The set name of the knowledge base's own texts. */
export const KNOWLEDGE_SET = 'knowledge';

/** One labelled text; several labels share the target (any of them is right). */
export interface LabelledText {
  set: string;
  text: string;
  labels: string[];
  /** How much it counts against one labelled question (keywords and single words count less). */
  weight: number;
}

/** The model's classes: every entry id, then {@link KIND_CLASSES}. */
export function modelClasses(knowledge: KnowledgeBase): string[] {
  return [...knowledge.entries.map((entry) => entry.id), ...KIND_CLASSES];
}

/** The knowledge base's own texts, labelled with their entry or kind. */
export function knowledgeExamples(knowledge: KnowledgeBase, keywordWeight: number): LabelledText[] {
  const out: LabelledText[] = [];
  const add = (text: string, label: string, weight = 1) => out.push({ set: KNOWLEDGE_SET, text, labels: [label], weight });
  for (const entry of knowledge.entries) {
    add(entry.title, entry.id);
    for (const question of entry.questions) add(question, entry.id);
    for (const keyword of entry.keywords) add(keyword, entry.id, keywordWeight);
  }
  const { meta } = knowledge;
  for (const word of meta.greetings) add(word, 'menu', keywordWeight);
  for (const talk of meta.smalltalk) for (const word of talk.words) add(word, 'smalltalk', keywordWeight);
  for (const word of [...meta.handoff.words, ...meta.handoff.anywhere]) add(word, 'handoff', keywordWeight);
  for (const examples of knowledge.declines.values()) for (const text of examples) add(text, 'fallback');
  return out;
}

/** The files of labelled sets in `dir` the model learns from: every `.yaml` but the sealed ones. */
export function labelledSetFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') && !name.startsWith('sealed'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** The labelled examples of one set file, labels limited to the model's `classes`. */
export function setExamples(file: string, classes: ReadonlySet<string>): LabelledText[] {
  const set = path.basename(file, '.yaml');
  const known = (expect: string | string[]) => [expect].flat().filter((label) => classes.has(label));
  if (isDialogueFile(file)) {
    return readDialogues(file).flatMap((dialogue) =>
      dialogue.turns.filter((turn) => known(turn.expect).includes('emergency')).map((turn) => ({ set, text: turn.say, labels: ['emergency'], weight: 1 })),
    );
  }
  return readGoldSet(file).flatMap((goldCase) => {
    const labels = known(goldCase.expect);
    return labels.length > 0 ? [{ set, text: goldCase.q, labels, weight: 1 }] : [];
  });
}
