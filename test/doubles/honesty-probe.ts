/**
 * The honesty probe of issue 25 (item 10): edits of the real knowledge, each an invented fact the
 * check must refuse or a true rewording it must accept. An edit rewrites one shown text of one
 * owner (entry, problem card, emergency reply) in memory: `from` → `to`, or `to` appended.
 * Edits of the source files themselves (laundering) are in honesty-probe.test.ts, on a copy.
 */
import type { SourceRef } from '../../src/answer/knowledge/schema.js';

/** One edit of the probe. */
export interface ProbeEdit {
  /** What the edit invents, or why it is still true. */
  name: string;
  /** Owner id (entry id, problem card id, emergency category id). */
  id: string;
  field: string;
  /** Text replaced (must be in the field); none: `to` is appended as a new sentence. */
  from?: string;
  to: string;
  /** Sources that replace the owner's (deleting the source behind a fact). */
  sources?: SourceRef[];
}

const add = (id: string, field: string, to: string, name: string): ProbeEdit => ({ name, id, field, to });
const swap = (id: string, field: string, from: string, to: string, name: string): ProbeEdit => ({ name, id, field, from, to });

/** Edits that invent a fact: each must be refused. */
export const INVENTED: ProbeEdit[] = [
  // A number taken from another quote or sentence of the same entry, or counting something else.
  swap('legal-aid.figures', 'answer', '法律援助案件373宗', '法律援助案件1403宗', 'consultations counted as legal-aid cases'),
  swap('legal-aid.figures', 'answer', '解答法律咨询1403人次', '解答法律咨询373人次', 'cases counted as consultations'),
  swap('legal-aid.figures', 'answer', '值班516人次', '值班373人次', 'cases counted as duty visits'),
  swap('problem.admin-penalty', 'deadlines[1]', '六十日内', '六个月内', 'the 6 months to sue given as the limit to apply for 复议'),
  swap('problem.admin-penalty', 'deadlines[3]', '六个月内', '六十日内', 'the 60 days of 复议 given as the limit to sue'),
  swap('admin-reconsideration.how', 'answer', '收到复议决定书之日起十五日内', '收到复议决定书之日起六十日内', 'the 60 days of 复议 given as the limit to sue after it'),
  swap('wage-arrears.figures', 'answer', '劳资纠纷矛盾267宗', '劳资纠纷矛盾2747宗', 'a sum turned into a count'),
  swap('mediation.figures', 'answer', '调解成功率99%', '调解成功率100%', 'a rate raised to 100%'),
  swap('lawyers.find', 'answer', '在册律师56名', '在册律师65名', '56 lawyers become 65'),
  swap('village-counsel.overview', 'answer', '聘请了24名律师', '聘请了111名律师', 'villages counted as lawyers'),
  swap('notary.figures', 'answer', '2023年,曲江区全年办理', '目前曲江区每年办理', 'a 2023 figure told in the present tense'),
  add('lawyers.find', 'answer', '据2023年的报告,当年全区律师事务所有8家。', 'an invented count of law firms'),
  swap('admin-reconsideration.deadline', 'answer', '十五日内向法院起诉;复议机关', '三十日内向法院起诉;复议机关', 'a period no source gives'),
  // Hotlines under the wrong name or for the wrong matter.
  swap('hotlines.list', 'answer', '12345:政务服务便民热线', '12345:公共法律服务热线', '12345 called the legal-service line'),
  swap('hotlines.12348', 'answer', '12348是全国统一的公共法律服务热线', '12345是全国统一的公共法律服务热线', '12345 said to be the legal-service line'),
  swap('wage-arrears.figures', 'answer', '拨打12333人社服务热线咨询', '拨打12315咨询', '12315 for unpaid wages'),
  swap('wage-arrears.who', 'answer', '拨打12333人社服务热线咨询', '拨打12369咨询', '12369 for unpaid wages'),
  swap('legal-aid.cost', 'answer', '拨打12348公共法律服务热线反映', '拨打12333反映', '12333 for legal-aid fees'),
  swap('self-harm', 'reply', '12356 心理援助热线', '12338 心理援助热线', '12338 named the psychological help line'),
  swap('problem.traffic-accident', 'safety', '事故报警打122', '事故报警打12345', '12345 to report an accident'),
  swap('problem.online-fraud', 'safety', '96110反诈专线', '12315反诈专线', '12315 named the anti-fraud line'),
  swap('problem.consumer', 'first', '打12315向市场监管部门投诉', '打12333向市场监管部门投诉', '12333 for a consumer complaint'),
  swap('problem.domestic-violence', 'safety', '受伤需要急救打120', '受伤需要急救打119', '119 for an injury'),
  // Links, accounts, e-mail.
  add('legal-aid.where', 'answer', '也可以登录 www.qjfy.gov.cn 在线申请。', 'a web address'),
  add('legal-aid.where', 'answer', '网上申请:https://12348.gd.gov.cn/apply', 'a URL whose digits read 12348'),
  add('legal-aid.where', 'answer', '材料可以发到邮箱 qjfy@163.com。', 'an e-mail address'),
  add('legal-aid.where', 'answer', '加微信号 fl12348 咨询。', 'a WeChat ID whose digits read 12348'),
  add('legal-aid.where', 'answer', '也可以加QQ 12348123 咨询。', 'a QQ number'),
  add('legal-aid.where', 'answer', '关注“曲江法援”公众号可以在线申请。', 'an invented official account'),
  swap('legal-education.channels', 'answer', '“曲江融媒”微信公众号', '“曲江普法”微信公众号', 'an account renamed'),
  // Places.
  swap('circuit-court.where', 'answer', '大塘、樟市', '乌石、樟市', 'a town the report does not list'),
  swap('circuit-court.where', 'answer', '白土、枫湾5个乡镇', '白土、马坝5个乡镇', 'circuit-court towns swapped'),
  add('circuit-court.where', 'answer', '马坝镇也有网上巡回法庭。', 'a circuit court added in 马坝'),
  swap('legal-service-window.where', 'answer', '设在区政务服务中心大厅', '设在马坝镇', 'the window moved to a town'),
  swap('legal-service-window.where', 'answer', '设在区政务服务中心大厅', '设在区法院', 'the window moved to the court'),
  add('circuit-court.where', 'answer', '住在犁市镇的也可以去。', 'a town of another district'),
  add('legal-aid.where', 'answer', '也可以到广州市司法局申请。', 'a city outside the district'),
  add('notary.where', 'answer', '南雄市公证处也能办。', 'a notary office of another county'),
  add('mediation.how', 'answer', '也可以到浈江区的调解中心。', 'a neighbouring district'),
  {
    name: 'the source behind the towns deleted',
    id: 'circuit-court.where',
    field: 'answer',
    from: '资料里没有写',
    to: '资料里没有写',
    sources: [{ kind: 'report', ref: '二(六)2', quote: '推动人民调解平台进乡村、进社区、进网格' }],
  },
  // Hours however phrased.
  add('legal-service-window.where', 'answer', '窗口节假日照常办理。', 'open on holidays'),
  add('legal-service-window.where', 'answer', '12348热线全天有人接听。', 'a line answered all day'),
  add('legal-service-window.where', 'answer', '窗口周末也开放。', 'open at weekends'),
  add('legal-service-window.where', 'answer', '窗口上午九点到下午五点办公。', 'office hours with a clock'),
  add('notary.where', 'answer', '晚上也有人值班受理。', 'evening duty'),
  // Names beside titles.
  add('mediation.personal-room', 'answer', '调解员李明很有经验。', 'a name after a title'),
  add('mediation.personal-room', 'answer', '可以找调解员某某。', 'a placeholder name after a title'),
  add('lawyers.find', 'answer', '王建国律师在窗口值班。', 'a name before a title'),
  add('village-counsel.contact', 'answer', '联系人:王芳。', 'a contact person'),
  // Latin script.
  add('legal-aid.cost', 'answer', 'Legal aid is free of charge.', 'English text'),
  add('legal-aid.where', 'answer', '请下载 QJLaw 查询进度。', 'an invented app name'),
  // Claims of cost, obligation, certainty.
  swap('notary.cost', 'answer', '办公证要按规定交公证费', '办公证免费', 'notarisation called free'),
  add('mediation.how', 'answer', '这类纠纷一律强制调解。', 'mediation called compulsory'),
  add('wage-arrears.evidence', 'answer', '申请劳动仲裁无需任何材料。', 'no materials needed'),
  add('legal-aid.where', 'answer', '申请法律援助按金额收费。', 'legal aid charged by the sum'),
  add('legal-aid.eligibility', 'answer', '申请了就一定能批准。', 'approval certain'),
  add('mediation.how', 'answer', '去调解必须双方都到场。', 'an obligation no source states'),
  add('legal-aid.where', 'answer', '保证三天内办好。', 'a promise with a deadline'),
  // Invented quotes of the report, cites that say something else.
  add('legal-aid.where', 'answer', '报告指出:“曲江区法律援助实行上门服务”。', 'an invented quote of the report'),
  swap('admin-reconsideration.how', 'answer', '之日起六十日内提出。', '之日起六十日内提出(《中华人民共和国行政复议法》第八十七条)。', 'a cite of an article about fees for a deadline'),
  add('mediation.effect', 'answer', '离婚纠纷也可以调解(《中华人民共和国民法典》第一千零七十九条)。', 'a cite not among the entry sources'),
  swap('violence', 'reply', '(《中华人民共和国反家庭暴力法》第二十三条)', '(《中华人民共和国劳动合同法》第八十二条)', 'an emergency cite of an unrelated article'),
  add('legal-aid.figures', 'answer', '据2023年的报告,当年法律援助案件胜诉率100%。', 'an invented rate'),
];

/** Edits that stay true: each must be accepted. */
export const TRUE_EDITS: ProbeEdit[] = [
  swap('mediation.figures', 'answer', '2023年,全区', '二〇二三年,全区', 'the year in Chinese numerals'),
  swap('mediation.figures', 'answer', '2023年,全区', '２０２３年,全区', 'the year in full-width digits'),
  swap('legal-aid.figures', 'answer', '373宗', '三百七十三宗', 'a count in Chinese numerals'),
  swap('wage-arrears.figures', 'answer', '267宗', '267件', '宗 and 件 count the same'),
  swap('notary.figures', 'answer', '727件', '727宗', '件 and 宗 count the same'),
  swap('lawyers.find', 'answer', '在册律师56名', '在册律师五十六名', '56 in Chinese numerals'),
  swap('legal-aid.consultation', 'answer', '1403人次', '一千四百零三人次', '1403 in Chinese numerals'),
  swap('business.debt-recovery', 'answer', '3054万余元', '三千零五十四万余元', '万 in Chinese numerals'),
  swap('legal-education.demonstration', 'answer', '覆盖人口23万人(次)', '覆盖人口230000人(次)', '23万 as 230000'),
  swap('legal-education.understanders', 'answer', '截至2023年12月31日', '截至二〇二三年十二月三十一日', 'a date in Chinese numerals'),
  swap('admin-reconsideration.how', 'answer', '六十日内提出', '60日内提出', '60 days in digits'),
  swap('admin-reconsideration.deadline', 'answer', '六十日内提出', '六十天内提出', '日 as 天'),
  swap('admin-litigation.officials-in-court', 'answer', '六个月内提出', '6个月内提出', '6 months in digits'),
  swap('mediation.cost', 'answer', '12345政务服务便民热线', '12348公共法律服务热线', 'the legal-service line for a mediation fee'),
  swap('wage-arrears.figures', 'answer', '拨打12333人社服务热线', '拨打12333劳动保障热线', 'another name of 12333'),
  add('wage-arrears.figures', 'answer', '也可以拨打12348公共法律服务热线咨询。', '12348 for unpaid wages'),
  swap('hotlines.list', 'answer', '12338:妇女维权公益服务热线', '12338:妇女维权热线', 'another name of 12338'),
  swap('self-harm', 'reply', '拨打 120 急救电话或 110 报警电话', '拨打 110 报警电话或 120 急救电话', 'emergency numbers swapped in order'),
  add('legal-aid.eligibility', 'answer', '能不能批准不一定,要看审查结果。', 'a hedge is no claim'),
  add('legal-aid.cost', 'answer', '申请法律援助不收费。', 'free, as its article says'),
  add('admin-reconsideration.cost', 'answer', '申请行政复议不收费。', 'free, as its article says'),
  add('circuit-court.where', 'answer', '住在大塘镇的,可以问问镇上的网上巡回法庭怎么用。', 'a town its source names'),
  add('legal-service-window.where', 'answer', '窗口在区政务服务中心大厅。', 'the window where the report puts it'),
  swap('problem.admin-penalty', 'deadlines[1]', '自知道处罚之日起六十日内', '自知道处罚之日起60日内', 'a deadline in digits'),
  add('admin-reconsideration.how', 'answer', '复议机关受理申请不收费(《中华人民共和国行政复议法》第八十七条)。', 'a cite that says it'),
];
