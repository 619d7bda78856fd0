import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { BotError, ErrorCodes } from '../src/errors.js';
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
  let text: string;
  try {
    text = fs.readFileSync(where, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new BotError(ErrorCodes.CONFIG_INVALID, `配置有误:无法读取设置文件 ${where}(${code}),请检查 --env-file 给出的路径`, ['--env-file'], { cause: error });
  }
  for (const [key, value] of Object.entries(parseEnv(text))) io.env[key] ??= value;
  return where;
}
