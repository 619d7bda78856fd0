/**
 * Staff commands typed in any chat: `/why 问题` (how the bot reads a question) and
 * `/reload` (reload the knowledge base now). Only senders listed in STAFF_IDS as
 * `adapter:senderId` may use them; for everyone else they are ordinary text and take the
 * normal answer path.
 */
import type { ReloadOutcome } from '../service/reload/knowledge-reloader.js';
import type { InboundMessage, Reply } from '../types.js';

export interface StaffOptions {
  /** Allowed senders, each `adapter:senderId` (e.g. `telegram:12345`, `wechat:wxid_abc`). */
  staffIds: readonly string[];
  /** The `why` explanation of a question (a dry run of the real pipeline, rendered). */
  explain(question: string, asker: InboundMessage): Promise<string>;
  reload(): Promise<ReloadOutcome>;
}

/** Returns the staff reply to `message`, or undefined when it is not a staff command from staff. */
export type StaffCommands = (message: InboundMessage) => Promise<Reply | undefined>;

/** Most problems listed in a `/reload` reply; the log has them all. */
const MAX_LISTED = 10;
const COMMAND = /^[/／](why|reload)(?=\s|$)\s*([\s\S]*)$/iu;

/** The id a sender is listed by in STAFF_IDS. */
export function staffId(message: InboundMessage): string {
  return `${message.adapter}:${message.senderId}`;
}

/** Formats what a reload did, for the staff member who asked. */
export function describeReload(outcome: ReloadOutcome): string {
  if (outcome.ok && outcome.unchanged) return `知识库文件自上次加载以来没有改动,无需重新加载:仍为 ${outcome.topics} 个主题,${outcome.entries} 条答案。`;
  if (outcome.ok) return `知识库已重新加载:${outcome.topics} 个主题,${outcome.entries} 条答案(${outcome.ms} ms)。`;
  const listed = outcome.problems.slice(0, MAX_LISTED).map((problem) => `· ${problem}`);
  const more = outcome.problems.length > MAX_LISTED ? [`……另有 ${outcome.problems.length - MAX_LISTED} 处,见日志。`] : [];
  return [`知识库有 ${outcome.problems.length} 处问题,未加载,仍在使用原来的版本:`, ...listed, ...more].join('\n');
}

/** Creates the staff command handler. */
export function createStaffCommands(options: StaffOptions): StaffCommands {
  const staff = new Set(options.staffIds);
  return async (message) => {
    if (message.kind !== 'text' || staff.size === 0 || !staff.has(staffId(message))) return undefined;
    const command = COMMAND.exec(message.text.trim());
    if (!command) return undefined;
    const name = command[1]?.toLowerCase();
    const rest = (command[2] ?? '').trim();
    if (name === 'reload') return { kind: 'staff', text: describeReload(await options.reload()) };
    if (rest === '') return { kind: 'staff', text: '用法:/why 问题  (例如 /why 去哪里申请法律援助)' };
    return { kind: 'staff', text: await options.explain(rest, message) };
  };
}
