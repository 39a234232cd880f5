/** Opening a finished (or partial) sweep's results folder for reading. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../errors.js';
import { openDb, type Db } from './db.js';
import { DB_FILE, readMeta } from './store.js';

export interface SweepResults {
  db: Db;
  file: string;
  meta: Map<string, string>;
}

/** The database file of a results folder; a UserError when there is none. */
export function resultsFile(dir: string): string {
  const file = join(dir, DB_FILE);
  if (!existsSync(file)) throw new UserError(`${dir} holds no sweep results (no ${DB_FILE})`, 'run `gvc-sim sweep SPEC` first; for shards, `gvc-sim merge` them into one folder');
  return file;
}

/** Opens a results folder read-only with its meta table. */
export async function openResults(dir: string): Promise<SweepResults> {
  const file = resultsFile(dir);
  const db = await openDb(file, { readOnly: true });
  try {
    return { db, file, meta: await readMeta(db) };
  } catch {
    db.close();
    throw new UserError(`${file} is not a gvc-sim sweep database (it has no meta table)`);
  }
}

/** A meta value that must be there. */
export function metaValue(r: SweepResults, key: string): string {
  const v = r.meta.get(key);
  if (v === undefined) throw new UserError(`${r.file}: its meta table has no '${key}' (written by an older or newer gvc-sim?)`);
  return v;
}
