/**
 * The shipped emergency.yaml on messages written for these tests (none from an evaluation
 * set): danger told indirectly is found in its category, with the right number first; stories,
 * questions and past events are not alarms.
 */
import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../../src/answer/compose/compose-reply.js';
import { loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { createSafetyReader } from '../../../../src/answer/safety/detect-emergency.js';
import type { EmergencyData } from '../../../../src/answer/knowledge/schema.js';

/** Danger now, as the emergency step reads it. */
const createEmergencyDetector = (data: EmergencyData) => {
  const read = createSafetyReader(data);
  return (text: string) => read(text).emergency;
};
import { createNormalizer } from '../../../../src/answer/read/normalize.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const normalize = createNormalizer(knowledge.synonyms);
const detector = createEmergencyDetector(knowledge.emergency);
const detect = (text: string) => detector(normalize(text));

const DANGER: Record<string, string[]> = {
  'self-harm': [
    '我站在江边的护栏外面,风好大',
    '活够了,准备从窗台跳下去',
    '我女朋友说她吞了一板药',
    '我阿婆饮咗农药',
    '我表妹在群里留言说这辈子就这样吧,然后就不回消息了',
    '有个讨薪的大叔坐在脚手架最高那层不肯下来',
    '婆婆吞了好多片降压药 怎么办',
    '我表哥打电话来交代我帮他照顾好他的孩子,说完就挂了,现在关机',
    '木炭已经点着了,门窗我都封好了',
  ],
  intruder: [
    '半夜听到有人在撬我家的窗户',
    '放学路上有个陌生男人一直尾随我女儿',
    '有人翻墙進了我家院子，我和孩子躲在房間裡',
    '有个男的跟着我进了小区,现在还在楼下站着',
    '有人踢我家门,我一个人在家',
    '屋里有个陌生人 我躲在床底下',
  ],
  violence: [
    '他喝醉了拎着菜刀满屋子追我',
    '老公把我和孩子反锁在屋里,他在外面砸东西',
    '继父正在用皮带抽我弟弟,弟弟一直在哭',
    '他拿着刀,现在就在我家门口',
    '两个邻居为了地界打起来了,锄头都拿出来了',
    '有班人揸住铁通喺楼下等我',
    '佢而家揸住把刀斩紧门',
    '我被人绑在车上,不知道在哪里',
    '隔壁那家人把小孩绑在椅子上打',
    '我看到邻居现在拿烟头烫孩子',
    '我听到隔壁女人一直喊救救我',
    '老公掐住我不放',
    '一群人拿砍刀冲进了村委会',
    '有人拿刀架在我脖子上要钱',
  ],
  threat: [
    '收到一条陌生短信,说知道我住哪,明天要来收拾我',
    '讨债的人刚才说今晚要上门泼油漆',
    '前夫打电话说要放火烧了我家的店',
    '收到短信说再不还钱就让我全家好看',
    '那帮人在我家门口倒了一桶汽油,临走之前说晚上再来点火',
  ],
  'fire-gas': ['厨房油锅烧起来了', '楼道里全是烟,门打不开', '电动车充电时爆炸起火了', '一进门就闻到很浓的煤气味'],
  medical: [
    '我老婆突然晕倒了,怎么叫都没反应',
    '老人在家摔倒了起不来,头在流血',
    '我爸心口痛得厉害,出冷汗,喘不上气',
    '小孩发高烧抽搐,眼睛翻白',
    '我老窦喺屋企晕低咗，点都叫唔醒',
    '老人家吃饭噎亲,好辛苦',
    '我老婆刚生完孩子,出血很多',
    '村里有人在河边电鱼,一个小孩触电了',
    '孩子被开水烫到了 皮都掉了',
    '我爸说话突然含糊不清,嘴巴歪到一边',
    '我老婆怀孕六个月,刚才突然出血很多',
    '我们一家吃了自己采的野蘑菇,现在都在吐',
    '我阿妈喺厕所跌低咗 叫极都唔应',
  ],
  drowning: ['两个小孩在水库游泳,有一个沉下去了', '我儿子掉进鱼塘里了', '有个老人失足掉进河里', '村里河边有个小孩在水里扑腾', '村里水库有个小孩掉下去了', '河堤决堤了,洪水往村里冲', '车在桥洞下面熄火了,水一直在涨'],
  accident: [
    '货车侧翻压着一个人',
    '工地有人从楼上掉下来,一动不动',
    '刚才在路口出了车祸,有人受伤了',
    '电梯突然停了,我被困在里面',
    '工友的手被机器卷进去了',
    '我爸从楼梯摔下来头在流血 一直不说话',
    '工地脚手架塌了 下面有人',
    '我在高速上 车撞了 人卡在里面',
  ],
  'missing-person': [
    '我妈有老年痴呆,今朝出门到现在都未返',
    '放学两个钟头了孩子还没到家',
    '我老公早上去鱼塘,到现在还没回来,电话也关机',
    '五岁的儿子在超市门口不见了',
    '老婆走失咗三个钟',
  ],
};

const NOT_NOW = [
  // Domestic violence, told as a story or asked about: problem.domestic-violence answers it.
  '家暴能申请法律援助吗',
  '老公經常打我，我想離婚，孩子歸誰？',
  '他一直打我,我想离婚',
  '他打我,现在我住在娘家,能离婚吗',
  '他以前拿刀吓过我,能申请保护令吗',
  '我好怕他回来又打我,可以申请保护令吗',
  '结婚五年,他一直对我动手,我想离开他',
  '以前被老公打到进医院,而家离咗婚,佢仲系搞我',
  // After the fact: injuries, accidents, children, custody.
  '被车撞了对方不赔钱',
  '孩子被欺负了怎么办',
  '上个月被人打伤了,对方不肯赔医药费',
  '我儿子在学校被同学打了,现在学校不处理',
  '我儿子跟人打架被警察带走了 现在还没回家 我们能做什么',
  '上个月被人拿刀架在脖子上抢了钱,现在还能追回来吗',
  '我爸上周从梯子上摔下来头流血,住院了,能算工伤吗',
  '小孩上个月被开水烫伤了,皮都掉了,幼儿园要不要赔',
  '去年工地脚手架塌了下面有人受伤,工伤赔偿怎么算',
  '去年河堤决口淹了我家的田,政府给不给补偿',
  '我出差这几天,麻烦你帮我照顾好孩子',
  '我女儿两岁了还不会说话,正常吗',
  '上次被蛇咬了,医药费单位给不给报',
  '我个仔俾人打亲,对方家长唔肯赔',
  '我儿子现在十六岁,在外面跟人打架被抓了',
  '前夫昨晚在我家门口闹事,我报警了,能不能申请禁止令',
  '前夫把孩子抱走了,现在不让我见',
  '我爸车祸住院,对方保险公司拖着不赔',
  '去年手被机器夹断,工伤怎么赔',
  '我的车被人砸了,玻璃全碎了,现在怎么处理',
  '老婆现在把孩子锁在家里不让我见',
  '儿子带着刀去学校,被老师发现了',
  '老板拖欠工资,我们几个工人堵在工地门口讨薪',
  '现在村里有人拿着锄头在挖我家的地',
  '工厂去年发生火灾,工伤怎么认定',
  '我哋村有人开车撞死咗人,要赔几多钱',
  // Questions and hypotheses.
  '现在打人犯法吗',
  '有人落水的话怎么急救',
  '我想学游泳,不会游泳怎么办',
  '网上有人威胁要曝光我的照片',
  '我老公失踪两年了,法院能判离婚吗',
  '我家孩子走丢过一次,现在想给他买个定位手表',
  // Ordinary words that share a character with danger.
  '我正在打官司',
  '隔壁装修电钻在打墙',
  '家里的落水管漏水',
  '家里煤气费太贵',
  '吸烟区全是烟味',
  '邻居家的树倒了压住我家的围墙',
  '我儿子毕业到现在还没找到工作',
  '儿子到现在还没回我微信',
  '公司倒闭了老板跑了找不到人',
  '客服电话一直打不通',
  '我老公现在有心脏病,能申请低保吗',
  '宝宝吃饭老是卡住喉咙',
  '刚刚被骗了五千块',
  '我在楼下等你',
  '微信头像好看吗',
];

describe('emergencies told indirectly', () => {
  for (const [category, messages] of Object.entries(DANGER)) {
    it.each(messages)(`${category}: %s`, (message) => {
      expect(detect(message)?.category).toBe(category);
    });
  }
});

describe('not an emergency now', () => {
  it.each(NOT_NOW)('%s', (message) => {
    expect(detect(message)).toBeUndefined();
  });
});

describe('emergency replies', () => {
  const FIRST_CALL: Record<string, string> = {
    'self-harm': '120',
    intruder: '110',
    violence: '110',
    threat: '110',
    'fire-gas': '119',
    medical: '120',
    drowning: '110',
    accident: '120',
    'missing-person': '110',
  };

  it('every category has messages in these tests and a first number to call', () => {
    expect(Object.keys(DANGER).sort()).toEqual(knowledge.emergency.categories.map((c) => c.id).sort());
    expect(Object.keys(FIRST_CALL).sort()).toEqual(Object.keys(DANGER).sort());
  });

  it.each(knowledge.emergency.categories.map((c) => [c.id, c.reply] as const))('%s: the number fitting the danger comes first', (id, text) => {
    const reply = createComposer(knowledge).emergency(text);
    expect(reply.kind).toBe('emergency');
    expect(reply.call?.[0]).toBe(FIRST_CALL[id]);
    expect(text.split('\n')[0]).toContain(FIRST_CALL[id]);
  });
});
