/**
 * A sample question added to an entry's YAML file the way staff would by hand: through the
 * `yaml` Document API, so every comment and the layout stay as they were (a file whose
 * layout could not be kept is refused). Runs in the knowledge worker thread (parsing and
 * printing a file of the knowledge base takes tens of ms).
 */
import YAML, { isMap, isSeq } from 'yaml';
import { describeYamlFault } from './yaml-messages.js';

/** How the files are written back: exactly as they were laid out (checked for each file). */
const LAYOUT = { lineWidth: 0, flowCollectionPadding: false } as const;

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
