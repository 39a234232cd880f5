/**
 * Errors a user can cause (bad file, bad option, bad data). The CLI prints
 * `message` (and `hint` when given) and exits with code 2; it never prints a
 * stack trace for these. Anything else that escapes is a bug.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const USER_ERROR_EXIT_CODE = 2;

/**
 * A fault of the machine, not of the program or the input: a full disk, a
 * folder without write permission, a read-only file system. The CLI prints
 * `message` and `hint` without a stack trace and exits with code 1.
 */
export class SystemError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'SystemError';
  }
}

export const SYSTEM_ERROR_EXIT_CODE = 1;

/** File-system error codes that are the machine's fault, with what to do about each. */
const MACHINE_FAULTS: Record<string, { what: string; hint: string }> = {
  ENOSPC: { what: 'no space left on the device', hint: 'free some disk space (or write elsewhere with --out) and run it again' },
  EDQUOT: { what: 'the disk quota is used up', hint: 'free some of your quota (or write elsewhere with --out) and run it again' },
  EACCES: { what: 'permission denied', hint: 'write to a folder you may write to (--out), or change the folder\u2019s permissions' },
  EPERM: { what: 'operation not permitted', hint: 'write to a folder you may write to (--out), or change the folder\u2019s permissions' },
  EROFS: { what: 'the file system is read-only', hint: 'write to a writable folder with --out' },
  EMFILE: { what: 'too many open files', hint: 'raise the limit (ulimit -n) or run fewer workers' },
};

/**
 * The machine fault behind a Node file-system error, naming the path (given,
 * or the error's own), or undefined for any other error.
 */
export function machineFault(err: unknown, path?: string): SystemError | undefined {
  if (err instanceof SystemError) return err;
  const e = err as NodeJS.ErrnoException | null;
  const fault = e && typeof e === 'object' && typeof e.code === 'string' ? MACHINE_FAULTS[e.code] : undefined;
  if (!fault) return undefined;
  const where = path ?? e!.path;
  return new SystemError(`cannot write ${where ?? 'a file'}: ${fault.what} (${e!.code})`, fault.hint);
}

/**
 * A file-system error caused by a path the user gave (a file where a folder
 * must be: `--out` naming a file, or a folder under one), as a UserError;
 * undefined for any other error.
 */
export function pathMisuse(err: unknown): UserError | undefined {
  const e = err as NodeJS.ErrnoException | null;
  if (!e || typeof e !== 'object' || !(e.code === 'ENOTDIR' || (e.code === 'EEXIST' && e.syscall === 'mkdir'))) return undefined;
  return new UserError(`cannot use ${e.path ?? 'the path'} as a folder: it, or a folder on its way, is a file`, 'give --out a folder (new or existing), or move the file out of the way');
}
