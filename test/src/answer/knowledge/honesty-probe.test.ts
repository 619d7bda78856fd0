import { describe, expect, it } from 'vitest';
import { checkFacts, type FactOwner } from '../../../../src/answer/knowledge/fact-check.js';
import { knowledgeOwners } from '../../../../src/answer/knowledge/fact-owners.js';
import { checkKnowledge, loadKnowledge, readFactContext } from '../../../../src/answer/knowledge/load-knowledge.js';
import { INVENTED, TRUE_EDITS, type ProbeEdit } from '../../../doubles/honesty-probe.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';
import { copyKnowledge } from '../../../doubles/knowledge-copy.js';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const context = readFactContext(KNOWLEDGE_DIR, knowledge.meta, []);
const owners = knowledgeOwners(knowledge);
const tally = { refused: 0, accepted: 0 };

/** The owner of `edit` with its text rewritten (and its sources replaced when the edit says). */
function edited(edit: ProbeEdit): FactOwner {
  const owner = owners.find((candidate) => candidate.id === edit.id);
  if (!owner) throw new Error(`probe: no owner ${edit.id}`);
  const texts = owner.texts.map((item) => {
    if (item.field !== edit.field) return item;
    if (edit.from !== undefined && !item.text.includes(edit.from)) throw new Error(`probe: ${edit.id}.${edit.field} has no “${edit.from}”`);
    return { ...item, text: edit.from === undefined ? `${item.text.trimEnd()}\n${edit.to}` : item.text.replace(edit.from, edit.to) };
  });
  if (!owner.texts.some((item) => item.field === edit.field)) throw new Error(`probe: ${edit.id} has no field ${edit.field}`);
  return { ...owner, texts, sources: edit.sources ?? owner.sources };
}

describe('the honesty probe (issue 25 item 10)', () => {
  it('has at least 60 invented and 20 true edits', () => {
    expect(INVENTED.length).toBeGreaterThanOrEqual(60);
    expect(TRUE_EDITS.length).toBeGreaterThanOrEqual(20);
  });

  it('the real knowledge passes as it is', () => {
    expect(checkFacts(owners, context)).toEqual([]);
  });

  for (const edit of INVENTED) {
    it(`refuses ${edit.name}`, () => {
      const owner = edited(edit);
      const problems = checkFacts([owner], context);
      expect(problems.length, `${edit.id}.${edit.field}: ${edit.to}`).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem.file).toBe(owner.file);
        expect(problem.rule).toBeTruthy();
        expect(problem.message).toMatch(/「.+」.*——规则:.{8,}/su);
      }
      expect(problems.some((problem) => problem.field.endsWith(edit.field))).toBe(true);
      tally.refused += 1;
    });
  }

  for (const edit of TRUE_EDITS) {
    it(`accepts ${edit.name}`, () => {
      expect(checkFacts([edited(edit)], context).map((p) => `${p.rule}: ${p.message}`)).toEqual([]);
      tally.accepted += 1;
    });
  }

  it('counted every edit (runs last)', () => {
    expect(tally).toEqual({ refused: INVENTED.length, accepted: TRUE_EDITS.length });
  });
});

describe('laundering: a source edited together with the entry', () => {
  it('refuses a report figure changed in the report and the entry alike', () => {
    const copy = copyKnowledge();
    try {
      copy.write('sources/qujiang-2023-report.txt', copy.read('sources/qujiang-2023-report.txt').replace('在册律师56名', '在册律师65名'));
      copy.write('entries/lawyers.yaml', copy.read('entries/lawyers.yaml').replaceAll('在册律师56名', '在册律师65名'));
      const rules = checkKnowledge(copy.dir).problems.map((p) => `${p.file} ${p.rule}`);
      expect(rules).toContain('sources/qujiang-2023-report.txt source-changed');
    } finally {
      copy.cleanup();
    }
  });

  it('refuses a number added to the hotline registry and a town added to the gazetteer without review', () => {
    const copy = copyKnowledge();
    try {
      copy.write('hotlines.yaml', `${copy.read('hotlines.yaml')}- { number: '12349', name: 12349法律援助热线, for: 法律援助, office: 司法局, matters: [legal-aid], source: 自编 }\n`);
      copy.write('gazetteer.yaml', `${copy.read('gazetteer.yaml')}- { name: 乌石镇, kind: town, source: [{ kind: report, ref: 二(二)1, quote: 以乌石镇作为规范化建设试点 }] }\n`);
      const rules = checkKnowledge(copy.dir).problems.map((p) => `${p.file} ${p.rule}`);
      expect(rules).toEqual(expect.arrayContaining(['hotlines.yaml source-changed', 'gazetteer.yaml source-changed', 'gazetteer.yaml report-quote-mismatch']));
    } finally {
      copy.cleanup();
    }
  });
});
