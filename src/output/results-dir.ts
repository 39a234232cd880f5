/**
 * Where a run's files go. An earlier run is never silently overwritten:
 * without --out a run that would land on an earlier one goes to a new,
 * numbered folder; an explicit non-empty --out needs --force.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';

function isNonEmptyDir(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}

export interface OutputDirOptions {
  /** Folder name under `root` when no `out` is given (usually the scenario name). */
  name: string;
  out?: string;
  force?: boolean;
  root?: string;
}

/** Creates and returns the folder a run writes to. */
export function prepareOutputDir({ name, out, force = false, root = 'results' }: OutputDirOptions): string {
  if (out) {
    if (isNonEmptyDir(out) && !force) {
      throw new UserError(`the output folder '${out}' already holds files`, 'pass --force to write over them, or choose another --out');
    }
    mkdirSync(out, { recursive: true });
    return out;
  }
  let dir = join(root, name);
  for (let k = 2; isNonEmptyDir(dir); k++) dir = join(root, `${name}-${k}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
