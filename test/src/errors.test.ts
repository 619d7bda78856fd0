/**
 * One registry of error codes: each is used by the code, has its meaning for staff, and a
 * row in the README's error table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ErrorMeanings, KnowledgeRuleCodes } from '../../src/errors.js';
import { FACT_RULES } from '../../src/answer/knowledge/fact-rules.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** The folders of code: those the build compiles. */
const CODE_DIRS = (JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] }).include;

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'));
}

describe('error codes', () => {
  const code = CODE_DIRS.flatMap(sources).join('\n');
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it.each(Object.entries(ErrorCodes))('%s is used, explained and documented', (name, value) => {
    const uses = code.split(`ErrorCodes.${name}`).length - 1;
    expect(uses, `ErrorCodes.${name} is never used`).toBeGreaterThan(0);
    expect(ErrorMeanings[value]).toBeTruthy();
    expect(readme, `README lacks a row for ${value}`).toContain(`\`${value}\``);
  });

  it('codes are unique and stable in form', () => {
    const values = Object.values(ErrorCodes);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(value).toMatch(/^QLB_[A-Z0-9_]+$/);
  });
});

describe('codes of the knowledge check rules', () => {
  it('every rule of fact-rules.ts has one stable code, and every code a rule', () => {
    expect(Object.keys(KnowledgeRuleCodes).sort()).toEqual(Object.keys(FACT_RULES).sort());
    const values = Object.values(KnowledgeRuleCodes);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(value).toMatch(/^QLB_RULE_[A-Z0-9_]+$/);
  });
});
