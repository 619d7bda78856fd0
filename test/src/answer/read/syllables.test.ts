import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { syllables } from '../../../../src/answer/read/syllables.js';

/** How the corrector read a character before the table: pinyin-pro on the character alone. */
const reference = (ch: string) => pinyin(ch, { toneType: 'none', type: 'array', v: true })[0] ?? ch;

describe('syllable table', () => {
  it('reads every character of U+3400–U+9FFF as pinyin-pro does (run scripts/make-syllable-table.mjs after an upgrade)', () => {
    const text = Array.from({ length: 0x9fff - 0x3400 + 1 }, (_, i) => String.fromCharCode(0x3400 + i)).join('');
    const got = syllables(text);
    const wrong = [...text].filter((ch, i) => got[i] !== reference(ch));
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('reads words character by character, ü as v, and leaves other characters as they are', () => {
    expect(syllables('法律援助')).toEqual(['fa', 'lv', 'yuan', 'zhu']);
    expect(syllables('行政复议')).toEqual(syllables('行政复意'));
    expect(syllables('a法1')).toEqual(['a', 'fa', '1']);
  });
});
