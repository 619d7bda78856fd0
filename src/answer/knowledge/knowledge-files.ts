/**
 * Which files make a knowledge directory, in the order the loader reads them. Kept apart from
 * the parser so the snapshot check can list them without loading YAML or the schemas.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BotError, ErrorCodes } from '../../errors.js';
import { CALCULATE_FILES } from '../calculate/knowledge.js';

/** The files every knowledge directory has (the loader reads them first). */
export const FIXED_FILES: readonly string[] = [
  'meta.yaml',
  'topics.yaml',
  'aspects.yaml',
  'emergency.yaml',
  'out-of-scope.yaml',
  'hotlines.yaml',
  'honesty.yaml',
  'gazetteer.yaml',
  'matching.yaml',
  'hazards.yaml',
  'lexicon/synonyms.yaml',
  'lexicon/stopwords.txt',
  'lexicon/domain-words.txt',
  'privacy.yaml',
  'local-facts.yaml',
  'sources/manifest.yaml',
  // The calculators' data: holidays, deadlines, local figures, court fees, question cues.
  ...Object.values(CALCULATE_FILES),
  'glossary.yaml',
  'referrals.yaml',
];

/** Folder of the law texts, relative to the knowledge directory. */
export const LAWS_DIR = path.join('sources', 'laws');

/** The law files of a knowledge folder, relative to it, sorted. */
export function listLawFiles(dir: string): string[] {
  return listEntryFiles(dir, LAWS_DIR);
}

/** The YAML files of a folder (entries by default), sorted so that load order (and ranking ties) never depend on the disk. */
export function listEntryFiles(dir: string, folder = 'entries'): string[] {
  const entriesDir = path.join(dir, folder);
  if (!fs.existsSync(entriesDir)) return [];
  return fs
    .readdirSync(entriesDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(folder, name));
}

/** @throws BotError QLB_KNOWLEDGE_NOT_FOUND when `dir` does not exist. */
export function assertKnowledgeDir(dir: string): void {
  if (!fs.existsSync(dir)) {
    throw new BotError(ErrorCodes.KNOWLEDGE_NOT_FOUND, `找不到知识库目录 ${dir}(KNOWLEDGE_DIR)`, ['KNOWLEDGE_DIR']);
  }
}
