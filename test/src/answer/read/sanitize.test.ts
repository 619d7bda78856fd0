import { describe, expect, it } from 'vitest';
import { sanitize, truncate } from '../../../../src/answer/read/sanitize.js';

describe('sanitize', () => {
  it('removes control characters, zero-width marks and broken surrogates', () => {
    expect(sanitize('\u0000法律\u200B援助\u0007\uD800吗\uFFFD')).toBe('法律援助 吗');
  });
  it('keeps whole emoji (surrogate pairs) for later steps', () => {
    expect(sanitize('你好😀')).toBe('你好😀');
  });
  it('trims to empty for whitespace only', () => {
    expect(sanitize(' \n\t ')).toBe('');
  });
});

describe('truncate', () => {
  it('cuts by code points, never inside an emoji', () => {
    const { text, truncated } = truncate('ab😀cd', 3);
    expect(text).toBe('ab😀');
    expect(truncated).toBe(true);
  });
  it('leaves short text alone', () => {
    expect(truncate('短', 10)).toEqual({ text: '短', truncated: false });
  });
});
