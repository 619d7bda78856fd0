/**
 * Checks the sources of one entry (or problem card): a report quote stands verbatim in the
 * report, a law source quotes an article on file word for word, a hotline source names a
 * listed national hotline.
 */
import type { FactContext, FactOwner } from './fact-types.js';
import { FACT_RULES, type FactRule } from './fact-rules.js';
import type { KnowledgeProblem } from './knowledge-base.js';
import { compact, parseCitation } from './law-texts.js';

/** Problems of every source of `owner`, named by file, entry and field. */
export function checkSources(owner: FactOwner, context: FactContext): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const listed = new Set(context.hotlines.map((hotline) => hotline.number));
  owner.sources.forEach((source, index) => {
    const at = (part: 'ref' | 'quote', rule: FactRule, text: string, detail = '') => {
      const field = `${owner.sourcesField ?? 'source'}[${index}].${part}`;
      problems.push({
        file: owner.file,
        field: owner.id ? `id=${owner.id}.${field}` : field,
        message: `「${text}」${detail}——规则:${FACT_RULES[rule]}`,
        ...(owner.id ? { entry: owner.id } : {}),
        text,
        rule,
      });
    };
    const quote = source.quote?.trim();
    if (source.kind === 'report') {
      if (!quote) at('quote', 'report-quote-missing', source.ref, '没有摘引报告原文');
      else if (!context.reports.some((report) => report.text.includes(quote))) {
        at('quote', 'report-quote-mismatch', quote, '在来源文件里找不到这句原文');
      }
      return;
    }
    if (source.kind === 'hotline') {
      const numbers = source.ref.match(/\d+/g) ?? [];
      if (numbers.length !== 1 || !listed.has(numbers[0] as string)) {
        at('ref', 'hotline-unlisted', source.ref, '不是 hotlines.yaml 里登记的一个全国热线号码');
      }
      return;
    }
    const citation = parseCitation(source.ref);
    if (!citation) return at('ref', 'law-ref', source.ref, '不是“《法律全称》第X条”的写法');
    const law = context.laws.find(citation.name);
    if (!law) return at('ref', 'law-not-on-file', source.ref, `sources/laws/ 里没有《${citation.name}》`);
    const article = law.articles.get(citation.article);
    if (article === undefined) {
      return at('ref', 'law-article-missing', source.ref, `${law.file} 里没有${citation.article}`);
    }
    const year = citation.edition?.match(/\d{4}/)?.[0];
    if (year && !law.version.startsWith(year)) {
      at('ref', 'law-edition', source.ref, `但 ${law.file} 的版本是 ${law.version}`);
    }
    if (!quote) at('quote', 'law-quote-missing', source.ref, '没有摘引条文原文');
    else if (!article.includes(compact(quote))) {
      at('quote', 'law-quote-mismatch', quote, `与 ${law.file} 里${citation.article}的原文不一致`);
    }
  });
  return problems;
}
