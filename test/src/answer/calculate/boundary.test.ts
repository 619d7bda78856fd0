import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = 'src/answer/calculate';
const files = readdirSync(DIR).filter((name) => name.endsWith('.ts'));

describe('the calculation core stays pure', () => {
  it.each(files)('%s imports only its siblings and zod', (name) => {
    const source = readFileSync(join(DIR, name), 'utf8');
    const imports = [...source.matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gmu)].map((match) => match[1]);
    expect(imports.filter((path) => !path!.startsWith('./') && path !== 'zod')).toEqual([]);
  });

  it.each(files)('%s does no I/O and parses no float', (name) => {
    const source = readFileSync(join(DIR, name), 'utf8');
    expect(source).not.toMatch(/node:|process\.|Date\.now|new Date|parseFloat|toFixed|Math\.round/u);
  });
});
