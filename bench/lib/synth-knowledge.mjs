/**
 * Synthetic knowledge bases of N entries, grown from the real ones the way a bigger base
 * would grow: every generated entry is a real entry localized to a village of its own in
 * one of Qujiang's towns, its sample questions reworded (several phrasings, aspect words),
 * so each entry brings new words (the village) besides the shared ones. Everything else
 * (topics, aspects, lexicon, sources) is copied, and the result passes the loader's checks:
 * unique ids, unique questions, every topic has entries, report quotes verbatim in sources/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';

const TOWNS = [
  ['马坝', 'maba'], ['大塘', 'datang'], ['樟市', 'zhangshi'], ['沙溪', 'shaxi'], ['白土', 'baitu'],
  ['枫湾', 'fengwan'], ['乌石', 'wushi'], ['小坑', 'xiaokeng'], ['罗坑', 'luokeng'],
];
/** Characters common in Guangdong village names; two of them make a village. */
const PLACE_CHARS = [...'石新上下黄龙水东西南北大高江河岭坑塘田陂坝洞围楼溪竹松桥湖山林桂花莲荷梅兰凤鹤马牛羊狮虎金银铜铁长平安和福禄寿康宁兴旺隆昌盛富贵清泉沙洲湾岗坪埔径岩寨屋庄园营铺圳涌沥尾头背面口角心中前后里外白红青蓝古老'];
/** About 1.6 KB an entry in block YAML: 200 a file stays well under the 512 KB per-file limit. */
const ENTRIES_PER_FILE = 200;
/**
 * The loader's limits for a synthetic base: the per-file and file-count limits as shipped, the
 * total raised (10,000 entries are about 16 MB, over the shipped 2 MB).
 */
export const SYNTHETIC_LIMITS = { maxFileBytes: 512 * 1024, maxTotalBytes: 64 * 1024 * 1024, maxEntryFiles: 500 };

const WORDINGS = [
  (p, q) => `${p.town}${p.village}村${q}`,
  (p, q) => `我是${p.town}镇${p.village}村的,${q}`,
  (p, q) => `请问${p.village}村这边${q}`,
  (p, q) => `${q},我在${p.town}${p.village}村`,
  (p, q) => `帮${p.village}村的老人问一下,${q}`,
  (p, q) => `${p.town}镇${p.village}村${p.aspect}:${q}`,
];

/** The k-th village: a distinct pair of place characters, in one of the towns. */
function place(k, aspect) {
  const n = PLACE_CHARS.length;
  const [town, slug] = TOWNS[k % TOWNS.length];
  return { town, slug, village: `${PLACE_CHARS[k % n]}${PLACE_CHARS[Math.floor(k / n) % n]}`, aspect };
}

/** Writes a knowledge dir of `total` entries (the real ones first) and returns its path. */
export function writeSyntheticKnowledge(knowledge, total, into = fs.mkdtempSync(path.join(os.tmpdir(), 'qlb-bench-'))) {
  const dir = path.join(fs.realpathSync(into), `kb-${total}`);
  // Copy files, never links: writing through a copied symlink would land in the real knowledge base.
  fs.cpSync(fs.realpathSync(knowledge.dir), dir, { recursive: true, dereference: true, errorOnExist: true, force: false });
  const entriesDir = fs.realpathSync(path.join(dir, 'entries'));
  if (!entriesDir.startsWith(`${fs.realpathSync(into)}${path.sep}`)) throw new Error(`refusing to write outside ${into}: ${entriesDir}`);
  const real = knowledge.entries;
  const aspectTitle = new Map(knowledge.aspects.map((a) => [a.id, a.title]));
  const made = [];
  for (let k = 0; k < total - real.length; k += 1) {
    const t = real[k % real.length];
    const p = place(k, aspectTitle.get(t.aspect));
    const count = 6 + (k % 3);
    const questions = Array.from({ length: Math.min(count, t.questions.length) }, (_, i) =>
      WORDINGS[(k + i) % WORDINGS.length](p, t.questions[(k + i) % t.questions.length]),
    );
    made.push({
      id: `${t.id}.${p.slug}-${k}`,
      topic: t.topic,
      aspect: t.aspect,
      // Title and answer as the real entry's: the honesty check (issue 25) refuses a place name an
      // answer's sources do not give; the village is in the questions and keywords, where the
      // matcher meets it.
      title: t.title,
      questions,
      keywords: [...t.keywords, `${p.village}村`],
      answer: t.answer,
      source: t.source,
      related: t.related,
    });
  }
  // Block YAML like the real files, a few hundred entries a file (a staff team splitting a big
  // base by area), each file under the loader's per-file limit.
  for (let i = 0; i < made.length; i += ENTRIES_PER_FILE) {
    const file = path.join(entriesDir, `synthetic-${String(i / ENTRIES_PER_FILE).padStart(3, '0')}.yaml`);
    fs.writeFileSync(file, YAML.stringify(made.slice(i, i + ENTRIES_PER_FILE), { lineWidth: 0 }), { flag: 'wx' });
  }
  return dir;
}
