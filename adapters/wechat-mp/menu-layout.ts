/**
 * The optional layout file of the account's menu (`wechat-mp-menu.yaml` in the knowledge
 * directory): which topics and entries go under which of the three top buttons.
 */
import fs from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { BotError, ErrorCodes } from '../../src/errors.js';
import type { MenuGroup } from './menu.js';

export const LAYOUT_FILE = 'wechat-mp-menu.yaml';

const LayoutSchema = z.array(
  z.object({
    name: z.string().trim().min(1),
    buttons: z.array(z.union([z.string().trim().min(1), z.object({ id: z.string().trim().min(1), label: z.string().trim().min(1).optional() })])),
  }),
);

/**
 * Reads a layout file; undefined when `required` is false and the file does not exist.
 * @throws BotError QLB_WECHAT_MP_MENU_INVALID for unreadable YAML or a wrong shape.
 */
export function readMenuLayout(file: string, required: boolean): MenuGroup[] | undefined {
  if (!required && !fs.existsSync(file)) return undefined;
  let data: unknown;
  try {
    data = YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new BotError(ErrorCodes.WECHAT_MP_MENU_INVALID, `wechat-mp menu: cannot read ${file} (${(error as Error).message.split('\n')[0]})`, [file], {
      cause: error,
    });
  }
  const parsed = LayoutSchema.safeParse(data);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${file}: ${issue.path.join('.')}: ${issue.message}`);
    throw new BotError(ErrorCodes.WECHAT_MP_MENU_INVALID, `wechat-mp menu: ${file} is not a menu layout`, details);
  }
  return parsed.data;
}
