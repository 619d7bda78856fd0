/**
 * Runs multi-turn dialogues through the whole bot, each dialogue one conversation, and scores
 * each turn and each dialogue (right only when every turn is).
 */
import type { Bot } from '../bot.js';
import { meets, outcomeOf, runPrefix, type Dialogue } from '../answer/model/gold-files.js';

export interface DialogueMiss {
  name: string;
  turn: number;
  say: string;
  expect: string | string[];
  got: string;
}

export interface DialogueReport {
  dialogues: { total: number; correct: number };
  turns: { total: number; correct: number };
  misses: DialogueMiss[];
}

/** Scores every dialogue. */
export async function runDialogues(bot: Bot, dialogues: readonly Dialogue[]): Promise<DialogueReport> {
  const report: DialogueReport = { dialogues: { total: 0, correct: 0 }, turns: { total: 0, correct: 0 }, misses: [] };
  const prefix = runPrefix('dialogue');
  for (const [n, dialogue] of dialogues.entries()) {
    let right = true;
    for (const [turn, step] of dialogue.turns.entries()) {
      const reply = await bot.handle({ adapter: 'eval', conversationId: `${prefix}-${n}`, senderId: 'eval', kind: 'text', text: step.say });
      const got = outcomeOf(reply);
      report.turns.total += 1;
      if (meets(step.expect, got)) report.turns.correct += 1;
      else {
        right = false;
        report.misses.push({ name: dialogue.name, turn: turn + 1, say: step.say, expect: step.expect, got });
      }
    }
    report.dialogues.total += 1;
    if (right) report.dialogues.correct += 1;
  }
  return report;
}

/** Human-readable report: dialogues and turns right, then every wrong turn. */
export function formatDialogueReport(report: DialogueReport, name = 'dialogues'): string {
  const pct = (t: { total: number; correct: number }) => `${((100 * t.correct) / Math.max(1, t.total)).toFixed(1)}%`;
  const lines = [
    `${name}: ${pct(report.dialogues)} of dialogues right (${report.dialogues.correct}/${report.dialogues.total}), ` +
      `${pct(report.turns)} of turns (${report.turns.correct}/${report.turns.total})`,
  ];
  for (const miss of report.misses) {
    lines.push(`  [${miss.name} #${miss.turn}] ${miss.say}\n      expected ${[miss.expect].flat().join(' | ')}, got ${miss.got}`);
  }
  return lines.join('\n');
}
