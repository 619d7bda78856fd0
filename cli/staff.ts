/**
 * `staff add|list|remove|password`: the staff console's accounts, kept in the store in
 * DATA_DIR. Passwords are typed without echo at a terminal or read from a pipe; every change
 * goes to the audit log as made on the command line, by the operating-system user.
 */
import os from 'node:os';
import type { Command } from 'commander';
import { addStaff, changeStaffPassword, checkStaffName, removeStaff, staffNotFound, type AccountChange } from '../src/service/staff/staff-accounts.js';
import { staffExists, type StaffStore } from '../src/service/staff/staff-store.js';
import type { CliIo } from './io.js';
import { readNewPassword } from './password-prompt.js';
import { setup } from './shared.js';

/** Who the audit log names for changes made here. */
function cliActor(): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the change is still logged, as by an unknown user.
  }
  return `命令行(${user})`;
}

/** Registers `staff` and its subcommands on the program. */
export function registerStaffCommand(program: Command, io: CliIo): void {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const withStore = async (work: (change: AccountChange & { store: StaffStore }) => Promise<void>) => {
    const { config, logger } = setup(io, true);
    // The store's drivers load with a staff command, not with every start of the CLI.
    const { openStaffStore } = await import('../src/service/staff/open-staff-store.js');
    const store = await openStaffStore(config, logger);
    try {
      await work({ store, actor: cliActor() });
    } finally {
      store.close();
    }
  };
  const group = program.command('staff').description('工作人员后台(/staff)的账号:添加、列出、删除、改密码');

  group
    .command('add')
    .description('添加一个工作人员账号;密码在终端里输入(不显示),或从管道读第一行')
    .argument('<name>', '账号名:1 到 32 个汉字、字母、数字或 . _ -')
    .action(async (name: string) => {
      checkStaffName(name);
      await withStore(async (change) => {
        if (await change.store.getAccount(name)) throw staffExists(name);
        await addStaff(change, name, await readNewPassword(io, name));
        out(`已添加工作人员账号“${name}”,可以在 /staff 登录。`);
      });
    });

  group
    .command('list')
    .description('列出工作人员账号')
    .action(() =>
      withStore(async ({ store }) => {
        const { localTime } = await import('../src/service/staff/review-lines.js');
        const accounts = await store.listAccounts();
        if (accounts.length === 0) {
          out('还没有工作人员账号:用 legal-bot staff add 名字 添加。');
          return;
        }
        out(`工作人员账号(${accounts.length} 个):`);
        for (const a of accounts) out(`  ${a.name}  创建于 ${localTime(a.createdAt)}  密码更新于 ${localTime(a.passwordChangedAt)}`);
      }),
    );

  group
    .command('remove')
    .description('删除一个工作人员账号(它的登录随即失效)')
    .argument('<name>', '账号名')
    .action((name: string) =>
      withStore(async (change) => {
        await removeStaff(change, name);
        out(`已删除工作人员账号“${name}”。`);
      }),
    );

  group
    .command('password')
    .description('给工作人员账号设新密码(它的所有登录随即失效)')
    .argument('<name>', '账号名')
    .action((name: string) =>
      withStore(async (change) => {
        if (!(await change.store.getAccount(name))) throw staffNotFound(name);
        await changeStaffPassword(change, name, await readNewPassword(io, name));
        out(`已更新“${name}”的密码;原来的登录都已失效。`);
      }),
    );
}
