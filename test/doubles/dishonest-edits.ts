/**
 * Edits a staff member might make to the knowledge base that invent a fact: each is applied
 * to a scratch copy (knowledge-copy.ts) and must be refused, naming where and why.
 */
import type { KnowledgeCopy } from './knowledge-copy.js';

type EntryData = Parameters<Parameters<KnowledgeCopy['editEntries']>[1]>[0][number];

/** One invented fact and the refusal it must get. */
export interface DishonestEdit {
  name: string;
  /** Entry file (under entries/) the edit touches. */
  file: string;
  apply(copy: KnowledgeCopy): void;
  /** The refusal: rule broken, entry, field (as in `id=<entry>.<field>`) and offending text. */
  refusal: { rule: string; entry: string; field: string; text: string };
}

/** Rewrites one entry of a copy. */
function editEntry(copy: KnowledgeCopy, file: string, id: string, change: (entry: EntryData) => EntryData): void {
  copy.editEntries(file, (entries) => entries.map((entry) => (entry.id === id ? change(entry) : entry)));
}

const appendToAnswer = (file: string, id: string, sentence: string) => (copy: KnowledgeCopy) =>
  editEntry(copy, file, id, (entry) => ({ ...entry, answer: `${String(entry.answer).trim()}\n${sentence}` }));

/** The edits of issue 11's audit, each on an entry whose sources do not give the fact. */
export const DISHONEST_EDITS: DishonestEdit[] = [
  {
    name: '56 lawyers changed to 65',
    file: 'lawyers.yaml',
    apply: (copy) =>
      editEntry(copy, 'lawyers.yaml', 'lawyers.find', (entry) => ({ ...entry, answer: String(entry.answer).replace('在册律师56名', '在册律师65名') })),
    refusal: { rule: 'number-unsourced', entry: 'lawyers.find', field: 'answer', text: '65' },
  },
  {
    name: 'a notary figure given as legal-aid cases, all won',
    file: 'legal-aid.yaml',
    apply: appendToAnswer('legal-aid.yaml', 'legal-aid.figures', '法律援助案件727宗全部胜诉。'),
    refusal: { rule: 'number-unsourced', entry: 'legal-aid.figures', field: 'answer', text: '727' },
  },
  {
    name: 'a promise of winning',
    file: 'legal-aid.yaml',
    apply: appendToAnswer('legal-aid.yaml', 'legal-aid.figures', '法律援助案件727宗全部胜诉。'),
    refusal: { rule: 'promise', entry: 'legal-aid.figures', field: 'answer', text: '全部胜诉' },
  },
  {
    name: 'an address',
    file: 'legal-aid.yaml',
    apply: appendToAnswer('legal-aid.yaml', 'legal-aid.where', '区司法局位于马坝镇府前路。'),
    refusal: { rule: 'address', entry: 'legal-aid.where', field: 'answer', text: '位于马坝镇府前路' },
  },
  {
    name: 'opening hours in Chinese numerals',
    file: 'legal-aid.yaml',
    apply: appendToAnswer('legal-aid.yaml', 'legal-aid.where', '工作日上午八点半至下午五点半办公。'),
    refusal: { rule: 'hours', entry: 'legal-aid.where', field: 'answer', text: '工作日上午八点半至下午五点半办公' },
  },
  {
    name: 'a local phone number in full-width digits',
    file: 'legal-aid.yaml',
    apply: appendToAnswer('legal-aid.yaml', 'legal-aid.where', '电话０７５１－６６６６６６６。'),
    refusal: { rule: 'phone', entry: 'legal-aid.where', field: 'answer', text: '０７５１－６６６６６６６' },
  },
  {
    name: 'a contact person',
    file: 'legal-aid.yaml',
    apply: appendToAnswer('legal-aid.yaml', 'legal-aid.where', '联系人张律师。'),
    refusal: { rule: 'name', entry: 'legal-aid.where', field: 'answer', text: '张律师' },
  },
  {
    name: 'an article the law does not have on file',
    file: 'legal-aid.yaml',
    apply: (copy) =>
      editEntry(copy, 'legal-aid.yaml', 'legal-aid.where', (entry) => ({
        ...entry,
        source: (entry.source as Array<Record<string, string>>).map((source) =>
          source.kind === 'law' ? { ...source, ref: '《中华人民共和国法律援助法》第九十九条' } : source,
        ),
      })),
    refusal: { rule: 'law-article-missing', entry: 'legal-aid.where', field: 'source[1].ref', text: '《中华人民共和国法律援助法》第九十九条' },
  },
  {
    name: 'a phone number in a title',
    file: 'legal-aid.yaml',
    apply: (copy) =>
      editEntry(copy, 'legal-aid.yaml', 'legal-aid.where', (entry) => ({ ...entry, title: `${String(entry.title)} 0751-8888888` })),
    refusal: { rule: 'phone', entry: 'legal-aid.where', field: 'title', text: '0751-8888888' },
  },
];
