import { describe, expect, it } from 'vitest';
import { createNormalizer } from '../../../../src/answer/read/normalize.js';

const normalize = createNormalizer(
  new Map([
    ['揾', '找'],
    ['边度', '哪里'],
    ['人工', '工资'],
    ['老细', '老板'],
    ['点算', '怎么办'],
  ]),
);

describe('normalize', () => {
  it('turns full-width letters, digits and punctuation half-width', () => {
    expect(normalize('ＡＢＣ１２３４８？')).toBe('abc12348?');
  });
  it('converts traditional characters to simplified', () => {
    expect(normalize('法律援助點樣申請')).toBe('法律援助点样申请');
  });
  it('removes emoji and collapses repeated punctuation', () => {
    expect(normalize('工资😭😭被拖欠了？？？！！')).toBe('工资被拖欠了!');
  });
  it('removes spaces inside Chinese but keeps them between Latin words', () => {
    expect(normalize('法 律  援 助 hello world')).toBe('法律援助 hello world');
  });
  it('maps Cantonese and colloquial forms, longest first, after simplification', () => {
    expect(normalize('老細唔俾人工點算')).toBe('老板唔俾工资怎么办');
    expect(normalize('去邊度揾律師')).toBe('去哪里找律师');
  });
  it('returns empty for emoji only', () => {
    expect(normalize('🙏🙏🙏')).toBe('');
  });
});
