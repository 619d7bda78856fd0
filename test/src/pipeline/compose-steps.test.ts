/**
 * The runner: a step whose `when` does not hold is passed over (it does not run, is not named
 * on the trace, and the steps around it go on as if it were not there); the trace names the
 * steps that ran, in the order of the list, which is what `why` prints.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createBot, type Bot } from '../../../src/bot.js';
import { silentLogger } from '../../../src/logger.js';
import { runSteps, step } from '../../../src/pipeline/compose-steps.js';
import { createTurn } from '../../../src/pipeline/context.js';
import { renderTrace } from '../../../src/pipeline/render-trace.js';
import type { Engine } from '../../../src/answer/engine.js';
import { realEngine } from '../../doubles/harness.js';

const turn = (tracing: boolean) =>
  createTurn({
    message: { adapter: 'test', conversationId: 'c', senderId: 'p', kind: 'text', text: 'hi' },
    key: 'test:c',
    at: 0,
    engine: {} as Engine,
    dryRun: false,
    readsState: true,
    tracing,
    log: silentLogger(),
    state: {},
  });

describe('runSteps', () => {
  it('passes over a step whose `when` does not hold, and runs one whose `when` holds', async () => {
    const ran: string[] = [];
    const ctx = turn(true);
    await runSteps(
      [
        step('outer', async (_ctx, next) => {
          ran.push('outer:before');
          await next();
          ran.push(`outer:after as ${ctx.step}`);
        }),
        step('never', () => false, async () => void ran.push('never')),
        step('always', () => true, async (_ctx, next) => {
          ran.push('always');
          await next();
        }),
        step('last', async () => void ran.push(`last as ${ctx.step}`)),
      ],
      ctx,
    );
    expect(ran).toEqual(['outer:before', 'always', 'last as last', 'outer:after as outer']);
    expect(ctx.trace.steps).toEqual(['outer', 'always', 'last']);
  });

  it('names no steps on a trace nobody reads', async () => {
    const ctx = turn(false);
    await runSteps([step('only', async () => undefined)], ctx);
    expect(ctx.trace.steps).toEqual([]);
  });
});

describe('why: the steps a message went through', () => {
  let bot: Bot;
  beforeAll(async () => {
    const { engine } = await realEngine();
    bot = createBot({ engine, logger: silentLogger(), maxMessageChars: 500, sessionIdleMs: 600_000 });
  });
  const ask = async (text: string) => (await bot.run({ adapter: 'test', conversationId: 'w', senderId: 'p', kind: 'text', text }, { dryRun: true })).trace;

  it('are the step list in its order, less those that do not apply to a staff dry run or to text', async () => {
    const trace = await ask('法律援助怎么申请');
    const skipped = ['record', 'staff', 'rate-limit', 'relay', 'input', 'empty', 'cut-note'];
    expect(trace.steps).toEqual(bot.steps.filter((name) => !skipped.includes(name)));
    expect(renderTrace(trace).split('\n').at(-1)).toMatch(new RegExp(`^经过步骤:\\s*${trace.steps.join(' → ')}$`));
  });

  it('end with the step that answered', async () => {
    const trace = await ask('你好');
    expect(trace.steps.at(-1)).toBe('greeting');
    expect(trace.decision?.step).toBe('greeting');
  });
});
