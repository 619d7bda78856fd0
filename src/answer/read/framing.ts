/**
 * Openings that say who asks for whom ("我是法律明白人,…", "有村民问:…", "帮邻居问一下…"):
 * what follows is the question. The frame is sometimes the question too ("我是法律明白人,
 * 全区像我这样的有多少人"), so the matcher tries the message both with and without it.
 */
const FRAMING =
  /^(?:我是(?:村里的?|村|社区的?|镇上的?)?(?:法律明白人|网格员|村干部|调解员)|(?:村里|我们村|社区里?)?有(?:个|位|一个|一位)?(?:村民|居民|人|邻居|老人)(?:来)?(?:问|反映|咨询)|(?:帮|替)(?:我)?(?:邻居|村民|朋友|亲戚|家人|老人|别人)问(?:一下|下)?)[\s,.!?:;。,:;]*/u;
/** What must be left after the frame for it to be worth trying alone. */
const MIN_QUESTION = 4;

/** The question without its frame, or undefined when it has none (or little else). */
export function withoutFraming(normalized: string): string | undefined {
  const match = FRAMING.exec(normalized);
  if (!match) return undefined;
  const rest = normalized.slice(match[0].length).trim();
  return rest.length >= MIN_QUESTION ? rest : undefined;
}
