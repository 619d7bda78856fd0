/**
 * The fact check: every text a user can see, with the sources it stands on, is checked for
 * figures, phone numbers, addresses, hours, names and promises its sources do not give, for
 * law citations not on file, and for statistics read as current or as the odds of one case.
 * Runs in `checkKnowledge`, hence at start-up, on live reload, in `check` and in CI.
 */
import { excerpt, FACT_RULES, type FactRule } from './fact-rules.js';
import { findPatterns } from './fact-patterns.js';
import type { KnowledgeProblem } from './knowledge-base.js';
import { lawNamedBefore, normalArticle } from './law-texts.js';
import { findFigures, normalizeNumerals, sameNumber, toHalfWidth, type NumberMention } from './numbers.js';
import { checkCiteContent } from './cite-content.js';
import { unboundFigure } from './figure-binding.js';
import { checkHonesty } from './honesty-check.js';
import { checkPlaces } from './place-check.js';
import { FIGURE_WORDS } from './report-stats.js';
import type { FactContext, FactOwner } from './fact-types.js';
import { checkSources } from './source-check.js';

export type { AcceptedFact, FactContext, FactOwner, FactText } from './fact-types.js';
export { createFactContext, withAcceptedFacts, type HonestyInput } from './fact-context.js';

const CITED_ARTICLE =
  /(《([^》]+)》(?:[(（][^)）]*[)）])?)?(第[一二三四五六七八九十百千零\d]+条)(?:第[一二三四五六七八九十]+款)?(?:第[一二三四五六七八九十]+项)?/gu;
/** 报告指出:“…”: words put in the report's mouth must be its own. */
const REPORT_SAYS = /报告(?:里|中|上)?(?:写道|写到|写着|指出|提到|说|称|提出)\s*[:：,，]?\s*[“"「『]([^”"」』]{2,})[”"」』]/gu;
const ODDS_QUESTION = /能(?:不能)?赢|会不会赢|赢面|胜算|胜诉率|靠不靠谱|靠谱吗|成功的多不多|能不能成功|会不会(?:纠正|改正)|有没有用/u;
const DISCLAIMER = /(?:不代表|不等于|不能(?:代表|说明|预测)|说明不了)[^。!！]{0,24}(?:一件|个案|具体|您的|你的|每一)/u;

/** Problems of every owner's sources and texts. */
export function checkFacts(owners: readonly FactOwner[], context: FactContext): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const owner of owners) {
    problems.push(...checkSources(owner, context));
    const allowed = allowedNumbers(owner, context);
    const extra = extraNumbers(owner, context);
    const oddsAsked = owner.questions?.some((question) => ODDS_QUESTION.test(question)) ?? false;
    for (const { field, text } of owner.texts) {
      const report = (rule: FactRule, offending: string, detail: string) =>
        problems.push({
          file: owner.file,
          field: owner.id ? `id=${owner.id}.${field}` : field,
          message: `「${offending}」${detail}——规则:${FACT_RULES[rule]}`,
          ...(owner.id ? { entry: owner.id } : {}),
          text: offending,
          rule,
        });
      // Placeholders ({max}) are filled by the bot, not facts; blanked so offsets stay valid.
      const shown = text.replace(/\{\w+\}/g, (m) => ' '.repeat(m.length));
      const figures = findFigures(shown);
      checkText(shown, figures, owner, [...allowed, ...extra], context, report, extra);
      if (figures.length > 0 || FIGURE_WORDS.some((word) => shown.includes(word))) {
        checkStatistics(shown, figures, owner, context, oddsAsked, report);
      }
    }
  }
  return problems;
}

type Report = (rule: FactRule, offending: string, detail: string) => void;

/** Numbers an owner's texts may give from its own quotes (and accepted facts). */
function allowedNumbers(owner: FactOwner, context: FactContext): NumberMention[] {
  const allowed: NumberMention[] = [];
  for (const source of owner.sources) if (source.quote) allowed.push(...context.numbersOf(source.quote));
  return allowed;
}

/** Numbers an owner's texts may give besides its quotes: its report's title and year, its laws' versions, accepted facts. */
function extraNumbers(owner: FactOwner, context: FactContext): NumberMention[] {
  const allowed: NumberMention[] = [];
  for (const fact of context.honesty?.accepted ?? []) allowed.push(...context.numbersOf(fact.text));
  for (const source of owner.sources) {
    if (source.kind === 'report') {
      const report = context.reports.find((doc) => source.quote && doc.text.includes(source.quote));
      if (report) allowed.push(...context.numbersOf(`${report.title}${report.year}年`));
    }
    if (source.kind === 'law') {
      const law = context.laws.find(/《([^》]+)》/u.exec(source.ref)?.[1] ?? '');
      if (law) allowed.push(...context.numbersOf(`${law.version.slice(0, 4)}年`));
    }
  }
  return allowed;
}

function checkText(
  text: string,
  figures: NumberMention[],
  owner: FactOwner,
  allowed: NumberMention[],
  context: FactContext,
  report: Report,
  extra: NumberMention[],
): void {
  const handled: Array<[number, number]> = [];
  // Accepted facts (the register of local facts) give phones, addresses, hours and names as a quote would.
  const accepted = (context.honesty?.accepted ?? []).map((fact) => fact.text);
  const quotes = toHalfWidth([...owner.sources.map((source) => source.quote ?? ''), ...accepted].map((quote) => quote.replace(/\s+/g, '')).join('\n'));
  const { hotlineNumbers: hotlines } = context;
  for (const match of findPatterns(text)) {
    handled.push([match.start, match.end]);
    const core = match.core.replace(/\s+/g, '');
    if (match.rule === 'phone' && match.core.split(/[^\d]+/).every((part) => !part || hotlines.has(part))) continue;
    if (quotes.includes(core)) continue;
    const found = text.slice(match.start, match.end);
    report(match.rule, found, `来源里没有(${excerpt(text, match.start, match.end)})`);
  }
  for (const match of text.matchAll(CITED_ARTICLE)) {
    const [whole, cited, name, article = ''] = match;
    handled.push([match.index, match.index + whole.length]);
    const law = name ? context.laws.find(name) : lawNamedBefore(text, match.index, context.laws);
    if (cited && !law) {
      report('law-not-on-file', whole, `sources/laws/ 里没有《${name}》`);
    } else if (law) {
      if (!law.articles.has(normalArticle(article))) report('law-article-missing', whole, `${law.file} 里没有${article}`);
      else checkCiteContent(text, match.index, whole, law.law, normalArticle(article), owner, context, report);
    } else if (!citedArticles(owner, context).has(normalArticle(article))) {
      report('article-uncited', whole, `本条来源没有引用这一条(${excerpt(text, match.index, match.index + whole.length)})`);
    }
  }
  for (const figure of figures) {
    if (handled.some(([start, end]) => figure.start >= start && figure.end <= end)) continue;
    if (figure.digits && hotlines.has(figure.digits)) continue;
    if (!allowed.some((source) => sameNumber(figure, source))) {
      report('number-unsourced', figure.raw, `不在本条的来源引文里(${excerpt(text, figure.start, figure.end)})`);
      continue;
    }
    if (extra.some((source) => sameNumber(figure, source))) continue;
    const unbound = unboundFigure(text, figure, owner.sources, context);
    if (unbound) report('figure-sentence', figure.raw, `${unbound}(${excerpt(text, figure.start, figure.end)})`);
  }
  for (const match of text.matchAll(REPORT_SAYS)) {
    const said = (match[1] ?? '').replace(/\s+/g, '');
    if (!context.reports.some((doc) => doc.text.replace(/\s+/g, '').includes(said))) {
      report('report-quote-invented', match[1] ?? '', `报告原文里没有这句话(${excerpt(text, match.index, match.index + match[0].length)})`);
    }
  }
  const honesty = context.honesty;
  if (!honesty) return;
  const spanReport = (rule: FactRule, start: number, end: number, detail: string) =>
    report(rule, text.slice(start, end), `${detail}(${excerpt(text, start, end)})`);
  checkHonesty(text, owner, honesty, handled, spanReport);
  checkPlaces(text, owner, honesty, spanReport);
}

/** Articles of the laws an owner cites that are on file. */
function citedArticles(owner: FactOwner, context: FactContext): Set<string> {
  const articles = new Set<string>();
  for (const source of owner.sources) {
    if (source.kind !== 'law') continue;
    const law = context.laws.find(/《([^》]+)》/u.exec(source.ref)?.[1] ?? '');
    for (const article of law?.articles.keys() ?? []) articles.add(article);
  }
  return articles;
}

/** A report figure in a text carries its year; asked for the odds, a district rate says it predicts no single case. */
function checkStatistics(
  text: string,
  said: NumberMention[],
  owner: FactOwner,
  context: FactContext,
  oddsAsked: boolean,
  report: Report,
): void {
  for (const source of owner.sources) {
    if (source.kind !== 'report' || !source.quote) continue;
    const statistic = context.statistics.of(source.quote);
    if (!statistic) continue;
    const given: Array<{ raw: string; start: number; rate: boolean }> = said
      .filter((n) => statistic.figures.some((figure) => sameNumber(n, figure)))
      .map((n) => ({ raw: n.raw, start: n.start, rate: n.unit === 'pct' }));
    for (const word of statistic.words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) given.push({ raw: word, start: at, rate: true });
    }
    const undated = given.find((figure) => !dated(text, figure.start, statistic.phrase));
    if (undated) {
      report('statistic-year', undated.raw, `是报告的统计数字,报告说的是“${statistic.phrase}”,要在同一句或这一段前面写明(${excerpt(text, undated.start, undated.start + undated.raw.length)})`);
    }
    const rate = given.find((figure) => figure.rate && /\d/.test(figure.raw));
    if (oddsAsked && rate && !DISCLAIMER.test(text)) {
      report('odds-disclaimer', rate.raw, '是全区统计数字,本条的示例问题在问“能不能赢/靠不靠谱”,要写明它不代表某一件事的结果');
    }
  }
}

/** Whether `phrase` stands earlier in the figure's line, or in the figure's own sentence. */
function dated(text: string, at: number, phrase: string): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const rest = text.slice(at).search(/[。!！?？;；\n]/u);
  return normalizeNumerals(text.slice(lineStart, rest < 0 ? text.length : at + rest)).includes(normalizeNumerals(phrase));
}
