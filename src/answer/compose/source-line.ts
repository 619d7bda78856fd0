/**
 * An answer's source line, short enough for a phone screen: each source once, and the
 * articles of one law together ("《中华人民共和国反家庭暴力法》第十三、二十三条").
 */
import type { SourceRef } from '../knowledge/schema.js';

const ARTICLE = /^(.*》(?:\([^)]*\))?)第(.+)条$/u;

/** The refs in the order first given; report sections prefixed with the report's title. */
export function formatSourceLine(prefix: string, sources: readonly SourceRef[], reportTitle: string): string {
  const parts: string[] = [];
  const articles = new Map<string, string[]>();
  for (const source of sources) {
    const ref = source.kind === 'report' ? `${reportTitle}${source.ref}` : source.ref;
    const article = source.kind === 'law' ? ARTICLE.exec(ref) : null;
    if (!article) {
      if (!parts.includes(ref)) parts.push(ref);
      continue;
    }
    const [, law = '', number = ''] = article;
    let numbers = articles.get(law);
    if (!numbers) {
      articles.set(law, (numbers = []));
      parts.push(law);
    }
    if (!numbers.includes(number)) numbers.push(number);
  }
  return prefix + parts.map((part) => (articles.has(part) ? `${part}第${articles.get(part)?.join('、')}条` : part)).join(';');
}
