/**
 * Commands and @-mentions in message text. Pure string work, shared by the update mapping
 * and its tests. Telegram usernames are [A-Za-z0-9_] and compared case-insensitively.
 */

/** The commands the bot registers with setMyCommands; each reaches the core as a `command` message. */
export const MENU_COMMANDS = ['start', 'help', 'menu'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** A leading `/command` or `/command@botname`, as Telegram clients send them. */
export interface Command {
  name: string;
  /** The bot named after `@`, when any. */
  target?: string;
  /** What follows the command (a /start deep-link payload, or words). */
  rest: string;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?=\s|$)([\s\S]*)$/;

/** Parses a command at the start of `text`; undefined when the text is not a command. */
export function parseCommand(text: string): Command | undefined {
  const match = COMMAND.exec(text);
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), target: match[2], rest: (match[3] ?? '').trim() };
}

/** True unless the command names another bot (`/start@otherbot` in a group with several bots). */
export function isAddressedTo(command: Command, botUsername: string): boolean {
  return command.target === undefined || command.target.toLowerCase() === botUsername.toLowerCase();
}

/** True for /start, /help and /menu. */
export function isMenuCommand(command: Command): command is Command & { name: MenuCommand } {
  return (MENU_COMMANDS as readonly string[]).includes(command.name);
}

/** The command without its `@botname`, so the core sees `/foo bar` rather than `/foo@bot bar`. */
export function commandText(command: Command): string {
  return command.rest ? `/${command.name} ${command.rest}` : `/${command.name}`;
}

function mentionPattern(botUsername: string): RegExp {
  const name = botUsername.replace(/[^A-Za-z0-9_]/g, '');
  // Not preceded by a word character (so e-mail-like "a@bot" does not count), not followed by one.
  return new RegExp(`(^|[^A-Za-z0-9_])@${name}(?![A-Za-z0-9_])`, 'gi');
}

/** True when `text` @-mentions the bot. */
export function mentions(text: string, botUsername: string): boolean {
  return botUsername !== '' && mentionPattern(botUsername).test(text);
}

/** Removes every @-mention of the bot and the spacing it leaves, so the core sees the question alone. */
export function stripMention(text: string, botUsername: string): string {
  if (botUsername === '') return text.trim();
  return text
    .replace(mentionPattern(botUsername), '$1')
    .replace(/[ \t\u3000]{2,}/g, ' ')
    .trim();
}
