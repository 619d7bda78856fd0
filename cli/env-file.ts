import fs from 'node:fs';

/**
 * Reads settings from an env file into the environment before config is parsed, so
 * `npm start` picks up `.env` as people expect. Variables already set win over the file.
 * `file` false (`--no-env-file`) reads nothing; undefined reads `.env` when it exists.
 */
export function loadEnvFile(file: string | false | undefined): string | undefined {
  if (file === false) return undefined;
  const path = file ?? '.env';
  if (file === undefined && !fs.existsSync(path)) return undefined;
  process.loadEnvFile(path);
  return path;
}
