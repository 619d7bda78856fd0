/**
 * Managing staff accounts (`legal-bot staff …`): names checked, passwords checked and
 * hashed, every change written to the audit log with who made it.
 */
import { BotError, ErrorCodes } from '../../errors.js';
import { checkNewPassword, DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './passwords.js';
import type { StaffStore } from './staff-store.js';

/** 1 to 32 Chinese characters, letters, digits, dots, underscores or dashes. */
export const STAFF_NAME = /^[\p{Script=Han}A-Za-z0-9._-]{1,32}$/u;

/** @throws BotError QLB_STAFF_NAME_INVALID, in Chinese. */
export function checkStaffName(name: string): void {
  if (!STAFF_NAME.test(name)) {
    throw new BotError(ErrorCodes.STAFF_NAME_INVALID, `账号名“${name.slice(0, 40)}”不合规则:须为 1 到 32 个汉字、字母、数字或 . _ -`);
  }
}

export interface AccountChange {
  store: StaffStore;
  /** Who makes the change, for the audit log. */
  actor: string;
  now?: number;
  /** scrypt's cost (tests make it cheap). */
  params?: ScryptParams;
}

/** The error of a name without an account. */
export function staffNotFound(name: string): BotError {
  return new BotError(ErrorCodes.STAFF_NOT_FOUND, `没有工作人员账号“${name}”`);
}
const notFound = staffNotFound;

/** Creates an account. @throws BotError (name, password, QLB_STAFF_EXISTS). */
export async function addStaff(change: AccountChange, name: string, password: string): Promise<void> {
  checkStaffName(name);
  checkNewPassword(password);
  const now = change.now ?? Date.now();
  const passwordHash = await hashPassword(password, change.params ?? DEFAULT_SCRYPT);
  await change.store.addAccount({ name, passwordHash, createdAt: now, passwordChangedAt: now });
  await change.store.audit({ at: now, actor: change.actor, action: 'staff.add', target: name });
}

/** Removes an account (its logins end). @throws BotError QLB_STAFF_NOT_FOUND. */
export async function removeStaff(change: AccountChange, name: string): Promise<void> {
  if (!(await change.store.removeAccount(name))) throw notFound(name);
  await change.store.audit({ at: change.now ?? Date.now(), actor: change.actor, action: 'staff.remove', target: name });
}

/** Sets a new password (every login of the account ends). @throws BotError. */
export async function changeStaffPassword(change: AccountChange, name: string, password: string): Promise<void> {
  if (!(await change.store.getAccount(name))) throw notFound(name);
  checkNewPassword(password);
  const now = change.now ?? Date.now();
  const passwordHash = await hashPassword(password, change.params ?? DEFAULT_SCRYPT);
  if (!(await change.store.setPassword(name, passwordHash, now))) throw notFound(name);
  await change.store.audit({ at: now, actor: change.actor, action: 'staff.password', target: name });
}
