/**
 * The account's custom menu built from the knowledge base. WeChat's limits: 1–3 top buttons,
 * 1–5 sub-buttons each, a top name of at most 16 bytes, a sub name of at most 60, a click key
 * of at most 128 (bytes of UTF-8: a Chinese character takes 3). A click sends the key back as
 * a CLICK event: `t:<topic>` / `e:<entry>` pick that choice, `c:menu` shows the whole menu.
 */
import { BotError, ErrorCodes } from '../../src/errors.js';

export interface MpButton {
  type?: 'click';
  name: string;
  key?: string;
  sub_button?: MpButton[];
}

/** The body of /cgi-bin/menu/create. */
export interface MpMenu {
  button: MpButton[];
}

/** What the menu is built from: the knowledge base's topics (in menu order) and entries. */
export interface MenuSource {
  topics: ReadonlyArray<{ id: string; title: string }>;
  entries: ReadonlyArray<{ id: string; title: string }>;
}

/** A group of the layout: its top name and its buttons (`t:…`, `e:…`, `c:menu`, optionally relabelled). */
export interface MenuGroup {
  name: string;
  buttons: ReadonlyArray<string | { id: string; label?: string }>;
}

export const MENU_LIMITS = { groups: 3, buttons: 5, topNameBytes: 16, subNameBytes: 60, keyBytes: 128 } as const;

/** Group names when no layout is given: the topics in menu order, five to a group. */
const AUTO_GROUPS = ['常见问题', '更多问题', '其他问题'];
const ALL_TOPICS = { id: 'c:menu', label: '全部问题' };
const COMMAND_LABELS: Readonly<Record<string, string>> = { 'c:menu': '全部问题', 'c:help': '使用说明' };

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** A topic title as a button name: without its parenthesis, cut to `maxBytes`. */
export function shortLabel(title: string, maxBytes: number): string {
  const bare = title.replace(/[(（][^)）]*[)）]/gu, '').trim() || title.trim();
  let label = '';
  for (const char of bare) {
    if (bytes(label + char) > maxBytes) break;
    label += char;
  }
  return label;
}

function invalid(message: string, details: string[] = []): BotError {
  return new BotError(ErrorCodes.WECHAT_MP_MENU_INVALID, `wechat-mp menu: ${message}`, details);
}

/** Every topic, five to a group; past 15 topics the last button shows the whole menu instead. */
export function autoLayout(source: MenuSource): MenuGroup[] {
  const slots = MENU_LIMITS.groups * MENU_LIMITS.buttons;
  const ids = source.topics.map((topic) => `t:${topic.id}`);
  const shown: Array<string | { id: string; label: string }> = ids.length > slots ? [...ids.slice(0, slots - 1), ALL_TOPICS] : ids;
  const groups: MenuGroup[] = [];
  for (let i = 0; i < shown.length; i += MENU_LIMITS.buttons) {
    groups.push({ name: AUTO_GROUPS[groups.length] as string, buttons: shown.slice(i, i + MENU_LIMITS.buttons) });
  }
  return groups;
}

/**
 * Builds the menu from `layout`, or from {@link autoLayout} when none is given. Labels come
 * from topic and entry titles unless the layout gives one.
 * @throws BotError QLB_WECHAT_MP_MENU_INVALID naming what is wrong.
 */
export function buildMenu(source: MenuSource, layout: readonly MenuGroup[] = autoLayout(source)): MpMenu {
  if (layout.length < 1 || layout.length > MENU_LIMITS.groups) throw invalid(`needs 1 to ${MENU_LIMITS.groups} groups, has ${layout.length}`);
  const titles = new Map<string, string>([
    ...source.topics.map((topic) => [`t:${topic.id}`, topic.title] as const),
    ...source.entries.map((entry) => [`e:${entry.id}`, entry.title] as const),
    ...Object.entries(COMMAND_LABELS),
  ]);
  const button = layout.map((group, g): MpButton => {
    if (bytes(group.name) > MENU_LIMITS.topNameBytes || group.name.trim() === '') {
      throw invalid(`group ${g + 1} name "${group.name}" must be 1 to ${MENU_LIMITS.topNameBytes} bytes (5 Chinese characters)`, [`[${g}].name`]);
    }
    if (group.buttons.length < 1 || group.buttons.length > MENU_LIMITS.buttons) {
      throw invalid(`group "${group.name}" needs 1 to ${MENU_LIMITS.buttons} buttons, has ${group.buttons.length}`, [`[${g}].buttons`]);
    }
    const sub_button = group.buttons.map((item, b): MpButton => {
      const { id, label } = typeof item === 'string' ? { id: item, label: undefined } : item;
      const title = titles.get(id);
      if (title === undefined) throw invalid(`group "${group.name}" names ${id}, which is no topic (t:…), entry (e:…) or c:menu`, [`[${g}].buttons[${b}]`]);
      if (bytes(id) > MENU_LIMITS.keyBytes) throw invalid(`key ${id} is over ${MENU_LIMITS.keyBytes} bytes`, [`[${g}].buttons[${b}]`]);
      if (label !== undefined && (label.trim() === '' || bytes(label) > MENU_LIMITS.subNameBytes)) {
        throw invalid(`label "${label}" must be 1 to ${MENU_LIMITS.subNameBytes} bytes (20 Chinese characters)`, [`[${g}].buttons[${b}].label`]);
      }
      return { type: 'click', name: label ?? shortLabel(title, MENU_LIMITS.subNameBytes), key: id };
    });
    return { name: group.name, sub_button };
  });
  return { button };
}

/** The menu as an indented list, for staff to read before pushing it. */
export function formatMenu(menu: MpMenu): string {
  return menu.button
    .flatMap((top) => [top.name, ...(top.sub_button ?? []).map((sub) => `  ${sub.name}  (${sub.key ?? ''})`)])
    .join('\n');
}
