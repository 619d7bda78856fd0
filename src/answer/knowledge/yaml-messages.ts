/**
 * The YAML parser's errors, said in Chinese for the staff who edit knowledge files: the
 * parser's own messages ("Nested mappings are not allowed in compact mappings") tell them
 * nothing. Each is said by its error code, with the line and column where the parser stopped;
 * a message the table does not know keeps the parser's words, so nothing is ever hidden.
 */
import type { ErrorCode } from 'yaml';

/** What a YAML error carries that is worth telling: the library's code, message and position. */
export interface YamlFault {
  code?: string;
  message: string;
  linePos?: ReadonlyArray<{ line: number; col: number }>;
}

/** By the parser's message, where one code covers faults staff fix differently. */
const BY_MESSAGE: Array<[RegExp, (match: RegExpMatchArray) => string]> = [
  [/^Unresolved tag: (\S+)/, (m) => `不认识的标签 ${m[1]}(不支持 !include 这类标签;要当文字用请给整个值加引号)`],
  [/Flow sequence .*end with a \]/, () => '方括号 [ 没有用 ] 收尾(或者续行缩进不够)'],
  [/Flow map .*end with a \}/, () => '花括号 { 没有用 } 收尾(或者续行缩进不够)'],
  [/^Missing closing "quote/, () => '双引号没有收尾'],
  [/^Missing closing 'quote/, () => '单引号没有收尾'],
  [/^Plain value cannot start with reserved character (\S)/, (m) => `值不能以 ${m[1]} 开头,请给整个值加引号`],
  [/^Invalid escape sequence (\S+)/, (m) => `双引号里的 ${m[1]} 不是有效的转义(要写反斜杠请写两个 \\\\,或改用单引号)`],
  [/^Unresolved alias \(the anchor must be set before the alias\): (.+)/, (m) => `别名 *${m[1]} 前面没有对应的锚点 &${m[1]}`],
  [/^Excessive alias count/, () => '别名(*名字)展开的次数太多,文件被拒绝'],
];

/** By the parser's error code. */
const BY_CODE: Partial<Record<ErrorCode, string>> = {
  ALIAS_PROPS: '别名(*名字)不能再带锚点或标签',
  BAD_ALIAS: '别名(*名字)的写法不对',
  BAD_DIRECTIVE: '不认识的 % 指令',
  BAD_DQ_ESCAPE: '双引号里的反斜杠转义不对(要写反斜杠请写两个 \\\\,或改用单引号)',
  BAD_INDENT: '缩进不对:同一层的各项要从同一列开始,下一层要比上一层多缩进',
  BAD_PROP_ORDER: '锚点(&)和标签(!)的位置不对',
  BAD_SCALAR_START: '值以 YAML 的保留字符开头(如 @ ` | > %),请给整个值加引号',
  BLOCK_AS_IMPLICIT_KEY: '一行里有两处“冒号加空格”(如 title: 甲: 乙),请给整个值加引号',
  BLOCK_IN_FLOW: '方括号或花括号里面不能再换行写“- ”列表或“键: 值”',
  DUPLICATE_KEY: '同一个键写了两遍',
  KEY_OVER_1024_CHARS: '键太长(超过 1024 个字符),多半是漏了冒号后的空格或引号没有收尾',
  MISSING_CHAR: '缺少收尾的符号(引号或括号)',
  MULTILINE_IMPLICIT_KEY: '键要写在一行里(多半是上一行漏了冒号或引号没有收尾)',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点(&名字)',
  MULTIPLE_DOCS: '一个文件只能有一份内容,不要用 --- 分成几段',
  MULTIPLE_TAGS: '一个值只能有一个标签(!名字)',
  NON_STRING_KEY: '键只能是文字',
  RESOURCE_EXHAUSTION: '别名(*名字)展开的次数太多,文件被拒绝',
  TAB_AS_INDENT: '不能用 Tab 键缩进,请改用空格',
  UNEXPECTED_TOKEN: '这里有多余的内容(多半是缩进不对,或少了“- ”或“: ”)',
};

/** A YAML fault in Chinese: `第 3 行第 1 列:缩进不对…` (no position when the parser gives none). */
export function describeYamlFault(fault: YamlFault): string {
  const first = fault.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? '';
  const known = BY_MESSAGE.map(([pattern, say]) => {
    const match = first.match(pattern);
    return match ? say(match) : undefined;
  }).find((said) => said !== undefined);
  const said = known ?? BY_CODE[fault.code as ErrorCode] ?? `YAML 格式不对:${first}`;
  const at = fault.linePos?.[0];
  return at ? `第 ${at.line} 行第 ${at.col} 列:${said}` : said;
}
