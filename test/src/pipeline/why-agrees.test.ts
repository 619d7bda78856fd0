/**
 * `why` renders the trace of the real pipeline, so for every question of the gold and dev
 * sets it names the same reply kind and entry as the bot, and the deciding step is named;
 * and the README's "How it answers" and docs/architecture.md list the steps in the order the
 * code runs them.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot.js';
import { silentLogger } from '../../../src/logger.js';
import { realEngine } from '../../doubles/harness.js';

const SETS = ['gold-set.yaml', 'dev-set.yaml', 'dev2-set.yaml', 'problems-dev-set.yaml', 'problems-dev2-set.yaml', 'problems-dev3-set.yaml'];
const questions = SETS.flatMap((file) =>
  (YAML.parse(fs.readFileSync(new URL(`../../gold/${file}`, import.meta.url), 'utf8')) as Array<{ q: string }>).map((c) => c.q),
);

let bot: Bot;
beforeAll(async () => {
  const { engine } = await realEngine();
  bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000 });
});

describe('why and the bot', () => {
  it(`agree on kind and entry for all ${questions.length} gold and dev questions`, async () => {
    const disagreements: string[] = [];
    for (const [i, q] of questions.entries()) {
      const message = { adapter: 'test', conversationId: `c${i}`, senderId: 'p', kind: 'text' as const, text: q };
      const reply = await bot.handle(message);
      const { trace } = await bot.run({ ...message, conversationId: `why${i}` }, { dryRun: true });
      const said = `${trace.decision?.kind} ${trace.decision?.entry ?? ''}`;
      if (said !== `${reply.kind} ${reply.entryId ?? ''}` || !trace.decision?.step) disagreements.push(`${q}: ${said}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('the README lists the steps in the order they run', () => {
    const readme = fs.readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## How it answers'), readme.indexOf('### Error codes'));
    const listed = [...section.matchAll(/^\d+\. \*\*([a-z-]+)\*\*/gm)].map((m) => m[1]);
    expect(listed).toEqual([...bot.steps]);
  });

  it('the architecture page draws the steps in the order they run', () => {
    const page = fs.readFileSync(new URL('../../../docs/architecture.md', import.meta.url), 'utf8');
    const drawn = [...page.matchAll(/\bs\d+\[([a-z-]+)\]/g)].map((m) => m[1]);
    expect(drawn).toEqual([...bot.steps]);
  });
});
