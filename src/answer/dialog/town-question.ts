/**
 * "我在樟市镇,去哪里": a question asking where to go in one of the district's towns, told apart
 * from a question that names a town while telling its matter ("我在樟市镇,工资被拖欠…"), which
 * goes to the matcher. The words and the limit are data (local-facts.yaml).
 */
import { registerTowns, type LocalFacts } from '../knowledge/local-facts.js';

/** The town asked about, when `question` asks where to go there; undefined otherwise. */
export function townAsked(question: string, register: LocalFacts): string | undefined {
  const towns = registerTowns(register);
  const bare = (town: string) => town.replace(/(镇|街道)$/u, '');
  const town = towns.find((name) => question.includes(bare(name)));
  if (!town) return undefined;
  if (!register.askWhere.some((cue) => question.includes(cue))) return undefined;
  let rest = question;
  // Longest first: 去哪里 goes before 去哪, 樟市镇 before 樟市.
  for (const word of [...towns, ...towns.map(bare), ...register.askWhere].sort((a, b) => b.length - a.length)) {
    rest = rest.split(word).join(' ');
  }
  const others = rest.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return others <= register.maxOtherChars ? town : undefined;
}
