/**
 * The lint rule that keeps imports running down the floors (scripts/eslint-layers.mjs): an
 * import back up fails `npm run lint`, static, re-exported or dynamic; one down passes.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'house/layers').map((m) => m.message);
}

describe('house/layers', () => {
  it.each([
    ['src/answer/match/probe.ts', "import type { SessionStore } from '../../service/session/session-store.js';"],
    ['src/answer/dialog/probe.ts', "import { runSteps } from '../../pipeline/compose-steps.js';"],
    ['src/answer/probe.ts', "import type { Bot } from '../bot.js';"],
    ['src/answer/knowledge/probe.ts', "import { silentLogger } from '../../logger.js';"],
    ['src/service/store/probe.ts', "export { createBot } from '../../bot.js';"],
    ['src/service/reload/probe.ts', "const steps = await import('../../pipeline/step-list.js');"],
    ['src/pipeline/steps/probe.ts', "import { createApp } from '../../app.js';"],
    ['src/bot.ts', "import { telegramAdapter } from '../adapters/telegram/index.js';"],
    ['src/errors.ts', "import type { Engine } from './answer/engine.js';"],
    ['adapters/http/probe.ts', "import { staffConsole } from '../../staff-console/staff-console.js';"],
    ['staff-console/probe.ts', "import { main } from '../cli/main.js';"],
  ])('refuses %s: %s', async (file, code) => {
    expect(await problems(file, code)).toHaveLength(1);
  });

  it.each([
    ['src/answer/engine.ts', "import type { Reply } from '../types.js';\nimport { ensureDir } from '../fs/ensure-dir.js';\nimport { ErrorCodes } from '../errors.js';"],
    ['src/service/store/probe.ts', "import type { Masker } from '../../answer/privacy/mask.js';\nimport type { Logger } from '../../logger.js';"],
    ['src/pipeline/steps/probe.ts', "import type { Admitter } from '../../service/limits/rate-limiter.js';\nimport { idsOf } from '../../answer/dialog/choices.js';"],
    ['src/app.ts', "import { openDeployment } from './service/shared-state/open-deployment.js';"],
    ['staff-console/probe.ts', "import { html } from '../adapters/http/html.js';\nimport type { App } from '../src/app.js';"],
    ['cli/probe.ts', "import { staffConsole } from '../staff-console/staff-console.js';"],
  ])('lets %s import down: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
