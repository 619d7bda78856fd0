import { describe, expect, it } from 'vitest';
import { createGreetingStripper, createGreetingTest, createPhraseTest, parsePick } from '../../../../src/answer/dialog/intents.js';

describe('parsePick', () => {
  it('reads bare and wrapped numbers', () => {
    expect(parsePick('2')).toBe(2);
    expect(parsePick('第二个')).toBe(2);
    expect(parsePick('选3')).toBe(3);
    expect(parsePick('1。')).toBe(1);
  });
  it('reads Chinese numerals up to 99', () => {
    expect(parsePick('十')).toBe(10);
    expect(parsePick('第十五个')).toBe(15);
    expect(parsePick('二十')).toBe(20);
    expect(parsePick('选二十三')).toBe(23);
    expect(parsePick('两')).toBe(2);
    expect(parsePick('二二')).toBeUndefined();
    expect(parsePick('第个')).toBeUndefined();
  });
  it('ignores numbers inside questions and hotlines', () => {
    expect(parsePick('12348是什么')).toBeUndefined();
    expect(parsePick('工资拖欠2个月')).toBeUndefined();
  });
});

describe('greetings', () => {
  const isGreeting = createGreetingTest(['你好', '菜单', 'start', 'hi']);
  const strip = createGreetingStripper(['你好', '菜单', 'start', 'hi']);
  it('recognizes a message that is only a greeting or a menu command', () => {
    expect(isGreeting('你好啊!')).toBe(true);
    expect(isGreeting('/start')).toBe(true);
    expect(isGreeting('菜单')).toBe(true);
    expect(isGreeting('你好,法律援助在哪里')).toBe(false);
  });
  it('strips a leading greeting before the question', () => {
    expect(strip('你好,请问法律援助在哪里')).toBe('法律援助在哪里');
  });
});

describe('a phrase somewhere in a short message', () => {
  const asksForPerson = createPhraseTest(['转人工', '不要机器人'], 12);
  it('is found wherever it stands, punctuation and spaces aside', () => {
    expect(asksForPerson('算了说不清,转人工')).toBe(true);
    expect(asksForPerson('我 不要机器人 了')).toBe(true);
  });
  it('not in a longer message, nor when absent, nor with no phrases', () => {
    expect(asksForPerson('你们这个转人工按钮是怎么用的为什么一直没有人回复我')).toBe(false);
    expect(asksForPerson('法律援助在哪里')).toBe(false);
    expect(createPhraseTest([], 12)('转人工')).toBe(false);
  });
});
