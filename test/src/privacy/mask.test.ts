import { describe, expect, it } from 'vitest';
import { maskNumbers, maskPersonal } from '../../../src/privacy/mask.js';

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
  });
});

describe('stripPersonal', () => {
  it('drops personal numbers and names so they do not disturb matching', async () => {
    const { stripPersonal } = await import('../../../src/privacy/mask.js');
    expect(stripPersonal('我叫张三,电话13812345678,工资被拖欠').replace(/\s/g, '')).toBe('我叫,电话,工资被拖欠');
  });
});
