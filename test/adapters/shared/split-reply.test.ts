import { describe, expect, it } from 'vitest';
import { splitReply } from '../../../adapters/shared/split-reply.js';

describe('splitReply', () => {
  it('keeps a reply that fits whole (trimmed), and sends nothing for a blank one', () => {
    expect(splitReply('  你好  ', { max: 10 })).toEqual(['你好']);
    expect(splitReply(' \n ', { max: 10 })).toEqual([]);
  });

  it('cuts between lines first, then after a sentence, then after a clause, else hard', () => {
    const lines = ['a'.repeat(6), 'b'.repeat(6), '', 'c'.repeat(6)];
    expect(splitReply(lines.join('\n'), { max: 14 })).toEqual(['aaaaaa\nbbbbbb', 'cccccc']);
    expect(splitReply('一二三四五,六七八九十', { max: 8 })).toEqual(['一二三四五,', '六七八九十']);
    expect(splitReply('一二,三四。五六七八九十', { max: 8 })).toEqual(['一二,三四。', '五六七八九十']);
    expect(splitReply('法'.repeat(25), { max: 10 })).toEqual(['法'.repeat(10), '法'.repeat(10), '法'.repeat(5)]);
  });

  it('counts characters as people see them, or UTF-16 units as Telegram does, never halving an emoji', () => {
    const text = `${'x'.repeat(6)}😀y`; // 8 characters, 9 UTF-16 units
    expect(splitReply(text, { max: 8 })).toEqual([text]);
    expect(splitReply(text, { max: 8, unit: 'utf16' })).toEqual([`${'x'.repeat(6)}😀`, 'y']);
    expect(splitReply(`x${text}`, { max: 8, unit: 'utf16' })).toEqual(['x'.repeat(7), '😀y']);
    expect(splitReply('😀'.repeat(5), { max: 4, unit: 'utf16' })).toEqual(['😀😀', '😀😀', '😀']);
  });

  it('numbers the parts within the limit, the prefix included, and loses no text', () => {
    const text = ['【劳动报酬】', '用人单位应当按时足额支付工资。'.repeat(12), '来源:劳动合同法第三十条'].join('\n');
    const parts = splitReply(text, { max: 60, numbered: true });
    expect(parts.length).toBeGreaterThan(2);
    parts.forEach((part, index) => {
      expect(part.startsWith(`(${index + 1}/${parts.length}) `)).toBe(true);
      expect(Array.from(part).length).toBeLessThanOrEqual(60);
    });
    const rejoined = parts.map((part) => part.replace(/^\(\d+\/\d+\) /, '')).join('');
    expect(rejoined.replace(/\n/g, '')).toBe(text.replace(/\n/g, ''));
    expect(parts[0]).toContain('【劳动报酬】\n');
  });
});
