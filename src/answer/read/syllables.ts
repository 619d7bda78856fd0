/**
 * Toneless pinyin of Chinese characters, one syllable per character, from a table generated
 * from pinyin-pro (scripts/make-syllable-table.mjs): looking a character up costs nothing at
 * run time, where loading pinyin-pro took about 190 ms and 25 MB at the first typo. The table
 * is data (syllable-table.txt), read at the first lookup: most runs never correct a typo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../paths.js';

/** The generated table, relative to the package root (the same file for the source and the compiled tree). */
export const SYLLABLE_TABLE_FILE = 'src/answer/read/syllable-table.txt';

const FIRST = 0x3400;
const LAST = 0x9fff;

let names: string[] | undefined;
/** Per character from FIRST to LAST: 1 + the index of its syllable in `names`, or 0 without one. */
let table: Uint16Array | undefined;

function build(): { names: string[]; table: Uint16Array } {
  names = [];
  table = new Uint16Array(LAST - FIRST + 1);
  const lines = fs.readFileSync(path.join(packageRoot(), SYLLABLE_TABLE_FILE), 'utf8').split('\n');
  for (const line of lines) {
    if (line === '' || line.startsWith('#')) continue;
    const space = line.indexOf(' ');
    names.push(line.slice(0, space));
    for (let i = space + 1; i < line.length; i += 1) table[line.charCodeAt(i) - FIRST] = names.length;
  }
  return { names, table };
}

/** The syllable of each character of `text` ("法律" → ["fa", "lv"]); a character without one stands for itself. */
export function syllables(text: string): string[] {
  const built = names && table ? { names, table } : build();
  const out: string[] = [];
  for (const ch of text) {
    const point = ch.codePointAt(0) as number;
    const slot = point >= FIRST && point <= LAST ? (built.table[point - FIRST] as number) : 0;
    out.push(slot > 0 ? (built.names[slot - 1] as string) : ch);
  }
  return out;
}
