import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { packageRoot } from '../src/paths.js';
import type { CliIo } from './io.js';

/**
 * Reads settings from an env file into `io.env` before config is parsed, so `npm start`
 * picks up `.env` as people expect. Variables already set win over the file. `file` false
 * (`--no-env-file`) reads nothing; undefined reads the package's `.env` when it exists.
 */
export function loadEnvFile(io: CliIo, file: string | false | undefined): string | undefined {
  if (file === false) return undefined;
  const where = file === undefined ? path.join(packageRoot(), '.env') : path.resolve(io.cwd, file);
  if (file === undefined && !fs.existsSync(where)) return undefined;
  for (const [key, value] of Object.entries(parseEnv(fs.readFileSync(where, 'utf8')))) io.env[key] ??= value;
  return where;
}
