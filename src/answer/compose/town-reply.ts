/**
 * The reply to "我在樟市镇,去哪里": the town's offices with the facts staff verified, each with
 * its source line; an office not filled in yet is said to be so, never guessed.
 */
import { acceptedFacts, KIND_LABELS, townOffices, type LocalFacts } from '../knowledge/local-facts.js';
import type { Reply } from '../../types.js';

/** The reply for `town` on the day of `at`; a `fallback` when no office of the town has a verified fact. */
export function townReply(register: LocalFacts, town: string, at: number): Reply {
  const offices = townOffices(register, town);
  const accepted = acceptedFacts(register, at);
  const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
  const { messages } = register;
  const names = offices.map((office) => office.name.replace(town, '')).join('和');
  const filled = offices.map((office) => ({ office, facts: accepted.filter((fact) => fact.officeId === office.id) }));
  if (filled.every(({ facts }) => facts.length === 0)) {
    return { kind: 'fallback', text: fill(messages.townNotFilled, { town, offices: names }) };
  }
  const lines: string[] = [fill(messages.townHeader, { town })];
  const sources: string[] = [];
  for (const { office, facts } of filled) {
    if (facts.length === 0) {
      lines.push(fill(messages.officeNotFilled, { offices: office.name }));
      continue;
    }
    lines.push(`${office.name}:`);
    for (const fact of facts) {
      lines.push(`· ${KIND_LABELS[fact.kind]}:${fact.value}(${fact.source})`);
      sources.push(`${office.name}${KIND_LABELS[fact.kind]}:${fact.source}`);
    }
  }
  lines.push(messages.townFooter);
  return { kind: 'answer', text: lines.join('\n'), source: sources.join(';') };
}

/** "区公共法律服务窗口的办公时间:…(来源)" for the register's `handoffOffice`, while verified and not expired; undefined otherwise. */
export function officeHoursLine(register: LocalFacts, at: number): string | undefined {
  const hours = acceptedFacts(register, at).find((fact) => fact.officeId === register.handoffOffice && fact.kind === 'hours');
  if (!hours) return undefined;
  const values: Record<string, string> = { office: hours.office, value: hours.value, source: hours.source };
  return register.messages.nextHours.replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all);
}
