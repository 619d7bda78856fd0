import { Converter } from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { createToSimplified } from '../../../../src/answer/read/to-simplified.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const opencc = Converter({ from: 'hk', to: 'cn' });
const toSimplified = createToSimplified();

describe('traditional to simplified', () => {
  it('gives opencc’s output for every character of the basic plane', () => {
    for (let point = 0; point < 0x10000; point += 1) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const ch = String.fromCharCode(point);
      expect(toSimplified(ch), `U+${point.toString(16)}`).toBe(opencc(ch));
    }
  });

  it('gives opencc’s output for phrases, mixed text and the whole knowledge base', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    const texts = [
      '請問法律援助喺邊度申請?',
      '乾淨的衣服,乾隆年間',
      '我個仔俾人打親,點算好',
      '離婚後小朋友嘅撫養權',
      '🙂 emoji 與 𠮷野家',
      ...knowledge.entries.flatMap((entry) => [entry.title, entry.answer, ...entry.questions, ...entry.keywords]),
    ];
    for (const text of texts) expect(toSimplified(text), text).toBe(opencc(text));
  });

  it('converts random mixes of traditional and simplified characters like opencc', () => {
    const pool = [...'這裡個們來說會時對學國過後們還經發點當應際問體長開關門見現實機麼樣請讓說話乾淨隆著名幹部头发髮鬥争里面裏麵面条餘余的了在是我有他这中大为上'];
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 3000; n += 1) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]).join('');
      expect(toSimplified(text), text).toBe(opencc(text));
    }
  });
});
