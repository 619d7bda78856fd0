/**
 * Renders a pipeline trace for staff, in Chinese: how the bot read the message, what it
 * found, and which step decided, with the reason in words. `why` and `/why` print this.
 */
import type { Trace, TraceNote } from './trace.js';

interface CandidateNote {
  entry: string;
  title: string;
  confidence: number;
  coverage: number;
  nearest: number;
  classifier?: number;
  bm25: number;
  rank: number;
  anchored: boolean;
  anchoredBy?: 'word' | 'classifier';
}

const label = (name: string) => `${name}:`.padEnd(8, ' ');
const list = (items: unknown, empty = '(无)') =>
  Array.isArray(items) && items.length > 0 ? items.join(' | ') : empty;

/** How the emergency step found the danger, in staff's words (emergency.yaml's lists). */
const EMERGENCY_RULES: Record<string, string> = {
  pattern: '固定说法 patterns',
  urgent: '紧急信号 urgent',
  cue: '危险信号 cues + 现场/时间 presence/now',
  lexicon: '危险词库 hazards.yaml + 现在/在场/即将',
  model: '学习模型(matching.yaml danger.emergencyAt)',
};

/** The trace as lines of text for staff. */
export function renderTrace(trace: Trace): string {
  const by = (step: string): TraceNote | undefined => trace.notes.find((n) => n.step === step);
  const lines = [`${label('问题')}${trace.input}`];
  const read = by('read');
  if (read) {
    const cut = read.truncatedTo ? `  (只看前 ${String(read.truncatedTo)} 字)` : '';
    lines.push(`${label('规范化')}${String(read.normalized)}${cut}`);
  }
  const emergency = by('emergency');
  if (emergency) {
    const rule = EMERGENCY_RULES[String(emergency.by)] ?? '';
    lines.push(`${label('紧急情况')}${emergency.category ? `是(${String(emergency.category)}${rule ? `,${rule}` : ''})` : '否'}`);
    if (emergency.model !== undefined) lines.push(`${label('模型危险')}${String(emergency.model)}`);
    if (Array.isArray(emergency.hazards) && emergency.hazards.length > 0) lines.push(`${label('安全提示')}${list(emergency.hazards)}`);
    if (Array.isArray(emergency.kinds) && emergency.kinds.length > 0) lines.push(`${label('危险词类')}${list(emergency.kinds)}`);
    if (Array.isArray(emergency.markers) && emergency.markers.length > 0) lines.push(`${label('时间标记')}${list(emergency.markers)}`);
    if (Array.isArray(emergency.vetoes) && emergency.vetoes.length > 0) lines.push(`${label('已排除')}${list(emergency.vetoes)}`);
  }
  const input = by('input');
  if (input?.choice !== undefined) lines.push(`${label('按钮')}${String(input.choice)}${input.known ? '' : '(未知)'}`);
  const pick = by('pick');
  if (pick) lines.push(`${label('选编号')}${String(pick.n)}(当前列表 ${String(pick.open)} 项)${pick.id ? ` → ${String(pick.id)}` : ''}`);
  const calculation = by('calculate');
  if (calculation) lines.push(...renderCalculation(calculation));
  const followUp = by('follow-up');
  if (followUp) lines.push(`${label('追问')}方面 ${list(followUp.aspects)},接着主题 ${String(followUp.topic ?? '(无)')}`);
  const match = by('match');
  if (match) lines.push(...renderMatch(match));
  const decision = trace.decision;
  if (decision) {
    const entry = decision.entry ? ` ${decision.entry}` : '';
    lines.push(`${label('决定')}${decision.kind}${entry} —— 由「${decision.step}」步骤作出(${decision.reason})`);
    if (decision.detail) lines.push(`${label('原因')}${decision.detail}`);
  }
  lines.push(`${label('经过步骤')}${trace.steps.join(' → ')}`);
  return lines.join('\n');
}

/** What the calculator read, assumed and applied. */
function renderCalculation(note: TraceNote): string[] {
  if (note.left !== undefined) return [`${label('计算')}${String(note.calculation)}:问题里没有日期或金额,由后面的步骤回答(${String(note.left)})`];
  const lines = [
    `${label('计算')}${String(note.title)}(${String(note.calculation)}${note.rule ? `,规则 ${String(note.rule)}` : ''};${String(note.via)})`,
    `${label('读到')}${list(note.inputs)}`,
    `${label('假设')}${list(note.assumptions)}`,
  ];
  if (note.how) lines.push(`${label('算法')}${String(note.how)}`, `${label('依据')}${list(note.articles)}`);
  if (note.missing) lines.push(`${label('缺少')}${String(note.missing)}(问一句${note.answeredFirst ? `,接在「${String(note.answeredFirst)}」的回答后面` : ''})`);
  if (note.refused) lines.push(`${label('不算')}${String(note.refused)}`);
  return lines;
}

function renderMatch(match: TraceNote): string[] {
  const thresholds = match.thresholds as { answer: number; clarify: number };
  const candidates = (match.candidates as CandidateNote[]) ?? [];
  return [
    `${label('匹配文本')}${String(match.matched)}`,
    `${label('分词')}${list(match.tokens)}`,
    `${label('纠错')}${list(match.corrections)}`,
    `${label('方面')}${list(match.aspects)}`,
    '候选:    把握度 (覆盖  相似  分类)   bm25   排序  点明主题  条目',
    ...candidates.map(
      (c, i) =>
        `  ${i + 1}.     ${c.confidence.toFixed(3)} (${c.coverage.toFixed(2)} ${c.nearest.toFixed(2)} ${(c.classifier ?? 0).toFixed(2)}) ${c.bm25
          .toFixed(2)
          .padStart(6)}  ${c.rank.toFixed(3)}  ${c.anchoredBy === 'classifier' ? '分类' : c.anchored ? '是  ' : '否  '}      ${c.entry}(${c.title})`,
    ),
    `${label('门槛')}回答 ≥ ${thresholds.answer},追问 ≥ ${thresholds.clarify}`,
  ];
}
