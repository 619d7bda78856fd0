import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/answer/knowledge/knowledge-base.js';
import { checkKnowledge, loadKnowledge } from '../../../../src/answer/knowledge/load-knowledge.js';
import { createSafetyReader } from '../../../../src/answer/safety/detect-emergency.js';
import type { EmergencyData } from '../../../../src/answer/knowledge/schema.js';

/** Danger now, as the emergency step reads it. */
const createEmergencyDetector = (data: EmergencyData) => {
  const read = createSafetyReader(data);
  return (text: string) => read(text).emergency;
};
import { compileLinear, linearPatternProblem, MAX_PROGRAM_SIZE } from '../../../../src/answer/read/linear-pattern.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';
import { copyKnowledge, type KnowledgeCopy } from '../../../doubles/knowledge-copy.js';

const copies: KnowledgeCopy[] = [];
afterEach(() => {
  for (const copy of copies.splice(0)) copy.cleanup();
});

/** A knowledge copy whose violence category gets one more pattern, as an editor would add it. */
function withViolencePattern(pattern: string): KnowledgeCopy {
  const copy = copyKnowledge();
  copies.push(copy);
  const text = fs.readFileSync(path.join(copy.dir, 'emergency.yaml'), 'utf8');
  copy.write('emergency.yaml', text.replace(/( {2}- id: violence\n {4}patterns:\n)/, `$1      - '${pattern}'\n`));
  return copy;
}

const BACKTRACKER = '([^,。]*)*打我';
/** 29 characters that never reach 打我: on a backtracking engine this took 76 s. */
const MESSAGE_29 = `${'老公'.repeat(14)}x`;

describe('emergency patterns run in linear time', () => {
  it('the nested-star pattern an editor added is accepted and harmless on a 29-character message', () => {
    expect(MESSAGE_29).toHaveLength(29);
    const copy = withViolencePattern(BACKTRACKER);
    const checked = checkKnowledge(copy.dir);
    expect(checked.problems.map(formatProblem)).toEqual([]);
    const detect = createEmergencyDetector(checked.knowledge!.emergency);
    const started = performance.now();
    expect(detect(MESSAGE_29)).toBeUndefined();
    expect(detect(`${'我'.repeat(100_000)},`)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(1_000);
    // The pattern still means what its editor meant.
    expect(detect('他们一直打我')?.category).toBe('violence');
  });

  it('the shipped patterns keep working', () => {
    const detect = createEmergencyDetector(loadKnowledge(KNOWLEDGE_DIR).emergency);
    expect(detect('老公正在打我')?.category).toBe('violence');
    expect(detect('我不想活了')?.category).toBe('self-harm');
    // A threat by message gets the threat reply (keep the messages), not the one about violence at home.
    expect(detect('刚收到微信说今晚要砍死我们全家')?.category).toBe('threat');
    expect(detect('他又在门口堵我们,说要让我们没好果子吃')?.category).toBe('threat');
    // Self-harm: intent alarms even when supposed; an act told with its aftermath does not.
    expect(detect('如果我想自杀该找谁')?.category).toBe('self-harm');
    expect(detect('我表哥去年自杀了,他的遗产谁来继承')).toBeUndefined();
    expect(detect('阿姨吃了安眠药,已经抢救回来了,医药费怎么报')).toBeUndefined();
    expect(detect('她刚吞了一瓶安眠药')?.category).toBe('self-harm');
    expect(detect('仓库起火啦')?.category).toBe('fire-gas');
    expect(detect('前年仓库起火,保险一直没赔')).toBeUndefined();
    expect(detect('被车撞倒的老人还在流血')).toBeDefined();
    expect(detect('站在楼顶,我撑不住了')?.category).toBe('self-harm');
    expect(detect('家暴受害人能申请法律援助吗')).toBeUndefined();
    // (?<!不)打紧, rewritten without lookbehind: the same matches.
    expect(detect('打紧')?.category).toBe('violence');
    expect(detect('这个很打紧')?.category).toBe('violence');
    expect(detect('不打紧')).toBeUndefined();
  });

  it('check refuses what RE2 cannot run, naming file, field and a hint', () => {
    const copy = withViolencePattern('(?<!不)要命');
    const problems = checkKnowledge(copy.dir).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^emergency\.yaml: categories\[3\]\(id=violence\)\.patterns\[0\]: 不支持前后查看的写法.*改写成 \(\?:\^\|\[\^不\]\)打紧$/);
  });

  it('refuses backreferences, invalid syntax and oversized programs', () => {
    expect(linearPatternProblem('(?=打)我')).toMatch(/^不支持前后查看的写法/);
    expect(linearPatternProblem('(打)\\1')).toMatch(/^不支持反向引用/);
    expect(linearPatternProblem('打(')).toBe('不是 RE2 引擎能用的正则表达式:缺少右括号 ):「打(」');
    expect(linearPatternProblem('[打-啊]')).toBe('不是 RE2 引擎能用的正则表达式:方括号里的字符范围不对:「打-啊」');
    expect(linearPatternProblem('打{2000}')).toMatch(/^不是 RE2 引擎能用的正则表达式:重复次数不对.*「\{2000\}」$/);
    expect(linearPatternProblem('[^,。]{0,1000}打我')).toMatch(new RegExp(`^表达式太大\\(编译后有 \\d+ 条 RE2 指令,最多 ${MAX_PROGRAM_SIZE} 条\\)`));
    expect(linearPatternProblem('(楼顶|天台).{0,12}跳')).toBeUndefined();
    expect(compileLinear('a{0,600}', Infinity).test('aaa')).toBe(true);
  });
});
