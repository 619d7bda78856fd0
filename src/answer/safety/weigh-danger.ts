/**
 * The rules and the learned signal together: either may raise an emergency (a false alarm costs
 * one line of text, a miss can cost a life). The model's emergency takes the category of the
 * danger words the rules saw, else the one its danger head names; a middling model reading puts
 * that category's safety line on the reply, as a vetoed danger word does. The model does not
 * raise an emergency on a fragment too short to read, nor where the rules read a clear other
 * intent (转人工, a greeting, thanks): there it only adds the safety line.
 */
import type { EmergencyData, MatchingSettings } from '../knowledge/schema.js';
import type { ModelReading } from '../model/learned-model.js';
import type { SafetyReading } from './detect-emergency.js';

/** The safety reading once the model has been heard, with the model's probability for `why`. */
export interface WeighedDanger extends SafetyReading {
  /** The model's probability of danger now, when it was asked. */
  model?: number;
}

export function weighDanger(
  normalized: string,
  rules: SafetyReading,
  learned: ModelReading | undefined,
  thresholds: MatchingSettings['danger'],
  emergency: EmergencyData,
  /** The rules read a clear intent that is no danger (asking for a person, a greeting, small talk). */
  options: { otherwiseClear?: boolean } = {},
): WeighedDanger {
  if (rules.emergency || !learned) return learned ? { ...rules, model: learned.danger } : rules;
  const kind = rules.hazards[0] ?? learned.dangerKind;
  const category = emergency.categories.find((candidate) => candidate.id === kind);
  if (!category) return { ...rules, model: learned.danger };
  // Too short to read for the model alone (a fragment such as "我婆婆她……"): short dangers are the rules'.
  const readable = normalized.replace(/[^\p{L}\p{N}]/gu, '').length >= thresholds.minChars;
  if (learned.danger >= thresholds.emergencyAt && readable && !options.otherwiseClear) {
    // No clause holds a danger word the rules know: the whole message is read for a question too,
    // so a false alarm still answers what was asked, below the emergency lines.
    const rest = rules.hazards.length === 0 ? normalized : rules.rest;
    return { ...rules, emergency: { category: category.id, reply: category.reply, by: 'model' }, hazards: [category.id], rest, model: learned.danger };
  }
  if (learned.danger >= thresholds.lineAt && rules.hazards.length === 0) return { ...rules, hazards: [category.id], model: learned.danger };
  return { ...rules, model: learned.danger };
}
