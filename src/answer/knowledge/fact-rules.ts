/**
 * The honesty rules of the knowledge base, by stable id, each said in Chinese for staff.
 * `check`, start-up and live reload refuse a knowledge base that breaks any of them.
 */

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
  'source-unpinned': '报告、每部法律原文和热线、地名登记表都要登记在 sources/manifest.yaml 里(校验和、官方版本和日期、复核人),清单也不能登记不存在的文件',
  'source-changed': '来源文件必须与 sources/manifest.yaml 记录的校验和一致:改动来源要照官方文本,并经复核后更新清单',
  'source-version': 'sources/manifest.yaml 写的版本日期必须与法律原文文件的 version 一致',
} as const;

/** Id of a rule. */
export type FactRule = keyof typeof FACT_RULES;

/** A short excerpt of `text` around [start, end), for a message staff can find in the file. */
export function excerpt(text: string, start: number, end: number, around = 10): string {
  const from = Math.max(0, start - around);
  const to = Math.min(text.length, end + around);
  const flat = (part: string) => part.replace(/\s+/g, ' ');
  return `${from > 0 ? '…' : ''}${flat(text.slice(from, to))}${to < text.length ? '…' : ''}`;
}
