/**
 * How a text reaches the learned model: normalized as every message is, and nothing else. The
 * rules' regular expressions are not run over the training texts (about 1 ms a novel text on
 * RE2): a learned signal apart from the rules is what can catch what they miss. The danger
 * category of a danger example is the rules' reading, the only label the sets do not carry.
 */
import type { KnowledgeBase } from './knowledge/knowledge-base.js';
import { safetyReaderFor } from './safety/detect-emergency.js';
import { createNormalizer, type Normalizer } from './read/normalize.js';
import type { FeatureInput } from './model/featurize.js';
import type { ModelTraining } from './model/open-model.js';

/** What the featurizer reads of a normalized message. */
export function modelInput(normalized: string): FeatureInput {
  return { text: normalized };
}

/** How training reads the knowledge base's and the sets' texts (an engine passes its own normalizer). */
export function modelTrainingFor(knowledge: KnowledgeBase, normalize: Normalizer = createNormalizer(knowledge.synonyms)): ModelTraining {
  const readSafety = safetyReaderFor(knowledge.emergency);
  return {
    read: (text) => modelInput(normalize(text)),
    kindOf: (text) => {
      const safety = readSafety(normalize(text));
      return safety.emergency?.category ?? safety.hazards[0];
    },
  };
}
