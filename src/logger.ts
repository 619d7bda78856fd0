/**
 * The one pino root logger. Children carry the conversation; every string that reaches a
 * log line is masked (src/answer/privacy), at any level.
 */
import { pino, type Logger, type DestinationStream } from 'pino';
import { maskPatterns, type Masker } from './answer/privacy/mask.js';

export type { Logger } from 'pino';

/**
 * The root logger exists before any knowledge base is loaded: until one is, lines are masked
 * by the patterns that need no word list; then by the engine's masker (its lists and tagger).
 */
let maskPersonal: Masker = maskPatterns;

/** Masks every log line with `mask` from now on: the engine in use's (set at start and on reload). */
export function maskLogsWith(mask: Masker): void {
  maskPersonal = mask;
}

function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskPersonal(value);
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  // An error's message may quote what a person wrote: kept as a plain object, masked.
  if (value instanceof Error) {
    const { code } = value as Error & { code?: unknown };
    return { type: value.name, message: maskPersonal(value.message), stack: value.stack && maskPersonal(value.stack), ...(code === undefined ? {} : { code }) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = maskDeep(inner, depth + 1);
  return out;
}

/**
 * Creates the root logger. Logs go to stderr by default so that CLI output on stdout
 * stays machine-readable.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskPersonal(arg) : arg));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that writes nothing, for tests and tools. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
