/**
 * Spots messages about danger now (violence, self-harm) before any matching, so they get
 * 110 / 120 first. Patterns live in the knowledge base (emergency.yaml), not in code.
 */
import type { EmergencyData } from '../knowledge/schema.js';

/** The category found and the reply it prescribes. */
export interface EmergencyHit {
  category: string;
  reply: string;
}

export type EmergencyDetector = (normalized: string) => EmergencyHit | undefined;

/** Compiles the categories' patterns once; self-harm and violence are checked in file order. */
export function createEmergencyDetector(data: EmergencyData): EmergencyDetector {
  const compiled = data.categories.map((category) => ({
    category: category.id,
    reply: category.reply,
    pattern: new RegExp(category.patterns.map((pattern) => `(?:${pattern})`).join('|'), 'u'),
  }));
  return (normalized) => {
    const hit = compiled.find(({ pattern }) => pattern.test(normalized));
    return hit ? { category: hit.category, reply: hit.reply } : undefined;
  };
}
