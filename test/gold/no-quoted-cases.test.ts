/**
 * No code or comment quotes an evaluation case: an example in the code that is a case of a set
 * invites a rule written for that one message, and a set the code was written around measures
 * nothing. Every run of Chinese text in the code (comments and strings alike) of six characters
 * or more is compared, with spacing and punctuation dropped, with every question and dialogue
 * turn of every set (shorter ones are names of services and topics the code must be free to say).
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const CODE = ['src', 'adapters', 'cli', 'staff-console'];
const key = (text: string) => text.replace(/[\s\p{P}\p{S}_]+/gu, '');
/** Runs of Chinese characters with the punctuation inside a phrase, at least five characters long. */
const RUN = /[\u3400-\u9fff][\u3400-\u9fff\w,，。、?？!！…]{4,}/gu;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : files(full);
    return /\.(ts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

function evaluationCases(): Set<string> {
  const dir = path.join(ROOT, 'test', 'gold');
  const cases = new Set<string>();
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.yaml'))) {
    for (const item of YAML.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as Array<{ q?: string; turns?: Array<{ say: string }> }>) {
      if (item.q) cases.add(key(item.q));
      for (const turn of item.turns ?? []) cases.add(key(turn.say));
    }
  }
  return cases;
}

describe('the code', () => {
  it('quotes no evaluation case, in a comment or a string', () => {
    const cases = evaluationCases();
    const quoted = CODE.flatMap((dir) => files(path.join(ROOT, dir))).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (line.match(RUN) ?? []).filter((run) => key(run).length >= 6 && cases.has(key(run))).map((run) => `${path.relative(ROOT, file)}:${index + 1} ${run}`)),
    );
    expect(quoted).toEqual([]);
  });
});
