/**
 * The staff keys: who may use staff commands in a chat (`STAFF_IDS`) and the staff console's
 * sessions (`STAFF_SESSION_*`).
 */
import { z } from 'zod';
import { integer, optionalMatching } from './fields.js';

/** The staff part of the environment schema. */
export const StaffKeys = {
  STAFF_IDS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]+:\S+$/, '写成 渠道:发送者ID,例如 telegram:12345'))),
  STAFF_SESSION_SECRET: optionalMatching(/^\S{32,}$/, '至少 32 个字符、不含空格的随机字符串(例如 openssl rand -hex 32 的输出)'),
  STAFF_SESSION_HOURS: integer(8, 1, 24 * 30),
  /** Seal callback phone numbers at rest: comma-separated keys, the first seals, the rest still open older ones. */
  CALLBACK_KEYS: z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((key) => key.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, '每个密钥 64 个十六进制字符(openssl rand -hex 32 的输出),多个用逗号分隔'))),
};

type StaffValues = z.infer<z.ZodObject<typeof StaffKeys>>;

/** The staff console on the HTTP server (`/staff`). */
export interface StaffConsoleConfig {
  /** Signs the session cookie; unset = a random one per process (sessions end at a restart). */
  sessionSecret?: string;
  /** A login lasts this long at most; an idle session ends sooner (see the console's sessions). */
  sessionMs: number;
}

/** The staff settings of `e`. */
export function staffConfig(e: StaffValues): { staffIds: string[]; staffConsole: StaffConsoleConfig; callbackKeys: string[] } {
  return {
    staffIds: e.STAFF_IDS,
    callbackKeys: e.CALLBACK_KEYS,
    staffConsole: { sessionSecret: e.STAFF_SESSION_SECRET, sessionMs: e.STAFF_SESSION_HOURS * 3_600_000 },
  };
}
