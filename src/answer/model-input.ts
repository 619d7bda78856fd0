/**
 * How a text reaches the learned model: normalized as every message is, with the lexicon's danger
 * kinds and markers as tags (lex:weapons, mark:now…), so the model learns categories, not only the
 * words it saw. The rules' regular expressions are not run over the training texts (about 1 ms a
 * novel text on RE2): the lexicon's trie is linear and cheap. The danger category of a danger
 * example is the rules' reading, the only label the sets do not carry.
 */
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import type { FeatureInput } from './model/featurize.js';
import type { ModelTraining } from './model/open-model.js';
import { safetyReaderFor } from './safety/detect-emergency.js';
import { lexiconFor, type HazardLexicon } from './safety/hazard-lexicon.js';
import { createNormalizer, type Normalizer } from './read/normalize.js';

/** What the featurizer reads of a normalized message. */
export function modelInput(normalized: string, lexicon?: HazardLexicon): FeatureInput {
  if (!lexicon) return { text: normalized };
  const { kinds, markers } = lexicon.read(normalized);
  return { text: normalized, tags: [...kinds.map((kind) => `lex:${kind}`), ...[...markers].map((marker) => `mark:${marker}`)] };
}

/** How training reads the knowledge base's and the sets' texts (an engine passes its own normalizer). */
export function modelTrainingFor(knowledge: KnowledgeBase, normalize: Normalizer = createNormalizer(knowledge.synonyms)): ModelTraining {
  const lexicon = lexiconFor(knowledge.hazards, normalize);
  const readSafety = safetyReaderFor(knowledge.emergency, lexicon);
  return {
    read: (text) => modelInput(normalize(text), lexicon),
    kindOf: (text) => {
      const safety = readSafety(normalize(text));
      return safety.emergency?.category ?? safety.hazards[0];
    },
  };
}
