/**
 * Spots questions about an office of another district or city ("乐昌市公证处在哪"): the
 * knowledge base knows only its own district's offices, so it must not answer with them.
 */

const PLACE_THEN_OFFICE =
  /([\u4e00-\u9fa5]{1,3}(?:区|市|县))的?(?=政务|公证|司法|法院|中院|法律援助|法援|人社|劳动|仲裁|信访|派出所|公安|检察院|律师|行政服务)/gu;

/** Builds the test from the places the knowledge base serves (meta.yaml `homePlaces`). */
export function createElsewhereTest(homePlaces: readonly string[]): (normalized: string) => string | undefined {
  const home = new Set(homePlaces);
  return (normalized) => {
    for (const match of normalized.matchAll(PLACE_THEN_OFFICE)) {
      const place = match[1] ?? '';
      // "去武江区" also ends in 区: the place is any suffix of the match that is not ours.
      const isHome = [...home].some((name) => place.endsWith(name));
      if (!isHome) return place;
    }
    return undefined;
  };
}
