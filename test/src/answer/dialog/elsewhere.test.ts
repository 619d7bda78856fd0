import { describe, expect, it } from 'vitest';
import { createElsewhereTest } from '../../../../src/answer/dialog/elsewhere.js';
import { createSegmenter } from '../../../../src/answer/read/segment/segmenter.js';

const segmenter = await createSegmenter('node-rs-jieba', []);
const elsewhere = createElsewhereTest(['曲江区', '韶关市', '曲江'], (text) => segmenter.cut(text));

describe('elsewhere', () => {
  it('spots an office of another district or city', () => {
    expect(elsewhere('武江区政务服务中心地址是什么')).toBe('武江区');
    expect(elsewhere('去乐昌市的公证处怎么走')).toBe('乐昌市');
    expect(elsewhere('南雄市人民调解委员会在哪')).toBe('南雄市');
    expect(elsewhere('始兴县哪里有律师事务所')).toBe('始兴县');
    expect(elsewhere('四川那边的法律援助中心怎么联系')).toBe('四川');
  });
  it('leaves where someone is from alone', () => {
    expect(elsewhere('我是四川人,想申请法律援助')).toBeUndefined();
  });
  it('keeps a question that names one of our places too', () => {
    expect(elsewhere('我住南雄市,想在曲江找律师事务所')).toBeUndefined();
  });
  it('leaves our own places, "区法院" and plain mentions of other places alone', () => {
    expect(elsewhere('曲江区法院在哪里')).toBeUndefined();
    expect(elsewhere('不想跑区法院,网上巡回法庭能办什么')).toBeUndefined();
    expect(elsewhere('韶关市中院的案子能申请法律援助吗')).toBeUndefined();
    expect(elsewhere('我在广州市打工,工资被拖欠了')).toBeUndefined();
  });
});
