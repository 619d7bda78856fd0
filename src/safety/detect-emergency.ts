/**
 * Spots messages about danger now (violence, self-harm) before any matching, so they get
 * 110 / 120 first. Patterns live in the knowledge base (emergency.yaml), not in code, and
 * run on a linear-time engine (see linear-pattern.ts).
 */
import type { EmergencyData } from '../knowledge/schema.js';
import { compileLinear } from './linear-pattern.js';

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
    // Each pattern was checked on its own at load; their alternation may be larger than one.
    pattern: compileLinear(category.patterns.map((pattern) => `(?:${pattern})`).join('|'), Infinity),
  }));
  return (normalized) => {
    const hit = compiled.find(({ pattern }) => pattern.test(normalized));
    return hit ? { category: hit.category, reply: hit.reply } : undefined;
  };
}
