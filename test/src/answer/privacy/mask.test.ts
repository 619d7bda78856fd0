import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { createMasker, maskNumbers, maskPatterns, type Masker } from '../../../../src/answer/privacy/mask.js';
import { KNOWLEDGE_DIR, realEngine } from '../../../doubles/harness.js';

/** The engine's masker: the real lists (knowledge/privacy.yaml) and the default segmenter's tags. */
let maskPersonal: Masker;
beforeAll(async () => {
  maskPersonal = (await realEngine()).engine.mask;
});

describe('mask', () => {
  it('masks mobile numbers, with or without +86 and spaces', () => {
    expect(maskNumbers('打我电话13812345678或+86 139 1234 5678')).toBe('打我电话[手机号]或[手机号]');
  });
  it('masks 18- and 15-digit ID card numbers', () => {
    expect(maskNumbers('身份证44020519900101123X')).toBe('身份证[身份证号]');
    expect(maskNumbers('老身份证440205900101123')).toBe('老身份证[身份证号]');
  });
  it('masks bank card numbers and landlines', () => {
    expect(maskNumbers('卡号6222 0202 0000 1234 567')).toBe('卡号[银行卡号]');
    expect(maskNumbers('座机0751-1234567')).toBe('座机[电话]');
  });
  it('keeps hotlines, years and amounts', () => {
    expect(maskNumbers('打12348,2023年欠了2747.97万元')).toBe('打12348,2023年欠了2747.97万元');
  });
  it('masks a name given after 我叫 / 我是', () => {
    expect(maskPersonal('我叫张三,老板欠我钱')).toBe('我叫[姓名],老板欠我钱');
    expect(maskPersonal('我是王小明,老板欠我钱')).toBe('我是[姓名],老板欠我钱');
    expect(maskPersonal('你好我是陈丽')).toBe('你好我是[姓名]');
  });
  it('keeps what people say they are: 我是低保户, 我是外地人, 我是王村的', () => {
    for (const text of ['我是低保户能不能申请法律援助', '我是外地人,在曲江打工', '我是王村的,宅基地被占了', '我是法律明白人']) {
      expect(maskPersonal(text)).toBe(text);
    }
  });
});

describe('masking without a knowledge base or without a tagger', () => {
  it('before a knowledge base is loaded, log lines lose numbers, e-mail and ids of fixed shape', () => {
    expect(maskPatterns('电话13812345678,粤F12345,wxid_abc12345,(2024)粤0205民初123号,a@b.cn')).toBe('电话[手机号],[车牌],[微信号],[案号],[邮箱]');
    expect(maskPatterns('plain ascii')).toBe('plain ascii');
  });
  it('without a tagger, names are still found after cue words, and no surname alone is taken for one', () => {
    const { privacy } = loadKnowledge(KNOWLEDGE_DIR);
    const mask = createMasker(privacy);
    expect(mask('我叫张三,老板欠我钱')).toBe('我叫[姓名],老板欠我钱');
    expect(mask('我老婆叫黄丽丽,她')).toBe('我老婆叫[姓名],她');
    expect(mask('王法何在,黄金周去马坝')).toBe('王法何在,黄金周去马坝');
    expect(mask('住在石堡村三组,微信号 zhang_wei88')).toBe('住在[地址],微信号 [微信号]');
  });
});

describe('mask: as people really type it', () => {
  it('phones in full width, with spaces or dashes, and in Chinese numerals', () => {
    expect(maskNumbers('电话１３８１２３４５６７８')).toBe('电话[手机号]');
    expect(maskNumbers('电话 138 1234 5678 / 138-1234-5678 / １３８－１２３４－５６７８')).toBe('电话 [手机号] / [手机号] / [手机号]');
    expect(maskNumbers('电话一三八一二三四五六七八,或 幺三八 一二三四 五六七八')).toBe('电话[手机号],或 [手机号]');
    expect(maskNumbers('座机(0751)8888888')).toBe('座机[电话]');
    expect(maskNumbers('两个电话13812345678 13987654321')).toBe('两个电话[手机号] [手机号]');
  });
  it('ID numbers with spaces, and e-mail addresses', () => {
    expect(maskNumbers('身份证 4402 0519 9001 0112 3X')).toBe('身份证 [身份证号]');
    expect(maskNumbers('身份证440205 19900101 123x')).toBe('身份证[身份证号]');
    expect(maskNumbers('邮箱 zhang.wei@example.com,QQ邮箱12345678@qq.com')).toBe('邮箱 [邮箱],QQ邮箱[邮箱]');
  });
  it('street addresses, not the words before them', () => {
    expect(maskPersonal('我住在人民路88号')).toBe('我住在[地址]');
    expect(maskPersonal('我家在曲江区马坝镇南华街12号3栋201房,漏水')).toBe('我家在曲江区马坝镇[地址],漏水');
    expect(maskPersonal('下个月3号开庭')).toBe('下个月3号开庭');
  });
  it('names: after 我叫 with a space, 我姓张名伟, a family member\'s', () => {
    expect(maskPersonal('我叫 张伟,想问')).toBe('我叫[姓名],想问');
    expect(maskPersonal('我姓张名伟')).toBe('我姓[姓名]');
    expect(maskPersonal('我老婆叫黄丽丽,她')).toBe('我老婆叫[姓名],她');
    expect(maskPersonal('老板的名字叫王大明')).toBe('老板的名字叫[姓名]');
  });
  it('keeps what a message means: numbers that are no personal data, 叫 as a verb', () => {
    expect(maskPersonal('老公叫人打我')).toBe('老公叫人打我');
    expect(maskPersonal('一二三四五六七')).toBe('一二三四五六七');
    expect(maskPersonal('2023年办了1,234件,占比12.5%,打12348')).toBe('2023年办了1,234件,占比12.5%,打12348');
  });
  it('stays fast on 100,000 characters of digits, letters and @', () => {
    const started = performance.now();
    maskPersonal(`${'1 '.repeat(30_000)}${'a'.repeat(20_000)}@${'b'.repeat(20_000)}${'路'.repeat(10_000)}`);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
  it('stays fast on 100,000 characters of cue words, surnames, villages and dates', () => {
    for (const unit of ['我叫', '张', '村', '小区', '1985年3月', '老公叫王']) {
      const started = performance.now();
      maskPersonal(unit.repeat(Math.ceil(100_000 / unit.length)));
      expect(performance.now() - started, unit).toBeLessThan(3_000);
    }
  });

  it('leaves ASCII without digits or "@" as it is, and still masks what has them', () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ascii = [...Array(128).keys()].map((c) => String.fromCharCode(c)).filter((c) => !/[0-9@]/.test(c));
    for (let n = 0; n < 2_000; n += 1) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => ascii[Math.floor(next() * ascii.length)]).join('');
      expect(maskPersonal(text)).toBe(text);
      expect(maskNumbers(text)).toBe(text);
    }
    expect(maskPersonal('answer legal-aid.where')).toBe('answer legal-aid.where');
    expect(maskPersonal('call 13812345678')).toBe('call [手机号]');
    expect(maskPersonal('mail a.b@example.com')).toBe('mail [邮箱]');
  });
});
