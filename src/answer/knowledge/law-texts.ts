/**
 * The law texts on file (knowledge/sources/laws/*.yaml, one file per law) and the citations
 * that point into them: 《中华人民共和国法律援助法》第三十一条.
 */
import type { KnowledgeProblem } from './knowledge-base.js';
import type { ReadBudget } from './read-budget.js';
import { readYaml } from './read-files.js';
import { LawFileSchema } from './schema.js';
import { listLawFiles } from './knowledge-files.js';

export { LAWS_DIR, listLawFiles } from './knowledge-files.js';

const PREFIX = '中华人民共和国';

/** One law on file. */
export interface LawText {
  file: string;
  /** Full official name, e.g. 中华人民共和国法律援助法. */
  law: string;
  version: string;
  /** Article text by article (第三十一条), whitespace removed for verbatim comparison. */
  articles: ReadonlyMap<string, string>;
}

/** The laws on file, found by full name or by the name without 中华人民共和国. */
export interface LawLibrary {
  find(name: string): LawText | undefined;
  /** Short names (法律援助法) and full names, longest first: to spot a law named in running text. */
  names: readonly string[];
  /** Every law on file, in file order. */
  texts: readonly LawText[];
}

/** A citation `《name》(edition)第N条`. */
export interface LawCitation {
  name: string;
  /** What the brackets say, e.g. 2023年修订. */
  edition?: string;
  article: string;
}

const CITATION = /^《([^》]+)》(?:[(（]([^)）]*)[)）])?(第[一二三四五六七八九十百千零]+条)$/u;

/** Parses a `law` source's ref; undefined when it is not one article of one law. */
export function parseCitation(ref: string): LawCitation | undefined {
  const match = CITATION.exec(ref.trim());
  if (!match) return undefined;
  const [, name = '', edition, article = ''] = match;
  return edition ? { name, edition, article } : { name, article };
}

/** Removes whitespace, so a quote may span the article's paragraphs. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Reads every law file within `budget`; problems name the file and field. No folder is an empty library. */
export function readLaws(budget: ReadBudget, dir: string, problems: KnowledgeProblem[]): LawLibrary {
  const byName = new Map<string, LawText>();
  for (const file of listLawFiles(dir)) {
    const data = readYaml(budget, file, LawFileSchema, problems);
    if (!data) continue;
    const twin = byName.get(data.law);
    if (twin) {
      problems.push({ file, field: 'law', message: `《${data.law}》已经在 ${twin.file} 里,一部法律只放一个文件`, rule: 'law-file' });
      continue;
    }
    const articles = new Map(Object.entries(data.articles).map(([article, body]) => [article, compact(body)]));
    byName.set(data.law, { file, law: data.law, version: data.version, articles });
  }
  const names = [...byName.keys()]
    .flatMap((law) => (law.startsWith(PREFIX) ? [law, law.slice(PREFIX.length)] : [law]))
    .sort((a, b) => b.length - a.length);
  return {
    find: (name) => byName.get(name) ?? byName.get(`${PREFIX}${name}`),
    names,
    texts: [...byName.values()],
  };
}

/** A law named just before a bare 第N条 in running text ("劳动争议调解仲裁法第四十八条"). */
export function lawNamedBefore(text: string, at: number, laws: LawLibrary): LawText | undefined {
  const before = text.slice(Math.max(0, at - 30), at);
  const name = laws.names.find((candidate) => before.endsWith(candidate));
  return name ? laws.find(name) : undefined;
}

/** 第48条 → 第四十八条, as the law files key their articles. */
export function normalArticle(article: string): string {
  const digits = /^第(\d+)条$/.exec(article)?.[1];
  return digits ? `第${toChinese(Number(digits))}条` : article;
}

function toChinese(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 20) return n < 10 ? (d[n] as string) : `十${n % 10 ? d[n % 10] : ''}`;
  let out = '';
  let zero = false;
  for (const [unit, size] of [['千', 1000], ['百', 100], ['十', 10], ['', 1]] as const) {
    const digit = Math.floor(n / size) % 10;
    if (digit === 0) zero = out !== '';
    else {
      out += `${zero ? '零' : ''}${d[digit]}${unit}`;
      zero = false;
    }
  }
  return out;
}
