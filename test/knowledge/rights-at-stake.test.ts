/**
 * Questions whose answer can cost a right if it is wrong or incomplete (issue 25): asked as a
 * person would, each reaches the card that gives the right limit or route, and the card cites
 * the article that states it. Whole bot, real knowledge base and learned model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/types.js';
import { createHarness, type Harness } from '../doubles/harness.js';

interface Case {
  q: string;
  /** The card that must answer (or one of the cards, where two give the same limit). */
  entry: string | string[];
  /** Texts the answer must give: the limit, the route. */
  says: string[];
  /** Citations the source line must hold (law name and article, or a hotline). */
  cites: string[];
  /** Texts the answer must not give: the wrong limit it used to give. */
  never?: string[];
}

const LAND = '《中华人民共和国土地管理法》';
const CRIMINAL = '《中华人民共和国刑事诉讼法》';
const TRAFFIC = '《道路交通事故处理程序规定》';
const CIVIL = '《中华人民共和国民法典》';
const LITIGATION = '《中华人民共和国行政诉讼法》';

/** The five answers the audit found could cost a right. */
const HARMFUL: Case[] = [
  {
    q: '镇里说我在承包地上盖的房子是非法占地,下了责令限期拆除决定,我不服想告,有几天时间',
    entry: 'problem.admin-penalty',
    says: ['接到责令限期拆除决定之日起十五日内'],
    cites: [`${LAND}第八十三条`],
  },
  {
    q: '收到限期拆除违建的决定书,多久内能起诉',
    entry: 'problem.admin-penalty',
    says: ['十五日内'],
    cites: [`${LAND}第八十三条`],
  },
  {
    q: '判重了想上诉',
    entry: 'problem.criminal-family',
    says: ['不服判决的十日,不服裁定的五日'],
    cites: [`${CRIMINAL}`, '二百三十条'],
  },
  {
    q: '我哥一审被判了三年,想上诉,要在几天内提出',
    entry: 'problem.criminal-family',
    says: ['不服判决的十日', '第二日起算'],
    cites: ['二百三十条'],
  },
  {
    q: '交通事故认定书对我不公平,我不服怎么办',
    entry: 'problem.traffic-accident',
    says: ['送达之日起三日内提出书面复核申请'],
    cites: [`${TRAFFIC}第七十一`],
  },
  {
    q: '交警的事故认定我不认,怎么申请复核',
    entry: 'problem.traffic-accident',
    says: ['三日内', '上一级交警部门'],
    cites: [`${TRAFFIC}第七十一、七十二条`],
  },
  {
    q: '我爸十年前去世了,老屋一直没分,现在哥哥想独占,还能分吗',
    entry: 'problem.inheritance',
    says: ['视为接受继承', '12348'],
    cites: ['一千一百二十四条'],
    never: ['诉讼时效为三年', '三年'],
  },
  {
    q: '妈妈去世好多年了,她的房子一直没分,现在弟弟说过了时效不给我分',
    entry: 'problem.inheritance',
    says: ['不一定就“过了时效”'],
    cites: ['一千一百二十四条'],
    never: ['三年'],
  },
  {
    q: '我欠了网贷还不上,催收天天打电话骂我,还说要上门找我家人',
    entry: 'problem.debt-collection',
    says: ['110', '侵扰他人的私人生活安宁'],
    cites: ['报警电话110', `${CIVIL}第一千零三十三`],
  },
  {
    q: '欠钱还不上,讨债的威胁我说要打断我的腿',
    entry: 'problem.debt-collection',
    says: ['马上打110报警'],
    cites: ['报警电话110'],
  },
];

/** The eight missing next steps, and the notarization answer that predated the Apostille Convention. */
const OMISSIONS: Case[] = [
  {
    q: '对复议决定不服还能告吗',
    entry: ['admin-reconsideration.deadline', 'admin-reconsideration.how'],
    says: ['收到复议决定书之日起十五日内向法院起诉'],
    cites: [`${LITIGATION}第四十五条`],
  },
  {
    q: '行政复议找哪个部门申请',
    entry: 'admin-reconsideration.how',
    says: ['六十日内', '向区人民政府申请', '韶关市人民政府', '不得向申请人收取任何费用', '具体请求和理由'],
    cites: ['第二十、二十四、二十七、二十二、三十、八十七条'],
  },
  {
    q: '不离婚能申请保护令吗',
    entry: 'problem.domestic-violence',
    says: ['基层人民法院', '不用先打离婚官司', '不超过六个月'],
    cites: ['二十五', '三十', '《最高人民法院关于办理人身安全保护令案件适用法律若干问题的规定》第一条'],
  },
  {
    q: '申请部门履行职责,他们一直拖着不办怎么办',
    entry: 'problem.gov-complaint',
    says: ['两个月'],
    cites: [`${LITIGATION}第四十七`],
  },
  {
    q: '吃了超市买的过期食品拉肚子,能赔多少',
    entry: 'problem.consumer',
    says: ['价款十倍或者损失三倍', '诉讼时效为三年'],
    cites: ['《中华人民共和国食品安全法》第一百四十八条', `${CIVIL}第一百八十八条`],
  },
  {
    q: '对工伤认定结论不服怎么办',
    entry: 'problem.work-injury',
    says: ['申请行政复议', '劳动能力鉴定', '15日内'],
    cites: ['《工伤保险条例》', '五十五', '二十三', '二十六'],
  },
  {
    q: '土地承包仲裁裁决不服怎么办',
    entry: 'problem.homestead',
    says: ['收到裁决书之日起三十日内'],
    cites: ['四十八'],
  },
  {
    q: '厂里招了十四岁的童工,去哪举报',
    entry: 'problem.child-labour',
    says: ['不满16周岁', '12333'],
    cites: ['《禁止使用童工规定》', '人社服务热线12333'],
  },
  {
    q: '公证书拿到国外用要办什么手续',
    entry: 'problem.proof-notary',
    says: ['附加证明书', '12348'],
    cites: ['《中华人民共和国公证法》'],
  },
];

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness({ logLevel: 'silent' });
});

let person = 0;
/** Each question from a person of their own, so no conversation carries over. */
const ask = (q: string): Promise<Reply> => harness.send(q, { as: `resident-${++person}` });

function expectRightRoute(reply: Reply, c: Case): void {
  expect(reply.kind, c.q).toBe('answer');
  expect([c.entry].flat(), c.q).toContain(reply.entryId);
  for (const text of c.says) expect(reply.text, c.q).toContain(text);
  for (const cite of c.cites) expect(reply.source, c.q).toContain(cite);
  for (const text of c.never ?? []) expect(reply.text, c.q).not.toContain(text);
}

describe('answers that can cost a right', () => {
  it.each(HARMFUL)('$q → $entry', async (c) => expectRightRoute(await ask(c.q), c));
});

describe('next steps the audit found missing', () => {
  it.each(OMISSIONS)('$q → $entry', async (c) => expectRightRoute(await ask(c.q), c));
});
