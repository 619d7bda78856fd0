import { describe, expect, it } from 'vitest';
import { checkFacts, withAcceptedFacts, type FactOwner } from '../../../../src/answer/knowledge/fact-check.js';
import { findPlaces } from '../../../../src/answer/knowledge/place-check.js';
import { loadKnowledge, readFactContext } from '../../../../src/answer/knowledge/load-knowledge.js';
import type { SourceRef } from '../../../../src/answer/knowledge/schema.js';
import { KNOWLEDGE_DIR } from '../../../doubles/harness.js';

const knowledge = loadKnowledge(KNOWLEDGE_DIR);
const context = readFactContext(KNOWLEDGE_DIR, knowledge.meta, []);
const WINDOW: SourceRef = { kind: 'report', ref: '二(五)2', quote: '区公共法律服务窗口完成进驻区政务服务中心大厅' };
const card = (first: string, sources: SourceRef[] = [WINDOW]): FactOwner => ({ file: 'problems/test.yaml', id: 'problem.test', texts: [{ field: 'first', text: first }], sources });
const rules = (owner: FactOwner, on = context) => checkFacts([owner], on).map((p) => `${p.rule}:${p.text}`);

describe('the honesty rules of issue 25', () => {
  it('refuses a hotline under another name or for a matter it does not serve', () => {
    expect(rules(card('法律问题打12345公共法律服务热线。'))).toEqual(['hotline-name:公共法律服务热线']);
    expect(rules(card('被拖欠工资,可以打12315投诉。'))).toEqual(['hotline-purpose:12315']);
    expect(rules(card('被拖欠工资,可以打12333或12345投诉。'))).toEqual([]);
  });

  it('finds place names by suffix and by name, not words that only end like one', () => {
    const names = (text: string) => findPlaces(text, context.honesty!).map((place) => place.name);
    expect(names('住在乌石、犁市镇、浈江区的')).toEqual(['乌石', '犁市镇', '浈江区']);
    expect(names('可以向所在镇(街道)、乡镇政府、社区、市场监管部门反映')).toEqual([]);
    expect(rules(card('可以到区政务服务中心大厅的区公共法律服务窗口。'))).toEqual([]);
    expect(rules(card('窗口在马坝镇。'))).toEqual(['place-unsourced:马坝镇']);
  });

  it('takes a staff-verified local fact as a source once it is accepted (the register of issue 24)', () => {
    const text = '住在乌石镇的,窗口周一至周五办公。';
    expect(rules(card(text))).toEqual(expect.arrayContaining(['place-unknown:乌石镇', 'hours:周一至周五']));
    const accepted = withAcceptedFacts(context, [
      { id: 'town.wushi', text: '乌石镇是曲江区的镇(工作人员核实)', place: { name: '乌石镇', aliases: ['乌石'], kind: 'town' } },
      { id: 'window.hours', text: '区公共法律服务窗口周一至周五办公(工作人员核实)' },
    ]);
    expect(rules(card(text), accepted)).toEqual([]);
  });

  it('refuses claims its sources do not make, and lets hedges and questions through', () => {
    expect(rules(card('窗口办事免费。'))).toEqual(['claim:免费']);
    expect(rules(card('窗口能不能办不一定,收不收费要先问。'))).toEqual([]);
    const free: SourceRef = { kind: 'law', ref: '《中华人民共和国行政复议法》(2023年修订)第八十七条', quote: '行政复议机关受理行政复议申请，不得向申请人收取任何费用。' };
    expect(rules(card('申请行政复议不收费。', [free]))).toEqual([]);
  });

  it('refuses links, accounts, Latin text and invented report quotes', () => {
    expect(rules(card('详见 www.example.cn。'))).toEqual(['link:www.example.cn']);
    expect(rules(card('Please call us.'))).toEqual(['latin:Please call us']);
    expect(rules(card('报告指出:“窗口二十四小时开放”。'))).toContain('report-quote-invented:窗口二十四小时开放');
  });
});
