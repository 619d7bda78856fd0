/**
 * Homes below the town level, by their shape: a street and house number, a village group
 * (石堡村三组, 王屋村民小组), a house number in a village, a building, unit and room, a
 * 门牌. Towns, offices and a village named alone ("我是王村的", "去石堡村委会") stay readable.
 * Housing estates need the words around them: see estates.ts.
 */
import type { PrivacyRules } from '../knowledge/privacy-schema.js';
import { alternation } from './id-patterns.js';

const HAN = '\\u4e00-\\u9fa5';
const NUM = '0-9一二三四五六七八九十百零〇';

/** A building with its unit or room: 3栋2单元501, 5幢1202房, 2号楼301, B座1801, 2单元302室, 501房. */
const ROOMS = new RegExp(
  [
    `[0-9A-Za-z${NUM}]{1,4}\\s*(?:号楼|栋|幢|座|号)\\s*[0-9${NUM}]{1,3}\\s*单元\\s*(?:[0-9]{2,5}\\s*(?:室|房|号)?)?`,
    `[0-9A-Za-z]{1,4}\\s*(?:号楼|栋|幢|座)\\s*[0-9]{3,5}\\s*(?:室|房|号)?`,
    `(?<![0-9])[0-9${NUM}]{1,2}\\s*单元\\s*[0-9]{2,5}\\s*(?:室|房|号)?`,
    `(?<![0-9A-Za-z])[0-9]{3,5}\\s*(?:室|房)(?![子间产屋租东客价款])`,
    `(?<=门牌(?:号码|号)?\\s*(?:是|为|:)?\\s*)[0-9A-Za-z${NUM}-]{1,8}\\s*号?`,
  ].join('|'),
  'g',
);

/** …路/街/巷 + a house number + 号, with building, unit and room; not the words before the road name. */
function streetPattern(name: string): RegExp {
  return new RegExp(
    `${name}(?:大道|大街|胡同|路|街|巷|弄)\\s*[${NUM}]{1,6}(?:-[0-9]{1,4})?\\s*号(?:之[${NUM}]{1,3})?` +
      `(?:\\s*[0-9A-Za-z${NUM}-]{1,6}\\s*(?:号楼|栋|幢|座|单元|楼|层|室|房)){0,4}`,
    'g',
  );
}

/** Village groups (石堡村三组, 王屋村民小组) and house numbers in a village (石堡村38号). */
function villagePatterns(places: PrivacyRules['places'], before: string): RegExp[] {
  const name = `(?:(?![${before}])[${HAN}]){1,5}`;
  const group = `(?:第?[${NUM}]{1,3}|(?:(?![${before}委])[${HAN}]){1,3})`;
  // 村民小组 follows the village name itself; a short unit (组, 队, 社) only a group's name.
  const units = places.villageUnits.map((unit) => (unit.startsWith('村') ? unit.slice(1) : unit));
  const long = alternation(units.filter((unit) => unit.length > 1));
  const short = alternation(units.filter((unit) => unit.length === 1));
  const unit = `(?:${group}?(?:${long || '(?!)'})|${group}(?:${short || '(?!)'}))`;
  return [
    new RegExp(`${name}村(?!委|民委员会)${unit}(?:\\s*[${NUM}]{1,4}\\s*号)?`, 'g'),
    new RegExp(`${name}(?:村|屯|寨|围)\\s*[0-9]{1,4}\\s*号(?!楼)`, 'g'),
  ];
}

/** Builds the masker of homes of fixed shape. */
export function createPlaceMasker(places: PrivacyRules['places']): (text: string) => string {
  // Characters a place name does not hold, as a character class.
  const before = places.beforePlaces.join('').replace(/[\]\\^-]/g, '');
  const street = streetPattern(`(?:(?![${before}])[${HAN}]){0,6}`);
  const villages = villagePatterns(places, before);
  return (text) => {
    let masked = text;
    if (masked.includes('号')) masked = masked.replace(street, '[地址]');
    if (masked.includes('村')) for (const pattern of villages) masked = masked.replace(pattern, '[地址]');
    return masked.replace(ROOMS, '[地址]');
  };
}
