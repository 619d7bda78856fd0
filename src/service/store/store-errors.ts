/**
 * What staff read when `stats` or `review` cannot use the store: one line in Chinese that
 * says what is wrong and what to do, with a stable code, instead of a stack trace.
 */
import { BotError, ErrorCodes, type ErrorCode } from '../../errors.js';
import { errorCode } from './store-health.js';

const KINDS: Array<{ test: RegExp; code: ErrorCode; say: (where: string) => string }> = [
  {
    test: /^SQLITE_(NOTADB|CORRUPT)/,
    code: ErrorCodes.STORE_CORRUPT,
    say: (where) => `数据库文件已损坏或不是数据库(${where}):请从备份恢复,或把它移走,机器人会重新建一个`,
  },
  {
    test: /^(SQLITE_FULL|ENOSPC|EDQUOT|SQLITE_IOERR_SHMSIZE)/,
    code: ErrorCodes.STORE_DISK_FULL,
    say: (where) => `磁盘已满,无法读取或写出(${where}):请清理磁盘空间后再试`,
  },
  {
    test: /^SQLITE_(BUSY|LOCKED)/,
    code: ErrorCodes.STORE_LOCKED,
    say: (where) => `数据库正被其他进程锁住(${where}):请稍后再试`,
  },
];

/**
 * The {@link BotError} for an error met reading the store at `where` (a file or folder) or
 * writing the CSV: corrupt, disk full, locked, or else unreadable (permissions, read-only
 * folder, missing). Its message is one line and names the underlying code. An error without
 * a SQLite or system code (a bug, not a fault of the store) is returned as it is.
 */
export function storeReadError(error: unknown, where: string, options: { output?: boolean } = {}): unknown {
  if (error instanceof BotError || typeof (error as { code?: unknown } | undefined)?.code !== 'string') return error;
  const cause = errorCode(error);
  const kind = KINDS.find(({ test }) => test.test(cause));
  if (kind) return new BotError(kind.code, `${kind.say(where)}。[${cause}]`, [], { cause: error });
  if (options.output) {
    return new BotError(ErrorCodes.OUTPUT_FAILED, `无法写出文件(${where}):请检查路径和权限。[${cause}]`, [], { cause: error });
  }
  return new BotError(
    ErrorCodes.STORE_UNREADABLE,
    `无法读取数据目录或数据库(${where}):请检查 DATA_DIR 的路径和权限;数据目录须可写(SQLite 读取时也要在其中建 -shm 文件),只读时请把数据库复制到可写的目录再用 DATA_DIR 指向它。[${cause}]`,
    [],
    { cause: error },
  );
}
