/**
 * Adds a question to an entry's sample questions (a problem's situations) the way staff
 * would by hand: the entry's YAML file is edited through the `yaml` Document API, keeping
 * every comment and the layout; the whole knowledge folder is copied and checked with the
 * change BEFORE the real file is replaced (atomically); then the knowledge is reloaded. A
 * change that would not pass is refused with the reasons, in Chinese, and nothing changes.
 * Additions run one at a time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML, { isMap, isSeq } from 'yaml';
import { BotError, ErrorCodes } from '../errors.js';
import { formatProblem, type KnowledgeBase } from '../knowledge/knowledge-base.js';
import { checkKnowledge } from '../knowledge/load-knowledge.js';
import { describeYamlFault } from '../knowledge/yaml-messages.js';
import type { Masker } from '../privacy/mask.js';
import type { ReloadOutcome } from '../reload/knowledge-reloader.js';

/** Longest sample question accepted, in characters. */
export const MAX_QUESTION_CHARS = 200;

/** How the files are written back: exactly as they were laid out (checked for each file). */
const LAYOUT = { lineWidth: 0, flowCollectionPadding: false } as const;

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

/** The file's text with the question added to the entry; a reason string when that cannot be done. */
export function withQuestion(text: string, entryId: string, field: 'questions' | 'situations', question: string): string | { reason: string } {
  const doc = YAML.parseDocument(text);
  if (doc.errors[0]) return { reason: `文件不是有效的 YAML:${describeYamlFault(doc.errors[0])}` };
  if (doc.toString(LAYOUT) !== text) return { reason: '这个文件的排版无法原样保留,请手工编辑后运行 check' };
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  const index = items.findIndex((item, i) => isMap(item) && doc.getIn([i, 'id']) === entryId);
  const list = index < 0 ? undefined : doc.getIn([index, field], true);
  if (!isSeq(list)) return { reason: `文件里找不到条目 ${entryId} 的 ${field} 列表` };
  list.add(doc.createNode(question));
  return doc.toString(LAYOUT);
}

/** Checks a copy of `dir` with `file` replaced by `text`; the problems found, formatted. */
function checkCopy(dir: string, file: string, text: string): string[] {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-staff-edit-'));
  try {
    fs.cpSync(dir, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, file), text);
    return checkKnowledge(copy).problems.map(formatProblem);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

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
    let before: string;
    try {
      before = fs.readFileSync(file, 'utf8');
    } catch (error) {
      throw failed(entry.file, error);
    }
    const after = withQuestion(before, entryId, entry.problem ? 'situations' : 'questions', question);
    if (typeof after !== 'string') return refuse(after.reason);
    const problems = checkCopy(dir, entry.file, after);
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
