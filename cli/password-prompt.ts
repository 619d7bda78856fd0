/**
 * Reads a password for `staff add` / `staff password`: at a terminal, typed without echo
 * (asked twice); from a pipe, the first line of standard input, so scripts can set one.
 */
import { BotError, ErrorCodes } from '../src/errors.js';
import type { CliIo } from './io.js';

type RawInput = CliIo['stdin'] & { setRawMode?: (mode: boolean) => unknown };

/** Reads one line typed at the terminal without showing it. */
function readHidden(io: CliIo, prompt: string): Promise<string> {
  const input = io.stdin as RawInput;
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let typed = '';
    const done = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer | string) => {
      const chars = [...chunk.toString('utf8')];
      for (const [i, char] of chars.entries()) {
        if (char === '\r' || char === '\n') {
          // Typed ahead (or pasted with the next line): left for the next question.
          const rest = chars.slice(i + 1).join('').replace(/^\n/, '');
          done();
          if (rest) input.unshift(Buffer.from(rest));
          return;
        }
        if (char === '\u0003' || char === '\u0004') return done(new BotError(ErrorCodes.STAFF_PASSWORD_INVALID, '已取消,没有读到密码'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode?.(true);
    input.on('data', onData);
    input.resume();
  });
}

/** The first line of a piped standard input (without its line end). */
async function readFirstLine(io: CliIo): Promise<string> {
  let text = '';
  for await (const chunk of io.stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

/**
 * The new password: typed twice at a terminal, or the first line of piped input.
 * @throws BotError QLB_STAFF_PASSWORD_INVALID when none was given or the two differ.
 */
export async function readNewPassword(io: CliIo, name: string): Promise<string> {
  if (!io.stdin.isTTY) {
    const password = await readFirstLine(io);
    if (password === '') throw new BotError(ErrorCodes.STAFF_PASSWORD_INVALID, '标准输入里没有密码:请在第一行写密码,例如 printf "%s\\n" "$PW" | legal-bot staff add 名字');
    return password;
  }
  const first = await readHidden(io, `${name} 的新密码(输入时不显示):`);
  const again = await readHidden(io, '再输入一次:');
  if (first !== again) throw new BotError(ErrorCodes.STAFF_PASSWORD_INVALID, '两次输入的密码不一致,没有改动');
  return first;
}
