import { afterEach, describe, expect, it } from 'vitest';
import { checkFacts, type FactOwner } from '../../../../src/answer/knowledge/fact-check.js';
import type { KnowledgeProblem } from '../../../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge, loadKnowledge, readFactContext } from '../../../../src/answer/knowledge/load-knowledge.js';
import type { SourceRef } from '../../../../src/answer/knowledge/schema.js';
import { DISHONEST_EDITS } from '../../../doubles/dishonest-edits.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const context = readFactContext(KNOWLEDGE_DIR, knowledge.meta, []);

const LAW_60_DAYS: SourceRef = {
  kind: 'law',
  ref: '《中华人民共和国行政复议法》(2023年修订)第二十条',
  quote: '可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请',
};
const RECONSIDERATION_FIGURES: SourceRef = {
  kind: 'report',
  ref: '二(三)2',
  quote: '已办结30件,撤销、变更或确认违法等案件14宗,纠错率46.7%',
};

/** A problem card of issue 9, as the lead will feed them: any fields, with their sources. */
function card(texts: Record<string, string>, sources: SourceRef[], questions?: string[]): FactOwner {
  return {
    file: 'problems/test.yaml',
    id: 'problem.test',
    texts: Object.entries(texts).map(([field, text]) => ({ field, text })),
    sources,
    ...(questions ? { questions } : {}),
  };
}
const rulesOf = (owner: FactOwner) => checkFacts([owner], context).map((p) => `${p.rule}:${p.text}`);

describe('the fact check', () => {
  it('passes the shipped knowledge base', () => {
    expect(checkKnowledge(KNOWLEDGE_DIR).problems).toEqual([]);
  });

  it('names file, entry, field, offending text and rule, in Chinese', () => {
    const [problem] = checkFacts([card({ first: '请在七日内申请。' }, [LAW_60_DAYS])], context);
    expect(problem).toMatchObject({ file: 'problems/test.yaml', entry: 'problem.test', field: 'id=problem.test.first', text: '七', rule: 'number-unsourced' });
    expect(problem?.message).toMatch(/「七」不在本条的来源引文里.*规则:数字/);
  });

  it('accepts a number its own sources give, in any script', () => {
    expect(rulesOf(card({ then: '应当在60天内申请行政复议。' }, [LAW_60_DAYS]))).toEqual([]);
    expect(rulesOf(card({ then: '应当在六十日内申请行政复议。' }, [LAW_60_DAYS]))).toEqual([]);
    expect(rulesOf(card({ then: '应当在六个月内申请行政复议。' }, [LAW_60_DAYS]))).toEqual(['number-unsourced:六']);
  });

  it('finds a number only as a number: 274 is not in 2747.97', () => {
    const source: SourceRef = { kind: 'report', ref: '二(六)3', quote: '追回被拖欠工资2747.97万元' };
    expect(rulesOf(card({ first: '2023年追回被拖欠工资274万元。' }, [source]))).toEqual(['number-unsourced:274万']);
  });

  it('lets national hotlines through anywhere, and only listed ones in a hotline source', () => {
    expect(rulesOf(card({ first: '请拨打12338或110。' }, []))).toEqual([]);
    expect(rulesOf(card({ first: '请拨打12349。' }, []))).toEqual(['number-unsourced:12349']);
    expect(rulesOf(card({ first: '请打热线。' }, [{ kind: 'hotline', ref: '法律热线12349' }]))).toEqual(['hotline-unlisted:法律热线12349']);
  });

  it('checks law citations, in sources and in the text, against the texts on file', () => {
    expect(rulesOf(card({ first: '(《中华人民共和国行政复议法》第二十条)' }, []))).toEqual([]);
    expect(rulesOf(card({ first: '依照第二十条申请。' }, [LAW_60_DAYS]))).toEqual([]);
    expect(rulesOf(card({ first: '依照行政复议法第20条申请。' }, []))).toEqual([]);
    expect(rulesOf(card({ first: '依照行政复议法第1020条申请。' }, []))).toEqual(['law-article-missing:第1020条']);
    expect(rulesOf(card({ first: '依照第九十九条申请。' }, [LAW_60_DAYS]))).toEqual(['article-uncited:第九十九条']);
    expect(rulesOf(card({ first: '见《中华人民共和国民法典》第一千零七十九条。' }, []))).toEqual([]);
    expect(rulesOf(card({ first: '见《中华人民共和国广告法》第九条。' }, []))).toEqual(['law-not-on-file:《中华人民共和国广告法》第九条']);
    const wrong = (source: Partial<SourceRef>) => rulesOf(card({ first: '申请复议。' }, [{ ...LAW_60_DAYS, ...source }]));
    expect(wrong({ quote: '可以自知道之日起九十日内提出行政复议申请' })).toEqual(['law-quote-mismatch:可以自知道之日起九十日内提出行政复议申请']);
    expect(wrong({ quote: undefined } as Partial<SourceRef>)).toEqual([`law-quote-missing:${LAW_60_DAYS.ref}`]);
    expect(wrong({ ref: '《中华人民共和国行政复议法》(2017年修正)第二十条' })).toEqual(['law-edition:《中华人民共和国行政复议法》(2017年修正)第二十条']);
    expect(wrong({ ref: '《中华人民共和国行政复议法》第二十条、第二十一条' })).toEqual(['law-ref:《中华人民共和国行政复议法》第二十条、第二十一条']);
  });

  it('makes a report figure carry its year, as the report says it', () => {
    expect(rulesOf(card({ first: '纠错率46.7%。' }, [RECONSIDERATION_FIGURES]))).toEqual(['statistic-year:46.7%']);
    expect(rulesOf(card({ first: '2023年,纠错率46.7%。' }, [RECONSIDERATION_FIGURES]))).toEqual(['statistic-year:46.7%']);
    expect(rulesOf(card({ first: '2023年以来,纠错率46.7%。' }, [RECONSIDERATION_FIGURES]))).toEqual([]);
    const lawyers: SourceRef = { kind: 'report', ref: '二(五)1', quote: '全区现有3家注册律师事务所,在册律师56名' };
    expect(rulesOf(card({ first: '在册律师56名。2023年以后再说。' }, [lawyers]))).toEqual(['statistic-year:56']);
    expect(rulesOf(card({ first: '据2023年的统计,在册律师56名。' }, [lawyers]))).toEqual([]);
  });

  it('asked for the odds, a district rate says it predicts no single case', () => {
    const asked = ['申请复议能赢吗'];
    expect(rulesOf(card({ first: '2023年以来,纠错率46.7%。' }, [RECONSIDERATION_FIGURES], asked))).toEqual(['odds-disclaimer:46.7%']);
    const said = '2023年以来,纠错率46.7%。这是全区的统计数字,不代表某一件具体案件的结果。';
    expect(rulesOf(card({ first: said }, [RECONSIDERATION_FIGURES], asked))).toEqual([]);
  });

  it('refuses phone numbers, addresses, hours, names and promises its sources do not give', () => {
    const said = (text: string) => rulesOf(card({ first: text }, [LAW_60_DAYS]));
    expect(said('请打13800138000咨询。')).toEqual(['phone:13800138000']);
    expect(said('窗口在府前路。')).toEqual(['address:府前路']);
    expect(said('周一至周五办公。')).toEqual(['hours:周一至周五']);
    expect(said('请找李主任。')).toEqual(['name:李主任']);
    expect(said('保证能要回来。')).toEqual(['promise:保证']);
    expect(said('不能保证结果,也不一定能赢。')).toEqual([]);
    expect(said('资料里没有写地址在哪里,办公时间是几点也没有写。')).toEqual([]);
    const sourced: SourceRef = { kind: 'report', ref: '二(二)1', quote: '以马坝镇、沙溪镇作为规范化建设试点' };
    expect(rulesOf(card({ first: '马坝镇、沙溪镇是规范化建设试点。' }, [sourced]))).toEqual([]);
  });
});

describe('edits that invent a fact, on a scratch copy', () => {
  let copy: KnowledgeCopy | undefined;
  afterEach(() => copy?.cleanup());

  const refusedBy = (problems: KnowledgeProblem[], refusal: (typeof DISHONEST_EDITS)[number]['refusal']) =>
    problems.find(
      (p) => p.rule === refusal.rule && p.entry === refusal.entry && p.field === `id=${refusal.entry}.${refusal.field}` && p.text?.includes(refusal.text),
    );

  for (const edit of DISHONEST_EDITS) {
    it(`refuses ${edit.name}`, () => {
      copy = copyKnowledge();
      edit.apply(copy);
      const { knowledge: accepted, problems } = checkKnowledge(copy.dir);
      expect(accepted).toBeUndefined();
      const problem = refusedBy(problems, edit.refusal);
      expect(problem, JSON.stringify(problems, null, 1)).toBeDefined();
      expect(problem?.file).toBe(`entries/${edit.file}`);
      expect(problem?.message).toMatch(/规则:/);
    });
  }

  it('refuses an invented number in a topic title, an emergency reply and a fixed message', () => {
    copy = copyKnowledge();
    copy.write('topics.yaml', copy.read('topics.yaml').replace('法律援助(免费律师)', '法律援助(免费律师) 0751-8888888'));
    copy.write('emergency.yaml', copy.read('emergency.yaml').replace('拨打 12356 心理援助热线', '拨打 12356 心理援助热线(24小时)'));
    copy.write('meta.yaml', copy.read('meta.yaml').replace('请稍等{wait}再问', '请稍等五分钟再问'));
    const found = checkKnowledge(copy.dir).problems.map((p) => `${p.file} ${p.field} ${p.rule}:${p.text}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'topics.yaml id=legal-aid.title phone:0751-8888888',
        'emergency.yaml id=self-harm.reply number-unsourced:24',
        'meta.yaml messages.rateLimited number-unsourced:五',
      ]),
    );
  });
});
