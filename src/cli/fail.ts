import { machineFault, pathMisuse, SYSTEM_ERROR_EXIT_CODE, UserError, USER_ERROR_EXIT_CODE } from '../errors.js';

/**
 * Prints a user error without a stack trace (exit 2; a file given where a
 * folder must be is one), a machine fault (full
 * disk, no permission, read-only file system) the same way (exit 1);
 * anything else is a bug and shows its stack (exit 1).
 */
export function reportFailure(thrown: unknown): never {
  const err = pathMisuse(thrown) ?? thrown;
  if (err instanceof UserError) {
    console.error(`error: ${err.message}`);
    if (err.hint) console.error(`hint: ${err.hint}`);
    process.exit(USER_ERROR_EXIT_CODE);
  }
  const fault = machineFault(err);
  if (fault) {
    console.error(`error: ${fault.message}`);
    if (fault.hint) console.error(`hint: ${fault.hint}`);
    process.exit(SYSTEM_ERROR_EXIT_CODE);
  }
  console.error('gvc-sim hit an internal error (a bug; please report it with the command you ran):');
  console.error(err);
  process.exit(1);
}
