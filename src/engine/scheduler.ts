/**
 * An ordered list of named phases over a world. A phase is a plain function
 * that mutates the world; each can be called alone in a test.
 */
export interface Phase<W> {
  readonly name: string;
  run(world: W): void;
}

export function phase<W>(name: string, run: (world: W) => void): Phase<W> {
  return { name, run };
}

export class Scheduler<W> {
  constructor(readonly phases: readonly Phase<W>[]) {}

  /** Runs every phase once, in order; `after` is called after each (invariant checks hook in here). */
  step(world: W, after?: (phaseName: string, world: W) => void): void {
    for (const p of this.phases) {
      p.run(world);
      after?.(p.name, world);
    }
  }
}
