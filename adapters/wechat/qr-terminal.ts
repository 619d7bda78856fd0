/**
 * Draws the login QR code in the terminal with whichever QR library is already installed:
 * `qrcode-terminal` if the operator added it, else `qrcode` (a dependency of wechaty's
 * file-box, so normally present). Neither is a dependency of ours; without them the logged
 * URL (an image of the code) still works.
 */

type Write = (text: string) => void;

// Names in variables: these modules are optional and untyped, so TypeScript must not resolve them.
const QRCODE_TERMINAL = 'qrcode-terminal';
const QRCODE = 'qrcode';

interface QrcodeTerminal {
  generate(text: string, options: { small: boolean }, done: (drawing: string) => void): void;
}
interface Qrcode {
  toString(text: string, options: { type: 'terminal'; small: boolean }): Promise<string>;
}

/** Writes the QR code of `value` (to stderr by default). Resolves false when no library could draw it. */
export async function drawQr(value: string, write: Write = (text) => process.stderr.write(text)): Promise<boolean> {
  const terminal = await optional<QrcodeTerminal>(QRCODE_TERMINAL);
  if (terminal?.generate) {
    const drawing = await new Promise<string>((resolve) => terminal.generate(value, { small: true }, resolve));
    write(`${drawing}\n`);
    return true;
  }
  const qrcode = await optional<Qrcode>(QRCODE);
  // Every object has a toString; only qrcode's own one draws.
  if (qrcode && (qrcode.toString as unknown) !== Object.prototype.toString) {
    try {
      write(`${await qrcode.toString(value, { type: 'terminal', small: true })}\n`);
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

async function optional<T>(name: string): Promise<T | undefined> {
  try {
    const module = (await import(name)) as { default?: T } & T;
    return module.default ?? module;
  } catch {
    return undefined;
  }
}
