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
