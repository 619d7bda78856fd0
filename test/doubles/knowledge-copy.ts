/**
 * A throw-away copy of the real knowledge base that a test may edit, as staff would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { KNOWLEDGE_DIR } from './harness.js';

type EntryData = Record<string, unknown> & { id: string; topic: string; related?: string[]; questions: string[] };

export interface KnowledgeCopy {
  dir: string;
  /** Rewrites one entry file through `edit` (parsed YAML in, YAML out). */
  editEntries(file: string, edit: (entries: EntryData[]) => EntryData[]): void;
  /** Writes a file, relative to the copy. */
  write(relative: string, text: string): void;
  /** Reads a file, relative to the copy. */
  read(relative: string): string;
  remove(relative: string): void;
  /** Entries of the copy, by file. */
  entries(file: string): EntryData[];
  cleanup(): void;
}

/** Copies the knowledge base to a temporary directory. */
export function copyKnowledge(): KnowledgeCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-knowledge-'));
  fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const read = (file: string) => YAML.parse(fs.readFileSync(path.join(dir, 'entries', file), 'utf8')) as EntryData[];
  // Written to a temporary name and renamed, as editors save.
  const write = (relative: string, text: string) => {
    const full = path.join(dir, relative);
    fs.writeFileSync(`${full}.tmp~`, text);
    fs.renameSync(`${full}.tmp~`, full);
  };
  return {
    dir,
    entries: read,
    editEntries: (file, edit) => write(path.join('entries', file), YAML.stringify(edit(read(file)))),
    write,
    read: (relative) => fs.readFileSync(path.join(dir, relative), 'utf8'),
    remove: (relative) => fs.rmSync(path.join(dir, relative)),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
