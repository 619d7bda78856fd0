/**
 * Every article the calculators cite — in knowledge/calculate/*.yaml (the rules' articles, the
 * counting rules, the inline cites of what would change a result) and in the calculators' own
 * sentences (src/answer/calculate/*.ts) — is on file in knowledge/sources/laws/, verbatim from
 * the national database mirror, and says what the calculator takes from it (its key terms
 * below). A period or fee of the data files stands, as a number, in an article the rule cites.
 * A new citation fails here until its text is on file and its key terms are written down.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Citation } from '../../../../src/answer/calculate/result.js';
import { readLaws, type LawLibrary } from '../../../../src/answer/knowledge/law-texts.js';
import { findNumbers } from '../../../../src/answer/knowledge/numbers.js';
import { createReadBudget } from '../../../../src/answer/knowledge/read-budget.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';
import { realKnowledge } from './real-knowledge.js';

const laws: LawLibrary = readLaws(createReadBudget(KNOWLEDGE_DIR), KNOWLEDGE_DIR, []);
const calc = realKnowledge();

/** What each cited article must say for the calculator to rely on it (verbatim phrases of the article). */
const KEY_TERMS: Record<string, string[]> = {
  '中华人民共和国民法典|第一百八十八条': ['诉讼时效期间为三年', '知道或者应当知道权利受到损害以及义务人之日起计算', '超过二十年'],
  '中华人民共和国民法典|第一百九十二条': ['义务人同意履行的，不得以诉讼时效期间届满为由抗辩'],
  '中华人民共和国民法典|第一百九十三条': ['不得主动适用诉讼时效'],
  '中华人民共和国民法典|第一百九十五条': ['诉讼时效中断', '重新计算', '权利人向义务人提出履行请求', '义务人同意履行义务', '提起诉讼或者申请仲裁'],
  '中华人民共和国民法典|第二百零一条': ['开始的当日不计入，自下一日开始计算'],
  '中华人民共和国民法典|第二百零二条': ['到期月的对应日为期间的最后一日', '没有对应日的，月末日为期间的最后一日'],
  '中华人民共和国民法典|第二百零三条': ['以法定休假日结束的次日为期间的最后一日'],
  '中华人民共和国民事诉讼法|第八十五条': ['期间开始的时和日，不计算在期间内', '以法定休假日后的第一日为期间届满的日期', '在期满前交邮的，不算过期'],
  '中华人民共和国民事诉讼法|第八十六条': ['在障碍消除后的十日内，可以申请顺延期限', '由人民法院决定'],
  '中华人民共和国民事诉讼法|第一百七十一条': ['判决书送达之日起十五日内', '裁定书送达之日起十日内', '上诉'],
  '中华人民共和国刑事诉讼法|第一百零五条': ['期间开始的时和日不算在期间以内', '以节假日后的第一日为期满日期', '期满前已经交邮的，不算过期'],
  '中华人民共和国刑事诉讼法|第一百零六条': ['在障碍消除后五日以内', '由人民法院裁定'],
  '中华人民共和国刑事诉讼法|第二百三十条': ['不服判决的上诉和抗诉的期限为十日', '不服裁定的上诉和抗诉的期限为五日', '第二日起算'],
  '中华人民共和国行政复议法|第二十条': ['六十日内提出行政复议申请', '障碍消除之日起继续计算', '最长不得超过一年', '申请期限超过六十日的除外'],
  '中华人民共和国行政复议法|第八十八条': ['依照《中华人民共和国民事诉讼法》关于期间、送达的规定执行', '是指工作日'],
  '中华人民共和国行政诉讼法|第四十五条': ['收到复议决定书之日起十五日内', '复议期满之日起十五日内'],
  '中华人民共和国行政诉讼法|第四十六条': ['六个月内提出', '超过二十年', '超过五年'],
  '中华人民共和国行政诉讼法|第四十八条': ['被耽误的时间不计算在起诉期限内', '在障碍消除后十日内，可以申请延长期限', '由人民法院决定'],
  '中华人民共和国行政诉讼法|第一百零一条': ['关于期间', '适用《中华人民共和国民事诉讼法》的相关规定'],
  '中华人民共和国劳动争议调解仲裁法|第二十七条': ['仲裁的时效期间为一年', '仲裁时效期间重新计算', '仲裁时效中止', '自劳动关系终止之日起一年内提出'],
  '中华人民共和国劳动争议调解仲裁法|第四十七条': ['终局裁决'],
  '中华人民共和国劳动争议调解仲裁法|第四十八条': ['收到仲裁裁决书之日起十五日内向人民法院提起诉讼'],
  '中华人民共和国劳动争议调解仲裁法|第四十九条': ['收到仲裁裁决书之日起三十日内', '中级人民法院申请撤销裁决'],
  '中华人民共和国劳动争议调解仲裁法|第五十条': ['收到仲裁裁决书之日起十五日内向人民法院提起诉讼', '期满不起诉的，裁决书发生法律效力'],
  '中华人民共和国劳动争议调解仲裁法|第五十一条': ['逾期不履行的', '向人民法院申请执行'],
  '中华人民共和国劳动争议调解仲裁法|第五十三条': ['劳动争议仲裁不收费'],
  '工伤保险条例|第十七条': ['30日内', '1年内', '可以适当延长', '由该用人单位负担'],
  '道路交通事故处理程序规定|第七十一条': ['送达之日起三日内提出书面复核申请'],
  '道路交通事故处理程序规定|第一百一十二条': ['“三日”', '是指工作日，不包括节假日'],
  '中华人民共和国劳动合同法|第四十六条': ['应当向劳动者支付经济补偿'],
  '中华人民共和国劳动合同法|第四十七条': ['每满一年支付一个月工资', '六个月以上不满一年的，按一年计算', '不满六个月的，向劳动者支付半个月工资', '三倍', '最高不超过十二年'],
  '中华人民共和国劳动合同法|第四十八条': ['劳动者要求继续履行劳动合同的，用人单位应当继续履行'],
  '中华人民共和国劳动合同法|第八十二条': ['超过一个月不满一年未与劳动者订立书面劳动合同', '每月支付二倍的工资'],
  '中华人民共和国劳动合同法|第八十七条': ['经济补偿标准的二倍向劳动者支付赔偿金'],
  '中华人民共和国劳动合同法|第九十七条': ['经济补偿年限自本法施行之日起计算', '按照当时有关规定执行'],
  '中华人民共和国劳动合同法实施条例|第七条': ['满一年未与劳动者订立书面劳动合同', '视为自用工之日起满一年的当日已经与劳动者订立无固定期限劳动合同'],
  '中华人民共和国劳动合同法实施条例|第二十五条': ['不再支付经济补偿', '赔偿金的计算年限自用工之日起计算'],
  '中华人民共和国劳动合同法实施条例|第二十七条': ['前12个月的平均工资', '奖金、津贴和补贴', '按照当地最低工资标准计算', '按照实际工作的月数计算平均工资'],
  '诉讼费用交纳办法|第十三条': ['分段累计交纳', '劳动争议案件每件交纳10元', '离婚案件每件交纳50元至300元', '财产总额不超过20万元的，不另行交纳'],
  '诉讼费用交纳办法|第十五条': ['以调解方式结案或者当事人申请撤诉的，减半交纳案件受理费'],
  '诉讼费用交纳办法|第十六条': ['适用简易程序审理的案件减半交纳案件受理费'],
  '诉讼费用交纳办法|第二十九条': ['诉讼费用由败诉方负担'],
  '诉讼费用交纳办法|第四十四条': ['申请缓交、减交或者免交诉讼费用'],
};

/** A cite found, where it was found (for the failure message). */
interface Found extends Citation {
  where: string;
}

/** 第二十七条第四款 → 第二十七条: the file keys whole articles. */
const articleOf = (article: string) => /^第[一二三四五六七八九十百千零]+条/u.exec(article)?.[0] ?? article;
const fullName = (name: string) => laws.find(name)?.law ?? name;

/**
 * The cites inside the brackets of `text`: `（劳动合同法实施条例第七条）`, `（第四十七条、第四十六条）`.
 * A bare 第X条 is of the law named last in the same brackets, else of `defaultLaw`; `aliases`
 * names the short forms a file uses (实施条例).
 */
function inlineCites(text: string, defaultLaw: string, where: string, aliases: Record<string, string> = {}): Found[] {
  const found: Found[] = [];
  for (const [, inside = ''] of text.matchAll(/[（(]([^（）()]*第[一二三四五六七八九十百千零]+条[^（）()]*)[）)]/gu)) {
    let law = defaultLaw;
    for (const match of inside.matchAll(/(\p{Script=Han}*?)(第[一二三四五六七八九十百千零]+条)/gu)) {
      const before = match[1] ?? '';
      // The longest ending of the words before that is a law on file (or an alias) names the law.
      for (let start = 0; start < before.length; start += 1) {
        const name = before.slice(start);
        const known = aliases[name] ?? laws.find(name)?.law;
        if (known) {
          law = known;
          break;
        }
      }
      found.push({ law, article: match[2] as string, where });
    }
  }
  return found;
}

function dataCites(): Found[] {
  const found: Found[] = [];
  const add = (list: readonly Citation[], where: string) => list.forEach((citation) => found.push({ ...citation, where }));
  for (const [name, counting] of Object.entries(calc.deadlines.counting)) add(counting.articles, `deadlines.yaml counting.${name}`);
  for (const rule of calc.deadlines.rules) {
    const where = `deadlines.yaml ${rule.id}`;
    add(rule.articles, where);
    add(rule.passedArticles ?? [], where);
    add(rule.restart?.articles ?? [], where);
    const law = rule.articles[0]?.law ?? '';
    for (const text of [...rule.changes, rule.whenPassed, rule.statement ?? '']) found.push(...inlineCites(text, law, where));
  }
  const fees = calc.courtFees;
  for (const part of ['property', 'labour', 'divorce', 'simpleProcedure'] as const) {
    found.push({ law: fees.law, article: fees[part].article, where: `court-fees.yaml ${part}` });
  }
  return found;
}

/** The calculators' own sentences and citations; each file's bare 第X条 is of its main law. */
const CODE_LAWS: Record<string, { law: string; aliases?: Record<string, string> }> = {
  'court-fee.ts': { law: '诉讼费用交纳办法' },
  'double-wages.ts': { law: '中华人民共和国劳动合同法' },
  'labour-money.ts': { law: '中华人民共和国劳动合同法', aliases: { 实施条例: '中华人民共和国劳动合同法实施条例' } },
};

function codeCites(): Found[] {
  const dir = 'src/answer/calculate';
  const found: Found[] = [];
  for (const name of fs.readdirSync(dir).filter((file) => file.endsWith('.ts'))) {
    const source = fs.readFileSync(path.join(dir, name), 'utf8');
    const code = source.split('\n').filter((line) => !/^\s*(?:\*|\/\/|\/\*\*)/u.test(line)).join('\n');
    const constants = new Map([...code.matchAll(/const (\w+) = '([^']+)';/gu)].map((m) => [m[1] as string, m[2] as string]));
    const structured = [...code.matchAll(/(?:at\((\w+),\s*|law: (\w+), article: )'(第[^']+)'/gu)];
    const inline = [...code.matchAll(/['`]([^'`\n]*第[一二三四五六七八九十百千零]+条[^'`\n]*)['`]/gu)].filter((m) => /[（(]/u.test(m[1] as string));
    if (structured.length + inline.length === 0) continue;
    const own = CODE_LAWS[name];
    if (!own) throw new Error(`${name} cites articles: say its main law in CODE_LAWS`);
    for (const m of structured) found.push({ law: constants.get((m[1] ?? m[2]) as string) ?? '?', article: m[3] as string, where: name });
    for (const m of inline) found.push(...inlineCites(m[1] as string, own.law, name, own.aliases));
  }
  return found;
}

const cites = [...dataCites(), ...codeCites()];
const keyOf = (cite: Citation) => `${fullName(cite.law)}|${articleOf(cite.article)}`;

describe('the articles the calculators cite', () => {
  it('are found (the scan of data and code works)', () => {
    expect(cites.length).toBeGreaterThan(60);
    expect(cites.map(keyOf)).toEqual(expect.arrayContaining(['中华人民共和国劳动合同法实施条例|第二十五条', '诉讼费用交纳办法|第四十四条', '中华人民共和国民事诉讼法|第八十六条']));
  });

  it('are on file, each law and article, with the key terms the calculator relies on', () => {
    const missing = cites.filter((cite) => !laws.find(cite.law)?.articles.has(articleOf(cite.article))).map((cite) => `${cite.where}: ${cite.law}${cite.article}`);
    expect(missing).toEqual([]);
    const unreviewed = [...new Set(cites.map(keyOf))].filter((key) => !(key in KEY_TERMS));
    expect(unreviewed, '新引用的条文:请在 KEY_TERMS 写明计算依据的原文词句').toEqual([]);
    for (const [key, terms] of Object.entries(KEY_TERMS)) {
      const [law = '', article = ''] = key.split('|');
      const text = laws.find(law)?.articles.get(article) ?? '';
      for (const term of terms) expect(text, `${key} 应当写有“${term}”`).toContain(term.replace(/\s+/g, ''));
    }
  });

  it('give each rule\'s period as a number of an article the rule cites', () => {
    const units: Record<string, string> = { day: 'd', workday: 'd', month: 'm', year: 'y' };
    for (const rule of calc.deadlines.rules) {
      if (!rule.period) continue;
      const texts = rule.articles.map((cite) => laws.find(cite.law)?.articles.get(articleOf(cite.article)) ?? '');
      const numbers = texts.flatMap((text) => findNumbers(text));
      const period = rule.period;
      expect(numbers.some((n) => n.value === String(period.amount) && n.unit === units[period.unit]), `${rule.id}: ${period.amount} ${period.unit}`).toBe(true);
    }
  });

  it('give the court fees of court-fees.yaml as 第十三条 states them', () => {
    const text = laws.find(calc.courtFees.law)?.articles.get('第十三条') ?? '';
    const numbers = findNumbers(text).map((n) => n.value);
    for (const bracket of calc.courtFees.property.brackets) {
      if (bracket.upToYuan !== null) expect(numbers).toContain(String(bracket.upToYuan));
      if ('percent' in bracket && bracket.percent) expect(text).toContain(`${bracket.percent}%`);
      if ('fixedYuan' in bracket && bracket.fixedYuan) expect(numbers).toContain(String(bracket.fixedYuan));
    }
    expect(numbers).toEqual(expect.arrayContaining([String(calc.courtFees.labour.yuan), String(calc.courtFees.divorce.minYuan), String(calc.courtFees.divorce.maxYuan), String(calc.courtFees.divorce.freeUpToYuan)]));
  });
});
