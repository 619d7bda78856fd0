/**
 * Checks every editor-written pattern of emergency.yaml for the linear-time engine, naming
 * the list and position of each one it refuses.
 */
import type { EmergencyData } from './schema.js';
import { linearPatternProblem } from '../read/linear-pattern.js';

/** A pattern the engine refuses: where it stands (e.g. `categories[1](id=violence).cues[3]`) and why. */
export interface PatternProblem {
  field: string;
  message: string;
}

/** Problems of the shared lists (presence, now, past, aftermath) and of every category's patterns, urgent cues and cues. */
export function emergencyPatternProblems(data: EmergencyData): PatternProblem[] {
  const lists: Array<[string, readonly string[]]> = [
    ['presence', data.presence],
    ['now', data.now],
    ['past', data.past],
    ['aftermath', data.aftermath],
    ['over', data.over],
    ...data.categories.flatMap((category, index): Array<[string, readonly string[]]> => {
      const at = `categories[${index}](id=${category.id})`;
      return [
        [`${at}.patterns`, category.patterns],
        [`${at}.urgent`, category.urgent],
        [`${at}.cues`, category.cues],
      ];
    }),
  ];
  return lists.flatMap(([field, patterns]) =>
    patterns.flatMap((pattern, index) => {
      const message = linearPatternProblem(pattern);
      return message ? [{ field: `${field}[${index}]`, message }] : [];
    }),
  );
}
