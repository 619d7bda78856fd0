/**
 * Adds a question to an entry's sample questions (a problem's situations) the way staff
 * would by hand: the entry's YAML file is edited through the `yaml` Document API, keeping
 * every comment and the layout (yaml-question.ts), and the whole knowledge folder is checked
 * with the change, on a copy, both in the knowledge worker thread so residents are answered
 * meanwhile, BEFORE the real file is replaced (atomically); then the knowledge is reloaded,
 * once (the watcher's reload of the same save finds nothing new). A change that would not
 * pass is refused with the reasons, in Chinese, and nothing changes. Additions run one at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BotError, ErrorCodes } from '../../errors.js';
import { formatProblem, type KnowledgeBase } from '../../answer/knowledge/knowledge-base.js';
import type { Masker } from '../../answer/privacy/mask.js';
import type { ReloadOutcome } from '../reload/knowledge-reloader.js';
import type { QuestionPlan, QuestionRequest } from '../reload/knowledge-worker-client.js';

export { withQuestion } from '../../answer/knowledge/yaml-question.js';

/** Longest sample question accepted, in characters. */
export const MAX_QUESTION_CHARS = 200;

export type AddQuestionOutcome =
  | { ok: true; entryId: string; question: string; file: string; reload: ReloadOutcome }
  | { ok: false; reasons: string[] };

export interface KnowledgeEditorOptions {
  knowledgeDir: string;
  /** The knowledge in service (to find the entry and its file). */
  knowledge(): KnowledgeBase;
  /** Reloads after a change; the reason is logged. */
  reload(reason: string): Promise<ReloadOutcome>;
  /** Masks personal data in the question: the engine in use's masker. */
  mask: Masker;
  /** The file with the question added and the check of the folder with it (App.planSampleQuestion: off the event loop). */
  plan(request: QuestionRequest): Promise<QuestionPlan>;
}

export interface KnowledgeEditor {
  /**
   * Adds `question` to the entry's sample questions.
   * @throws BotError QLB_STAFF_EDIT_FAILED when a file cannot be read or written (nothing changed).
   */
  addSampleQuestion(entryId: string, question: string): Promise<AddQuestionOutcome>;
}

/** The key checkKnowledge compares sample questions by: no spacing, punctuation or case. */
const questionKey = (question: string) => question.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();

/** The question as it goes into the file: one line, tidy, personal data masked by `mask`. */
export function tidyQuestion(question: string, mask: Masker): string {
  return mask(question.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim());
}

const refuse = (...reasons: string[]): AddQuestionOutcome => ({ ok: false, reasons });

/** Creates the editor of one knowledge folder. */
export function createKnowledgeEditor(options: KnowledgeEditorOptions): KnowledgeEditor {
  const dir = path.resolve(options.knowledgeDir);
  let tail: Promise<unknown> = Promise.resolve();

  const failed = (file: string, error: unknown) =>
    new BotError(ErrorCodes.STAFF_EDIT_FAILED, `无法读写知识库文件 ${file}:${(error as Error).message};文件没有改动`, [], { cause: error });

  async function add(entryId: string, asked: string): Promise<AddQuestionOutcome> {
    const question = tidyQuestion(asked, options.mask);
    if (question === '') return refuse('问题是空的');
    if ([...question].length > MAX_QUESTION_CHARS) return refuse(`问题太长(${[...question].length} 字),示例问题最多 ${MAX_QUESTION_CHARS} 字`);
    const knowledge = options.knowledge();
    const entry = knowledge.byId.get(entryId);
    if (!entry) return refuse(`知识库里没有条目 ${entryId}`);
    const twin = knowledge.entries.find((other) => other.questions.some((q) => questionKey(q) === questionKey(question)));
    if (twin) return refuse(`“${question}”已经是 ${twin.id}(${twin.title})的示例问题`);

    const file = path.join(dir, entry.file);
    let plan: QuestionPlan;
    try {
      plan = await options.plan({ file: entry.file, entryId, field: entry.problem ? 'situations' : 'questions', question });
    } catch (error) {
      throw failed(entry.file, error);
    }
    if ('reason' in plan) return refuse(plan.reason);
    const { before, after } = plan;
    const problems = plan.problems.map(formatProblem);
    if (problems.length > 0) return refuse(`改动后知识库检查不通过(${problems.length} 处),文件没有改动:`, ...problems);

    try {
      if (fs.readFileSync(file, 'utf8') !== before) return refuse(`${entry.file} 刚被别人改动过,请刷新页面后再试`);
      const temporary = `${file}.staff.tmp~`;
      fs.writeFileSync(temporary, after, { mode: fs.statSync(file).mode });
      fs.renameSync(temporary, file);
    } catch (error) {
      throw failed(entry.file, error);
    }
    return { ok: true, entryId, question, file: entry.file, reload: await options.reload('staff') };
  }

  return {
    addSampleQuestion(entryId, question) {
      const next = tail.then(() => add(entryId, question));
      tail = next.catch(() => undefined);
      return next;
    },
  };
}
