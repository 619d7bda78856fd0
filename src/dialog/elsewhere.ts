/**
 * Spots questions about an office of another district or city ("乐昌市公证处在哪"): the
 * knowledge base knows only its own district's offices, so it must not answer with them.
 */

/** A place name as jieba keeps it whole: 武江区, 乐昌市, 翁源县. */
const PLACE = /^[\u4e00-\u9fa5]{2,4}(?:区|市|县)$/u;
const OFFICE = /^的?(?:政务|公证|司法|法院|中院|法律援助|法援|人社|劳动|仲裁|信访|派出所|公安|检察院|律师|行政服务)/u;

/**
 * Builds the test from the places the knowledge base serves (meta.yaml `homePlaces`) and
 * the segmenter's precise cut, so "跑区法院" (our district court) is not read as a place.
 */
export function createElsewhereTest(
  homePlaces: readonly string[],
  cut: (text: string) => string[],
): (normalized: string) => string | undefined {
  const home = new Set(homePlaces);
  return (normalized) => {
    if (!/[区市县]/u.test(normalized)) return undefined;
    const words = cut(normalized);
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i] ?? '';
      if (!PLACE.test(word) || home.has(word)) continue;
      if (OFFICE.test(words.slice(i + 1, i + 4).join(''))) return word;
    }
    return undefined;
  };
}
