/**
 * The register of local facts staff verified (`knowledge/local-facts.yaml`): its check (a fact
 * given without who, how and when it was verified is refused), each fact's status on a day,
 * and the list of accepted facts the fact check and the answers draw on. Pure: the day comes
 * from the caller's clock.
 */
import type { KnowledgeProblem } from './knowledge-base.js';
import type { LocalFact, LocalFacts, LocalOffice } from './local-facts-schema.js';

export type { LocalFact, LocalFacts, LocalOffice } from './local-facts-schema.js';

/** The register's file, relative to the knowledge directory. */
export const LOCAL_FACTS_FILE = 'local-facts.yaml';

/** The register's rules by stable id, said in Chinese for staff (`check` names the id). */
export const LOCAL_FACT_RULES = {
  'local-fact-unverified': '填了内容的事实必须写明核实人(verifiedBy)、核实方式(how)、核实日期(verifiedOn)和复核期限(reverifyBy)',
  'local-fact-date': '日期要写成 YYYY-MM-DD 的真实日期',
  'local-fact-reverify-order': '复核期限(reverifyBy)必须晚于核实日期(verifiedOn)',
  'local-fact-duplicate': '同一机构的同一类事实(address / hours / phone)只能有一条',
  'local-office-duplicate': '机构的 id 不能重复',
  'local-town-unknown': 'town 必须是 meta.yaml 的 homePlaces 里的地名',
} as const;

export type LocalFactRule = keyof typeof LOCAL_FACT_RULES;

/** 未核实: no value yet; 已核实: verified and not due; 已过期: due for re-verification (not shown). */
export type LocalFactStatus = '未核实' | '已核实' | '已过期';

/** A fact the bot may give, with the office it belongs to and the line that is its source. */
export interface AcceptedFact {
  officeId: string;
  office: string;
  town?: string;
  kind: LocalFact['kind'];
  value: string;
  /** E.g. `区司法局 2026年12月核实`. */
  source: string;
}

/** A fact staff must verify again, for 待处理. */
export interface DueFact {
  officeId: string;
  office: string;
  kind: LocalFact['kind'];
  value: string;
  verifiedOn: string;
  reverifyBy: string;
}

/** Labels of the kinds, as residents and staff read them. */
export const KIND_LABELS: Record<LocalFact['kind'], string> = { address: '地址', hours: '办公时间', phone: '电话' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The day of `at` (ms) in China Standard Time, as YYYY-MM-DD: the offices' own calendar. */
export function chinaDay(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The status of `fact` on the day of `at`. */
export function factStatus(fact: LocalFact, at: number): LocalFactStatus {
  if (fact.value === '') return '未核实';
  return chinaDay(at) >= fact.reverifyBy ? '已过期' : '已核实';
}

/** The source line of a verified fact: who and the month, e.g. `区司法局 2026年12月核实`. */
export function sourceLine(fact: LocalFact): string {
  const [year, month] = fact.verifiedOn.split('-');
  return `${fact.verifiedBy} ${year}年${Number(month)}月${fact.how.endsWith('核实') ? fact.how : `${fact.how}核实`}`;
}

/** Problems of the register, each named by file, office and field, with the rule's id. */
export function checkLocalFacts(register: LocalFacts, homePlaces: readonly string[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const add = (field: string, rule: LocalFactRule, detail: string, entry?: string) =>
    problems.push({ file: LOCAL_FACTS_FILE, field, message: `${detail}——规则:${LOCAL_FACT_RULES[rule]}`, rule, ...(entry ? { entry } : {}) });
  const seen = new Set<string>();
  register.offices.forEach((office, index) => {
    const at = `offices[${index}](id=${office.id})`;
    if (seen.has(office.id)) add(`${at}.id`, 'local-office-duplicate', `「${office.id}」重复`, office.id);
    seen.add(office.id);
    if (office.town !== undefined && !homePlaces.includes(office.town)) add(`${at}.town`, 'local-town-unknown', `「${office.town}」不是本区的地名`, office.id);
    const kinds = new Set<string>();
    office.facts.forEach((fact, factIndex) => {
      const field = `${at}.facts[${factIndex}](${fact.kind})`;
      if (kinds.has(fact.kind)) add(field, 'local-fact-duplicate', `${office.name}的${KIND_LABELS[fact.kind]}写了两次`, office.id);
      kinds.add(fact.kind);
      checkFact(fact, field, office, add);
    });
  });
  return problems;
}

type Add = (field: string, rule: LocalFactRule, detail: string, entry?: string) => void;

function checkFact(fact: LocalFact, field: string, office: LocalOffice, add: Add): void {
  for (const key of ['verifiedOn', 'reverifyBy'] as const) {
    if (fact[key] !== '' && !validDate(fact[key])) add(`${field}.${key}`, 'local-fact-date', `「${fact[key]}」不是日期`, office.id);
  }
  if (fact.value === '') return;
  const missing = (['verifiedBy', 'how', 'verifiedOn', 'reverifyBy'] as const).filter((key) => fact[key] === '');
  if (missing.length > 0) {
    add(`${field}.${missing[0]}`, 'local-fact-unverified', `${office.name}的${KIND_LABELS[fact.kind]}「${fact.value}」没有写 ${missing.join('、')}`, office.id);
    return;
  }
  if (validDate(fact.verifiedOn) && validDate(fact.reverifyBy) && fact.reverifyBy <= fact.verifiedOn) {
    add(`${field}.reverifyBy`, 'local-fact-reverify-order', `${fact.reverifyBy} 不晚于 ${fact.verifiedOn}`, office.id);
  }
}

/** Every fact verified and not expired on the day of `at`: the only local facts answers may give. */
export function acceptedFacts(register: LocalFacts, at: number): AcceptedFact[] {
  return register.offices.flatMap((office) =>
    office.facts
      .filter((fact) => factStatus(fact, at) === '已核实')
      .map((fact) => ({
        officeId: office.id,
        office: office.name,
        ...(office.town ? { town: office.town } : {}),
        kind: fact.kind,
        value: fact.value,
        source: sourceLine(fact),
      })),
  );
}

/** Facts expired on the day of `at`: not shown, listed in 待处理 for re-verification. */
export function dueFacts(register: LocalFacts, at: number): DueFact[] {
  return register.offices.flatMap((office) =>
    office.facts
      .filter((fact) => factStatus(fact, at) === '已过期')
      .map((fact) => ({ officeId: office.id, office: office.name, kind: fact.kind, value: fact.value, verifiedOn: fact.verifiedOn, reverifyBy: fact.reverifyBy })),
  );
}

/** The offices of a town, matched with or without its 镇 / 街道 ending. */
export function townOffices(register: LocalFacts, town: string): LocalOffice[] {
  const bare = (name: string) => name.replace(/(镇|街道)$/u, '');
  return register.offices.filter((office) => office.town !== undefined && bare(office.town) === bare(town));
}

/** The towns the register lists, in file order. */
export function registerTowns(register: LocalFacts): string[] {
  return [...new Set(register.offices.flatMap((office) => (office.town ? [office.town] : [])))];
}
