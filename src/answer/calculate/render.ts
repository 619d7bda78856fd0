/**
 * A calculator's outcome in Chinese, for a chat reply: the figure first, then one line of how
 * it was computed, the articles, what was assumed, the cautions and what would change it.
 * A question or a refusal is its one sentence.
 */
import type { CalcOutcome, Citation } from './result.js';

/** 《劳动合同法》第八十七条: the law's short name (without 中华人民共和国) and the article. */
export function citationText(citation: Citation): string {
  return `《${citation.law.replace(/^中华人民共和国/u, '')}》${citation.article}`;
}

/** The articles, grouped by law: 《劳动合同法》第八十七条、第四十七条. */
export function citationsText(citations: readonly Citation[]): string {
  const byLaw = new Map<string, string[]>();
  for (const citation of citations) {
    const law = citation.law.replace(/^中华人民共和国/u, '');
    byLaw.set(law, [...(byLaw.get(law) ?? []), citation.article]);
  }
  return [...byLaw].map(([law, articles]) => `《${law}》${articles.join('、')}`).join('；');
}

/** How {@link renderCalculation} writes the articles. */
export interface RenderOptions {
  /**
   * The articles as the reply's last line, after this prefix ("计算依据:"), as a chat answer
   * ends with its source line; without it they follow the working ("依据：…").
   */
  sourcePrefix?: string;
}

/** The outcome as the text of a reply. */
export function renderCalculation(outcome: CalcOutcome, options: RenderOptions = {}): string {
  if (outcome.kind === 'ask') return outcome.question;
  if (outcome.kind === 'refuse') return outcome.message;
  const articles = citationsText(outcome.articles);
  const lines = [`${outcome.title}`, `${outcome.figure.label}：${outcome.figure.text}`, `怎么算的：${outcome.how}`];
  if (options.sourcePrefix === undefined) lines.push(`依据：${articles}`);
  if (outcome.assumptions.length) lines.push(`按以下理解计算：${outcome.assumptions.join('；')}。`);
  for (const note of outcome.notes) lines.push(`注意：${note}`);
  if (outcome.changes.length) lines.push('什么情况下结果会不同：', ...outcome.changes.map((change) => `· ${change}`));
  lines.push('以上是按您提供的信息计算的参考结果，具体以仲裁机构、法院或主管部门的认定为准。');
  if (options.sourcePrefix !== undefined) lines.push(`${options.sourcePrefix}${articles}`);
  return lines.join('\n');
}
