/**
 * A real pino logger (masking included) writing JSON lines into memory, so tests can read
 * what would have been logged.
 */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.js';

export interface LogSink {
  logger: Logger;
  /** Every line logged so far, parsed. */
  lines(): Array<Record<string, unknown>>;
  /** Everything logged so far, as one string (to search for text that must not be there). */
  text(): string;
}

/** Creates a logger at `level` (debug by default) and the sink it writes to. */
export function createLogSink(level = 'debug'): LogSink {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger(level, sink),
    lines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    text: () => lines.join('\n'),
  };
}
