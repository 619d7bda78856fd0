/**
 * Schema of knowledge/privacy.yaml: the word lists masking reads (src/answer/privacy). Kept in the
 * knowledge folder's code so that a change to it invalidates the knowledge snapshot too.
 */
import { z } from 'zod';

/** A word of a list: no spaces, lowercase when it has Latin letters (masking lowercases them). */
const word = z
  .string()
  .trim()
  .min(1)
  .regex(/^[^\s]+$/, '词里不能有空格')
  .refine((text) => text === text.toLowerCase(), '拉丁字母要写小写(遮盖时不分大小写)');
const han = z.string().regex(/^[\u4e00-\u9fa5]+$/, '只能写汉字');

/** A list of distinct words, at least `min`. */
function list<T extends z.ZodType<string>>(item: T, min = 1) {
  return z
    .array(item)
    .min(min, `至少要有 ${min} 个词`)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      for (const [index, item] of items.entries()) {
        if (seen.has(item)) ctx.addIssue({ code: 'custom', path: [index], message: `“${item}”重复了` });
        seen.add(item);
      }
    });
}

export const PrivacySchema = z.strictObject({
  names: z.strictObject({
    /** Single-character surnames: without a cue word only a word starting with one is taken for a name. */
    surnames: list(han.length(1, '单姓只写一个字'), 20),
    compoundSurnames: list(han.length(2, '复姓写两个字')),
    /** Followed by the speaker's own name, whatever its surname: 我叫, 我的名字是. */
    selfCues: list(word),
    /** Followed by a surname, then maybe 名 or 叫 and the given name: 我姓. */
    surnameCues: list(word),
    /** Followed by a name only when the clause ends there: 我是张伟, (not 我是低保户). */
    isCues: list(word),
    /** People a resident names (老公, 房东, 对方): a surname right after, or after a linking word, starts a name. */
    relations: list(word),
    /** Naming words: a surname right after one starts a name (叫李春花). */
    nameVerbs: list(word),
    /** Between a relation and the name: 叫, 的名字是. */
    linking: list(word),
    /** After a surname, a form of address, not a given name: 张律师, 王总, 梁生, 李某. */
    titles: list(han),
    /** Before a surname, a character that makes it a measure word: 这张, 一张, 个孙. */
    notBeforeNames: list(han.length(1, '每项只写一个字')),
    /** Characters that end a given name: function words (的, 说, 不…). */
    notInNames: list(han.length(1, '每项只写一个字')),
    /** Words the dictionary tags as names that are common words or nobody: 王法, 黄金周, 张三李四. */
    notNames: list(han),
  }),
  places: z.strictObject({
    /** Places that stay readable besides meta.yaml homePlaces and the domain words: routing needs them. */
    readable: list(han),
    /** Offices: a word before one is an office's name (罗坑派出所, 石堡村委会), never a person or a home. */
    offices: list(han),
    /** Last characters of place names: a word ending in one, or followed by one, is no person. */
    suffixes: list(han.length(1, '每项只写一个字')),
    /** Characters that end the words before a place name (在, 住, 是, 镇): no village name holds one. */
    beforePlaces: list(han.length(1, '每项只写一个字')),
    /** Units below a village (X村Y组): the whole X村Y组 is masked. */
    villageUnits: list(han),
    /** Endings of a housing estate's name (碧水小区, 华景花园). */
    estateSuffixes: list(han),
    /** Words before an estate ending that are no name: 我们小区, 老旧小区. */
    notEstateNames: list(han),
  }),
  ids: z.strictObject({
    /** Before a WeChat id: 微信号, vx. */
    wechatCues: list(word),
    /** Before a QQ number: qq, 扣扣. */
    qqCues: list(word),
    /** Before a passport or travel permit number: 护照号, 通行证. */
    passportCues: list(word),
    /** Before a birth date: 出生于, 生日是. */
    birthCues: list(word),
    /** After a birth date: 1985年3月2日出生. */
    bornAfter: list(word),
  }),
});

export type PrivacyRules = z.infer<typeof PrivacySchema>;
