/**
 * The part of better-sqlite3's API the store uses (the package ships no types; this avoids
 * a dependency on @types/better-sqlite3 for a handful of calls).
 */
declare module 'better-sqlite3' {
  namespace BetterSqlite3 {
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement<Row = unknown> {
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): Row | undefined;
      all(...params: unknown[]): Row[];
    }
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      /** Milliseconds to wait for a locked database before SQLITE_BUSY (default 5000). */
      timeout?: number;
    }
    interface Database {
      readonly open: boolean;
      prepare<Row = unknown>(sql: string): Statement<Row>;
      exec(sql: string): this;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
      close(): this;
    }
  }
  interface DatabaseConstructor {
    new (filename: string, options?: BetterSqlite3.Options): BetterSqlite3.Database;
  }
  namespace Database {
    type Database = BetterSqlite3.Database;
    type Statement<Row = unknown> = BetterSqlite3.Statement<Row>;
    type Options = BetterSqlite3.Options;
    type RunResult = BetterSqlite3.RunResult;
  }
  const Database: DatabaseConstructor;
  export = Database;
}
