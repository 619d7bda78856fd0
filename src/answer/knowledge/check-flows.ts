/**
 * What `check` (and every load) refuses in a flow, beyond its shape: an id used twice, a
 * condition on a step that comes later or a choice that does not exist, a jump back (a loop),
 * a step or an outcome no answers can reach, answers that reach no outcome, an outcome or a
 * line of the ending without its source or stating what its sources do not give (a figure,
 * an article, a number not in them; a promise such as 批准), and an intake's required fields
 * that can be skipped. Every problem names the file, the step and the field, in Chinese.
 */
import { checkFacts } from './fact-check.js';
import type { FactContext, FactOwner } from './fact-types.js';
import type { Flow, FlowWhen } from './flow-schema.js';
import type { KnowledgeProblem } from './knowledge-base.js';
import { normalArticle, parseCitation } from './law-texts.js';
import { holds, nextIndex } from '../flows/walk.js';

/** Words an outcome must never say: the decision is the legal-aid office's, never the bot's. */
const PROMISE = /批准|保证|肯定能|一定能|一定会|包赢|必然/u;
const ARTICLE = /第[一二三四五六七八九十百千零\d]+条/gu;
/** Paths explored at most per flow; a flow that needs more is too branched to check (and to answer). */
const MAX_PATHS = 20_000;

/** Problems of every flow; `deadlineRules` are the rule ids of calculate/deadlines.yaml. */
export function checkFlows(flows: readonly Flow[], facts: FactContext, deadlineRules?: ReadonlySet<string>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const seen = new Map<string, string>();
  const starts = new Map<string, string>();
  for (const flow of flows) {
    const add = (field: string, message: string, extra: Partial<KnowledgeProblem> = {}) =>
      problems.push({ file: flow.file, field, message, entry: flow.id, ...extra });
    if (seen.has(flow.id)) add('id', `流程 id「${flow.id}」和 ${seen.get(flow.id)} 重复`);
    seen.set(flow.id, flow.file);
    for (const phrase of flow.starts) {
      const other = starts.get(phrase);
      if (other && other !== flow.id) add('starts', `开始语「${phrase}」已经用在流程 ${other} 里,一句话只能开始一个流程`);
      starts.set(phrase, flow.id);
    }
    shapeProblems(flow, add, deadlineRules);
    reachProblems(flow, add);
    problems.push(...sourceProblems(flow, facts));
  }
  return problems;
}

type Add = (field: string, message: string, extra?: Partial<KnowledgeProblem>) => void;

const stepField = (flow: Flow, index: number, part?: string) => `steps[${index}](id=${flow.steps[index]?.id})${part ? `.${part}` : ''}`;

/** Ids, conditions, jumps and required fields. */
function shapeProblems(flow: Flow, add: Add, deadlineRules?: ReadonlySet<string>): void {
  const position = new Map<string, number>();
  flow.steps.forEach((step, index) => {
    if (position.has(step.id)) add(stepField(flow, index, 'id'), `问题 id「${step.id}」重复`);
    position.set(step.id, index);
    const choiceIds = new Set<string>();
    for (const choice of step.choices ?? []) {
      if (choiceIds.has(choice.id)) add(stepField(flow, index, 'choices'), `选项 id「${choice.id}」重复`);
      choiceIds.add(choice.id);
    }
  });
  const checkWhen = (when: FlowWhen, field: string, before: number) => {
    for (const [stepId, ids] of Object.entries(when ?? {})) {
      const at = position.get(stepId);
      if (at === undefined) {
        add(field, `条件用到的问题「${stepId}」不存在`);
        continue;
      }
      if (at >= before) add(field, `条件用到的问题「${stepId}」在这一步之后(或就是这一步),这一步永远问不到`);
      const step = flow.steps[at];
      const known = step?.choices ? step.choices.map((c) => c.id) : ['given', 'skipped'];
      for (const id of ids) if (!known.includes(id)) add(field, `问题「${stepId}」没有选项「${id}」(可选:${known.join('、')})`);
    }
  };
  flow.steps.forEach((step, index) => {
    checkWhen(step.when, stepField(flow, index, 'when'), index);
    const jumps = [...(step.next ? [{ to: step.next, field: 'next' }] : []), ...(step.choices ?? []).flatMap((c, i) => (c.next ? [{ to: c.next, field: `choices[${i}](id=${c.id}).next` }] : []))];
    for (const { to, field } of jumps) {
      const target = position.get(to);
      if (target === undefined) add(stepField(flow, index, field), `跳到的问题「${to}」不存在`);
      else if (target <= index) add(stepField(flow, index, field), `跳回到前面的问题「${to}」,会形成循环(只能往后跳)`);
    }
  });
  const end = flow.steps.length;
  flow.outcomes.forEach((outcome, i) => checkWhen(outcome.when, `outcomes[${i}](id=${outcome.id}).when`, end));
  for (const [list, name] of [[flow.checklist, 'checklist'], [flow.nextSteps, 'nextSteps'], [flow.deadlines, 'deadlines'], [flow.summary, 'summary']] as const) {
    list.forEach((line: { when?: FlowWhen }, i: number) => checkWhen(line.when, `${name}[${i}].when`, end));
  }
  for (const id of flow.required) {
    const at = position.get(id);
    if (at === undefined) add('required', `必填项「${id}」不是这个流程的问题`);
    else if (flow.steps[at]?.skip) add(stepField(flow, at, 'skip'), `「${id}」是必填项(required),不能允许跳过`);
  }
  if (flow.kind === 'intake' && flow.required.length === 0) add('required', '引导问答(intake)要列出摘要必需的问题(required)');
  if (flow.kind === 'intake' && flow.summary.length === 0) add('summary', '引导问答(intake)要有案情摘要(summary)');
  flow.summary.forEach((line, i) => {
    for (const [, id] of line.text.matchAll(/\{([a-z0-9-]+)\}/g)) if (!position.has(id as string)) add(`summary[${i}].text`, `摘要里的「{${id}}」不是这个流程的问题`);
  });
  flow.deadlines.forEach((deadline, i) => {
    if (!deadline.rule || !deadline.from) return;
    if (deadlineRules && !deadlineRules.has(deadline.rule)) add(`deadlines[${i}].rule`, `calculate/deadlines.yaml 里没有期限规则「${deadline.rule}」`);
    const from = position.get(deadline.from);
    if (from === undefined || flow.steps[from]?.input !== 'date') add(`deadlines[${i}].from`, `「${deadline.from}」不是这个流程里问日期的问题(input: date)`);
  });
}

/** Walks every combination of answers (as the conditions see them): steps and outcomes never reached, answers reaching no outcome. */
function reachProblems(flow: Flow, add: Add): void {
  const reached = new Set<string>();
  const outcomes = new Set<string>();
  let dead: Record<string, string> | undefined;
  let paths = 0;
  const explore = (index: number, answers: Record<string, string>): void => {
    if (paths > MAX_PATHS) return;
    if (index >= flow.steps.length) {
      paths += 1;
      const outcome = flow.outcomes.find((o) => holds(o.when, answers));
      if (outcome) outcomes.add(outcome.id);
      else dead ??= { ...answers };
      return;
    }
    const step = flow.steps[index];
    if (!step || !holds(step.when, answers)) return explore(index + 1, answers);
    reached.add(step.id);
    const options = step.choices ? step.choices.map((c) => c.id) : step.skip ? ['given', 'skipped'] : ['given'];
    for (const option of options) explore(nextIndex(flow, index, option), { ...answers, [step.id]: option });
  };
  explore(0, {});
  if (paths > MAX_PATHS) return add('steps', `回答的组合超过 ${MAX_PATHS} 种,流程太复杂,请拆成几个流程`);
  flow.steps.forEach((step, index) => {
    if (!reached.has(step.id)) add(stepField(flow, index), `问题「${step.id}」无论怎么回答都问不到(检查它的 when 条件和前面的跳转)`);
  });
  flow.outcomes.forEach((outcome, i) => {
    if (!outcomes.has(outcome.id)) add(`outcomes[${i}](id=${outcome.id})`, `结果「${outcome.id}」无论怎么回答都得不到(前面的结果已经接住了,或条件不可能成立)`);
  });
  if (dead) {
    const said = Object.entries(dead).map(([step, answer]) => `${step}=${answer}`).join(',');
    add('outcomes', `有的回答走完后没有任何结果(例如 ${said}):最后一个结果请不写 when`);
  }
}

/** Every outcome and line of the ending: sourced, stating nothing its sources do not give, promising nothing. */
function sourceProblems(flow: Flow, facts: FactContext): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const owners: FactOwner[] = [];
  const own = (base: string, text: string, source: FactOwner['sources'], needsSource: boolean) => {
    const field = `${base}.text`;
    if (needsSource && source.length === 0) problems.push({ file: flow.file, field, message: `「${clip(text)}」没有来源(source):结果和清单的每一条都要写明依据`, entry: flow.id, rule: 'flow-unsourced' });
    const cited = new Set(source.flatMap((s) => (s.kind === 'law' ? [parseCitation(s.ref)?.article].filter(Boolean) : [])) as string[]);
    for (const [article] of text.matchAll(ARTICLE)) {
      if (!cited.has(normalArticle(article))) problems.push({ file: flow.file, field, message: `「${article}」不在这一条的来源里:结果只能说来源给出的条文`, entry: flow.id, text: article, rule: 'flow-article-unsourced' });
    }
    const promise = PROMISE.exec(text);
    if (promise) problems.push({ file: flow.file, field, message: `「${promise[0]}」是承诺或决定:是否给予法律援助等由有关机构决定,只能说“很可能符合/可能符合/可能不符合”`, entry: flow.id, text: promise[0], rule: 'flow-promise' });
    owners.push({ file: flow.file, id: flow.id, texts: [{ field, text }], sources: source, sourcesField: `${base}.source` });
  };
  flow.outcomes.forEach((o, i) => own(`outcomes[${i}](id=${o.id})`, o.text, o.source, true));
  flow.checklist.forEach((line, i) => own(`checklist[${i}]`, line.text, line.source, true));
  flow.nextSteps.forEach((line, i) => own(`nextSteps[${i}]`, line.text, line.source, true));
  flow.deadlines.forEach((d, i) => {
    if (d.text) own(`deadlines[${i}]`, d.text, d.source, !d.rule);
  });
  // Questions, the intro and the summary's wording state no facts of their own; the fact check still reads them (a phone number, a figure).
  owners.push({
    file: flow.file,
    id: flow.id,
    texts: [
      { field: 'intro', text: flow.intro },
      ...flow.steps.flatMap((step, i) => [{ field: stepField(flow, i, 'ask'), text: step.ask }, ...(step.hint ? [{ field: stepField(flow, i, 'hint'), text: step.hint }] : [])]),
    ],
    sources: [],
  });
  problems.push(...checkFacts(owners, facts));
  return problems;
}

function clip(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}
