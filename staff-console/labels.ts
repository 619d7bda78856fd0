/** Chinese names of reply kinds, as the console shows them beside the code. */
export const KIND_NAMES: Record<string, string> = {
  answer: '回答',
  clarify: '追问',
  fallback: '未答出',
  menu: '菜单',
  emergency: '紧急',
  feedback: '评价',
  smalltalk: '寒暄',
  handoff: '转人工',
  unsupported: '不支持',
  limited: '限流',
  error: '出错',
  staff: '工作人员命令',
};

/** `未答出(fallback)`. */
export const kindName = (kind: string) => (KIND_NAMES[kind] ? `${KIND_NAMES[kind]}(${kind})` : kind);
