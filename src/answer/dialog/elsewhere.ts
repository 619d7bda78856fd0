/**
 * Spots questions about an office of another district, city or province ("乐昌市公证处在哪"): the
 * knowledge base knows only its own district's offices, so it must not answer with them.
 */

/** A place name as jieba keeps it whole: 武江区, 乐昌市, 翁源县. */
const PLACE = /^[\u4e00-\u9fa5]{2,4}(?:区|市|县)$/u;
/** Provinces and regions, named without 省 as people do ("湖南那边的法援"). */
const PROVINCES = new Set(
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门'.split(' '),
);
/** Most messages name no place at all: one test says so before any segmenting. */
const MAY_NAME_A_PLACE = new RegExp(`[区市县]|${[...PROVINCES].join('|')}`, 'u');
const isPlace = (word: string) => PLACE.test(word) || PROVINCES.has(word) || PROVINCES.has(word.replace(/省$/u, ''));
const OFFICES = '政务|公证|司法|法院|中院|法律援助|法援|人社|劳动|仲裁|信访|派出所|公安|检察院|律师|行政服务|公共法律服务|法律服务|人民调解|调解委员会|调委会|行政复议|复议';
/** An office right after the place ("乐昌市公证处"). */
const OFFICE = new RegExp(`^的?(?:${OFFICES})`, 'u');
/** An office a few words on ("翁源县有几间律师事务所"): only where the message names none of our places. */
const OFFICE_NEAR = new RegExp(`(?:${OFFICES})`, 'u');

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
    if (!MAY_NAME_A_PLACE.test(normalized)) return undefined;
    const words = cut(normalized);
    // "我住武江区,想在曲江申请法律援助" asks about our office: a place of ours keeps the question here.
    const ours = words.some((word) => home.has(word));
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i] ?? '';
      // "湖南人" is where someone is from, not the office asked about.
      if (!isPlace(word) || home.has(word) || words[i + 1] === '人') continue;
      if (OFFICE.test(words.slice(i + 1, i + 4).join(''))) return word;
      if (!ours && OFFICE_NEAR.test(words.slice(i + 1, i + 5).join(''))) return word;
    }
    return undefined;
  };
}
