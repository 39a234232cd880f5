/**
 * Invariant checks: named predicates over a world that return a problem
 * description or null. Tests always turn them on; runs may.
 */
export interface Invariant<W> {
  readonly name: string;
  /** Phases after which the check runs; `undefined` means after every phase. */
  readonly after?: readonly string[];
  check(world: W): string | null;
}

export class InvariantViolation extends Error {
  constructor(
    readonly invariant: string,
    readonly phase: string,
    detail: string,
  ) {
    super(`invariant '${invariant}' broken after phase '${phase}': ${detail}`);
    this.name = 'InvariantViolation';
  }
}

export function checkInvariants<W>(world: W, phaseName: string, invariants: readonly Invariant<W>[]): void {
  for (const inv of invariants) {
    if (inv.after && !inv.after.includes(phaseName)) continue;
    const problem = inv.check(world);
    if (problem !== null) throw new InvariantViolation(inv.name, phaseName, problem);
  }
}

/** Relative closeness used by accounting checks. */
export function relativelyEqual(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}
