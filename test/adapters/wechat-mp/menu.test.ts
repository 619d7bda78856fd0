import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoLayout, buildMenu, formatMenu, MENU_LIMITS, shortLabel, type MenuSource } from '../../../adapters/wechat-mp/menu.js';
import { LAYOUT_FILE, readMenuLayout } from '../../../adapters/wechat-mp/menu-layout.js';
import { ErrorCodes, hasCode } from '../../../src/errors.js';
import { loadKnowledge } from '../../../src/answer/knowledge/load-knowledge.js';

const KNOWLEDGE_DIR = new URL('../../../knowledge', import.meta.url).pathname;
const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const topics = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `topic-${i + 1}`, title: `主题${i + 1}(说明)` }));
const source = (n: number): MenuSource => ({ topics: topics(n), entries: [{ id: 'topic-1.where', title: '在哪里办' }] });

const menuError = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (hasCode(error, ErrorCodes.WECHAT_MP_MENU_INVALID)) return error.message;
    throw error;
  }
  throw new Error('expected an invalid menu');
};

/** Every limit of WeChat's menu API, checked on a built menu. */
function expectWithinLimits(menu: ReturnType<typeof buildMenu>) {
  expect(menu.button.length).toBeGreaterThanOrEqual(1);
  expect(menu.button.length).toBeLessThanOrEqual(MENU_LIMITS.groups);
  for (const top of menu.button) {
    expect(bytes(top.name)).toBeLessThanOrEqual(MENU_LIMITS.topNameBytes);
    expect(top.sub_button?.length).toBeGreaterThanOrEqual(1);
    expect(top.sub_button?.length).toBeLessThanOrEqual(MENU_LIMITS.buttons);
    for (const sub of top.sub_button ?? []) {
      expect(sub.type).toBe('click');
      expect(bytes(sub.name)).toBeLessThanOrEqual(MENU_LIMITS.subNameBytes);
      expect(bytes(sub.key ?? '')).toBeLessThanOrEqual(MENU_LIMITS.keyBytes);
    }
  }
}

describe('official-account menu from the knowledge base', () => {
  it('puts the topics in menu order, five to a group, keyed by their choice ids', () => {
    const menu = buildMenu(source(7));
    expectWithinLimits(menu);
    expect(menu.button.map((top) => top.sub_button?.map((sub) => sub.key))).toEqual([
      ['t:topic-1', 't:topic-2', 't:topic-3', 't:topic-4', 't:topic-5'],
      ['t:topic-6', 't:topic-7'],
    ]);
    expect(menu.button[0]?.sub_button?.[0]?.name).toBe('主题1');
  });

  it('past 15 topics shows 14 and a button for the whole menu', () => {
    const groups = autoLayout(source(20));
    expect(groups).toHaveLength(3);
    expect(groups[2]?.buttons.at(-1)).toEqual({ id: 'c:menu', label: '全部问题' });
    expectWithinLimits(buildMenu(source(20)));
  });

  it('cuts labels at a character boundary within the byte limit', () => {
    expect(shortLabel('公共法律服务窗口(在哪、能办什么)', 60)).toBe('公共法律服务窗口');
    expect(shortLabel('求助热线(12348、12345、12333…)', 60)).toBe('求助热线');
    expect(shortLabel('一二三四五六', 16)).toBe('一二三四五');
    expect(shortLabel('(全在括号里)', 60)).toBe('(全在括号里)');
  });

  it('follows a layout, with entries and own labels, and refuses a layout WeChat would refuse', () => {
    const menu = buildMenu(source(3), [{ name: '办事', buttons: ['t:topic-2', { id: 'e:topic-1.where', label: '去哪办' }, 'c:menu'] }]);
    expect(menu.button[0]?.sub_button?.map((sub) => [sub.name, sub.key])).toEqual([
      ['主题2', 't:topic-2'],
      ['去哪办', 'e:topic-1.where'],
      ['全部问题', 'c:menu'],
    ]);
    expect(menuError(() => buildMenu(source(3), [{ name: '一二三四五六', buttons: ['t:topic-1'] }]))).toMatch(/16 bytes/);
    expect(menuError(() => buildMenu(source(3), [{ name: '办事', buttons: ['t:nowhere'] }]))).toMatch(/t:nowhere/);
    expect(menuError(() => buildMenu(source(9), [{ name: '多', buttons: topics(6).map((t) => `t:${t.id}`) }]))).toMatch(/1 to 5 buttons/);
    const four = Array.from({ length: 4 }, () => ({ name: '组', buttons: ['t:topic-1'] }));
    expect(menuError(() => buildMenu(source(3), four))).toMatch(/1 to 3 groups/);
    expect(menuError(() => buildMenu(source(3), [{ name: '组', buttons: [{ id: 't:topic-1', label: '长'.repeat(21) }] }]))).toMatch(/60 bytes/);
  });

  it('prints the menu for staff to read', () => {
    expect(formatMenu(buildMenu(source(2)))).toBe('常见问题\n  主题1  (t:topic-1)\n  主题2  (t:topic-2)');
  });

  it('builds a valid menu of the real knowledge base, with and without its layout file', () => {
    const knowledge = loadKnowledge(KNOWLEDGE_DIR);
    expectWithinLimits(buildMenu(knowledge));
    const layout = readMenuLayout(path.join(KNOWLEDGE_DIR, LAYOUT_FILE), true);
    const menu = buildMenu(knowledge, layout);
    expectWithinLimits(menu);
    const keys = menu.button.flatMap((top) => top.sub_button?.map((sub) => sub.key) ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads a layout file: absent is fine unless required; a wrong shape names the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mp-menu-'));
    const file = path.join(dir, LAYOUT_FILE);
    expect(readMenuLayout(file, false)).toBeUndefined();
    expect(() => readMenuLayout(file, true)).toThrow(/cannot read/);
    fs.writeFileSync(file, '- name: 办事\n  buttons: [t:legal-aid, {id: e:legal-aid.where, label: 去哪申请}]\n');
    expect(readMenuLayout(file, true)).toEqual([{ name: '办事', buttons: ['t:legal-aid', { id: 'e:legal-aid.where', label: '去哪申请' }] }]);
    fs.writeFileSync(file, '- name: 办事\n  buttons: 5\n');
    expect(() => readMenuLayout(file, true)).toThrow(/not a menu layout/);
    fs.rmSync(dir, { recursive: true });
  });
});
