/** Thin helpers over @duckdb/node-api: open a database file with friendly errors, quote names, read rows. */
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue, type JS } from '@duckdb/node-api';
import { UserError } from '../../errors.js';

export interface Db {
  conn: DuckDBConnection;
  close(): void;
}

/** Opens (creating unless read-only) a database file; a lock held by another process is a UserError. */
export async function openDb(file: string, opts: { readOnly?: boolean } = {}): Promise<Db> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(file, opts.readOnly ? { access_mode: 'READ_ONLY' } : {});
  } catch (err) {
    const message = (err as Error).message;
    if (/lock/i.test(message)) throw new UserError(`${file} is in use by another process (${message.split('\n')[0]})`, 'wait for that sweep to finish or stop it first');
    throw new UserError(`cannot open ${file}: ${message.split('\n')[0]}`);
  }
  const conn = await instance.connect();
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** A quoted SQL identifier: factor names such as `regions.*.financeDepth` are column names. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A quoted SQL string literal (for file paths in COPY and ATTACH, which take no parameters). */
export const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Every row of a query as objects of plain JS values. */
export async function rows(conn: DuckDBConnection, sql: string, params?: DuckDBValue[]): Promise<Record<string, JS>[]> {
  return (await conn.runAndReadAll(sql, params)).getRowObjectsJS();
}

/** Runs `body` in one transaction: committed when it returns, rolled back when it throws. */
export async function transaction<T>(conn: DuckDBConnection, body: () => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  try {
    const out = await body();
    await conn.run('COMMIT');
    return out;
  } catch (err) {
    await conn.run('ROLLBACK');
    throw err;
  }
}

/** Names of the tables of the open database, sorted. */
export async function tableNames(conn: DuckDBConnection): Promise<string[]> {
  const r = await rows(conn, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' ORDER BY table_name");
  return r.map((x) => String(x.table_name));
}
