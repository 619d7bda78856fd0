import { describe, expect, it } from 'vitest';
import { createTermCorrector } from '../../../../src/answer/read/correct-terms.js';

const correct = createTermCorrector(['法律援助', '行政复议', '劳动仲裁', '公证', '网上巡回法庭']);

describe('term corrector', () => {
  it('replaces pinyin homophones of domain terms', () => {
    expect(correct('法律原助在哪里').text).toBe('法律援助在哪里');
    expect(correct('行政复意怎么申请').text).toBe('行政复议怎么申请');
    expect(correct('劳动重裁').corrections).toEqual([{ from: '劳动重裁', to: '劳动仲裁' }]);
  });
  it('replaces a long term with one wrong character', () => {
    expect(correct('网上巡回法院有吗').text).toBe('网上巡回法庭有吗');
  });
  it('leaves correct text and unrelated words alone', () => {
    expect(correct('法律援助在哪里')).toEqual({ text: '法律援助在哪里', corrections: [] });
    expect(correct('今天天气怎么样').corrections).toEqual([]);
  });
  it('keeps a word in its own right that sounds like a term', () => {
    const withWords = createTermCorrector(['法援'], { isWord: (word) => word === '法院' });
    expect(withWords('纠纷想找法院调解').corrections).toEqual([]);
    expect(createTermCorrector(['法援'])('纠纷想找法院调解').text).toBe('纠纷想找法援调解');
  });
  it('corrects a two-character window only where it stands as a word of its own', () => {
    const cut = (text: string) => (text === '要跑去市里' ? ['要', '跑', '去', '市里'] : text === '怎么陪偿' ? ['怎么', '陪偿'] : [...text]);
    const withCut = createTermCorrector(['去世', '赔偿'], { cut });
    expect(withCut('要跑去市里').corrections).toEqual([]);
    expect(withCut('怎么陪偿').text).toBe('怎么赔偿');
    expect(createTermCorrector(['去世'])('要跑去市里').text).toBe('要跑去世里');
  });
});
