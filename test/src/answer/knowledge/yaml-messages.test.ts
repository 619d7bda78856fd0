/**
 * YAML faults are told to staff in Chinese, with the line and column where the parser stopped,
 * and the parser's own words kept for a fault the table does not know.
 */
import { describe, expect, it } from 'vitest';
import { parseStrictYaml } from '../../../../src/answer/knowledge/read-files.js';
import { describeYamlFault } from '../../../../src/answer/knowledge/yaml-messages.js';

const errorOf = (raw: string) => parseStrictYaml(raw).error;

describe('YAML faults in Chinese', () => {
  it('says what is wrong and where, for the faults staff make', () => {
    expect(errorOf('- id: a\n  title: 法律援助: 免费\n')).toBe('第 2 行第 10 列:一行里有两处“冒号加空格”(如 title: 甲: 乙),请给整个值加引号');
    expect(errorOf('a:\n  b: 1\n c: 2\n')).toBe('第 3 行第 1 列:缩进不对:同一层的各项要从同一列开始,下一层要比上一层多缩进');
    expect(errorOf('a:\n\tb: 1\n')).toBe('第 2 行第 1 列:不能用 Tab 键缩进,请改用空格');
    expect(errorOf('a: "没收尾\n')).toBe('第 2 行第 1 列:双引号没有收尾');
    expect(errorOf('{ a: 1, b\n')).toBe('第 2 行第 1 列:花括号 { 没有用 } 收尾(或者续行缩进不够)');
    expect(errorOf('a: @x\n')).toBe('第 1 行第 4 列:值不能以 @ 开头,请给整个值加引号');
    expect(errorOf('a: "x\\q"\n')).toMatch(/^第 1 行第 6 列:双引号里的 \\q 不是有效的转义/);
    expect(errorOf('a: 1\n---\nb: 2\n')).toBe('第 2 行第 1 列:一个文件只能有一份内容,不要用 --- 分成几段');
    expect(errorOf('a: 1\na: 2\n')).toBe('第 2 行第 1 列:同一个键写了两遍');
  });

  it('names an alias without its anchor', () => {
    expect(errorOf('a: *nope\n')).toBe('别名 *nope 前面没有对应的锚点 &nope');
  });

  it('keeps the parser’s words for a fault it does not know', () => {
    expect(describeYamlFault({ code: 'NEW_CODE', message: 'Something new at line 4, column 2:\n\nx', linePos: [{ line: 4, col: 2 }] })).toBe(
      '第 4 行第 2 列:YAML 格式不对:Something new',
    );
  });
});
