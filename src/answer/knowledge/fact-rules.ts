/**
 * The honesty rules of the knowledge base, by stable id, each said in Chinese for staff.
 * `check`, start-up and live reload refuse a knowledge base that breaks any of them.
 */

import { KnowledgeRuleCodes } from '../../errors.js';

export const FACT_RULES = {
  'number-unsourced': '数字(包括日期、金额、百分比、期限,汉字或全角数字也算)必须出自本条自己的来源引文;全国热线号码和所引法律的条号除外',
  phone: '不能给出来源里没有的电话号码;只有 hotlines.yaml 里的全国热线可以直接给',
  address: '不能给出来源里没有的地址',
  hours: '不能给出来源里没有的办公时间、上班时间',
  name: '不能给出来源里没有的人名或联系人',
  promise: '不能向群众承诺结果(如“全部胜诉”“保证”“一定能赢”)',
  'article-uncited': '正文里的条号必须是本条来源所引法律、且在 sources/laws/ 里有原文的条文',
  'law-ref': 'law 来源的 ref 写成《法律全称》第X条,一条来源只引一条',
  'law-not-on-file': '引用的法律必须在 sources/laws/ 里有原文文件',
  'law-article-missing': '引用的条文必须在该法律的原文文件里',
  'law-edition': 'ref 括号里写的修订年份必须与法律原文文件的版本一致',
  'law-quote-missing': 'law 来源必须用 quote 摘引该条原文',
  'law-quote-mismatch': 'law 来源的 quote 必须与该条原文一字不差(含全角标点)',
  'law-file': 'sources/laws/ 里每部法律一个文件',
  'hotline-unlisted': 'hotline 来源必须写明 hotlines.yaml 里登记的全国热线号码',
  'report-quote-missing': 'report 来源必须用 quote 摘引报告原文',
  'report-quote-mismatch': 'report 来源的 quote 必须与报告原文一字不差,数字照原样',
  'statistic-year': '给出报告里的统计数字时,要照报告说明年份(如“据2023年…”“2023年以来”),不能说成现在的情况',
  'odds-disclaimer': '回答“能不能赢”“靠不靠谱”一类问题时,要说明全区统计数字不代表某一件事的结果',
  'figure-sentence': '数字要出自来源里说同一件事的那句话,数的东西也要一样(宗不是人次,申请复议的六十日不是起诉的六个月),不能从本条别的引文里借',
  'cite-not-source': '正文里引用的法条必须是本条自己的来源之一(source 里有这一条)',
  'cite-content': '正文里引用的法条,原文要说到这句话讲的事(关键词或数字),不能引一条说别的事的条文',
  'hotline-name': '热线号码旁边写的名称必须是这个号码的名称(hotlines.yaml 的 name、names)',
  'hotline-purpose': '热线号码只能用于它管的事(hotlines.yaml 的 matters),例如 12315 不管拖欠工资',
  'hotline-registry': 'hotlines.yaml 每个号码只登记一次,事项要是 honesty.yaml terms 里有的',
  link: '不能给出来源里没有的网址、邮箱、微信号、QQ号或公众号',
  latin: '回答要用中文;拉丁字母只能是 honesty.yaml latin 里登记的代码',
  claim: '“免费”“收费”“无需”“必须”“强制”“一定”“保证”一类的说法,要本条来源原文这样说(“不一定”之类的保留说法不算)',
  'place-unknown': '地名必须登记在 gazetteer.yaml 里(本区的镇、街道和有出处的机构);别区的镇、外地不能写',
  'place-unsourced': '除了本区、本市、本省和登记为 anywhere 的机构,地名只能出现在来源说到它的条目里',
  'place-where': '说一个机构在哪里,要与 gazetteer.yaml 的 at 一致',
  'place-source': 'gazetteer.yaml 每个地名的出处要能在报告、法律原文或本地事实登记表里找到',
  'report-quote-invented': '回答里说“报告写道/报告指出”引用的话,必须是报告原文',
  'source-unpinned': '报告、每部法律原文和热线、地名登记表都要登记在 sources/manifest.yaml 里(校验和、官方版本和日期、复核人),清单也不能登记不存在的文件',
  'source-changed': '来源文件必须与 sources/manifest.yaml 记录的校验和一致:改动来源要照官方文本,并经复核后更新清单',
  'source-version': 'sources/manifest.yaml 写的版本日期必须与法律原文文件的 version 一致',
} as const;

/** Id of a rule. */
export type FactRule = keyof typeof FACT_RULES;

/** The stable code of each rule (src/errors.ts); the compiler refuses a rule without one. */
export const FACT_RULE_CODES: Record<FactRule, string> = KnowledgeRuleCodes;

/** A short excerpt of `text` around [start, end), for a message staff can find in the file. */
export function excerpt(text: string, start: number, end: number, around = 10): string {
  const from = Math.max(0, start - around);
  const to = Math.min(text.length, end + around);
  const flat = (part: string) => part.replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, to))}${to < text.length ? '…' : ''}`;
}
