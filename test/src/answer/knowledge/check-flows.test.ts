/**
 * What `check` refuses in a flow (issue 22): the four broken cases — a step no answer reaches,
 * a jump back (a loop), an outcome without its source, an outcome that states what its sources
 * do not give — and a promise; each named by file, step and field. The flows as shipped pass.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-flows-'));
fs.cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const FILE = 'flows/intake-neighbour.yaml';
const original = fs.readFileSync(path.join(dir, FILE), 'utf8');

/** The problems `check` finds with the flow file edited by `change` (the rest of the copy as shipped). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits arbitrary YAML on purpose
function problemsWith(change: (flow: any) => void): string[] {
  const flow = YAML.parse(original);
  change(flow);
  fs.writeFileSync(path.join(dir, FILE), YAML.stringify(flow));
  try {
    return checkKnowledge(dir).problems.map(formatProblem);
  } finally {
    fs.writeFileSync(path.join(dir, FILE), original);
  }
}

describe('check of the flows', () => {
  it('passes the flows as shipped', () => {
    expect(checkKnowledge(dir).problems.map(formatProblem)).toEqual([]);
  });

  it('refuses a step no answer reaches', () => {
    const problems = problemsWith((flow) => {
      flow.steps[1].when = { kind: ['no-such-choice'] };
    });
    expect(problems.join('\n')).toMatch(/flows\/intake-neighbour\.yaml.*steps\[1\].*没有选项「no-such-choice」/);
    const unreachable = problemsWith((flow) => {
      // A jump over step 2 from every choice of step 1: step 2 is never asked.
      for (const choice of flow.steps[0].choices) choice.next = flow.steps[2].id;
    });
    expect(unreachable.join('\n')).toMatch(new RegExp(`intake-neighbour\\.yaml.*问题「${YAML.parse(original).steps[1].id}」无论怎么回答都问不到`));
  });

  it('refuses a jump back (a loop)', () => {
    const problems = problemsWith((flow) => {
      flow.steps[2].choices ??= [{ id: 'x', label: '回去' }];
      flow.steps[2].choices[0].next = flow.steps[0].id;
    });
    expect(problems.join('\n')).toMatch(/intake-neighbour\.yaml.*steps\[2\].*跳回到前面的问题.*会形成循环/);
  });

  it('refuses an outcome without its source', () => {
    const problems = problemsWith((flow) => {
      flow.outcomes[0].source = [];
    });
    expect(problems.join('\n')).toMatch(/intake-neighbour\.yaml: outcomes\[0\]\(id=land-right\)\.text: .*没有来源\(source\)/);
  });

  it('refuses an outcome that states a figure, an article or a promise its sources do not give', () => {
    const figure = problemsWith((flow) => {
      flow.outcomes[0].text = flow.outcomes[0].text.replace('三十日', '九十日');
    });
    expect(figure.join('\n')).toMatch(/intake-neighbour\.yaml: .*outcomes\[0\]\(id=land-right\)\.text: 「九十」不在本条的来源引文里/);
    const promise = problemsWith((flow) => {
      flow.outcomes[0].text += '政府保证会批准。';
    });
    expect(promise.join('\n')).toMatch(/intake-neighbour\.yaml: outcomes\[0\]\(id=land-right\)\.text: 「保证」是承诺或决定/);
  });
});
