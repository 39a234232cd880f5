/**
 * Reducing a run's per-tick model metrics to what a sweep stores: the last
 * tick (`final`), the mean over the last year (`final-year`, the last
 * ticksPerYear ticks, as `run` summarises), the mean over the run (`mean`),
 * or every tick (`trajectory`).
 */
import type { Reduction } from './spec-schema.js';

/** An output as a worker needs it: which metric (index into MODEL_METRICS) and how to reduce it. */
export interface OutputTask {
  index: number;
  reduction: Reduction;
}

/** What one run yields: one number per scalar output, one series per trajectory output (both in output order). */
export interface ReducedRun {
  values: number[];
  trajectories: Float64Array[];
}

export class Reducer {
  private readonly scalar: OutputTask[];
  private readonly series: OutputTask[];
  private readonly sums: Float64Array;
  private readonly counts: Uint32Array;
  private readonly last: Float64Array;
  private readonly trajectories: Float64Array[];
  private readonly yearStart: number;

  constructor(outputs: readonly OutputTask[], ticks: number, ticksPerYear: number) {
    this.scalar = outputs.filter((o) => o.reduction !== 'trajectory');
    this.series = outputs.filter((o) => o.reduction === 'trajectory');
    this.sums = new Float64Array(this.scalar.length);
    this.counts = new Uint32Array(this.scalar.length);
    this.last = new Float64Array(this.scalar.length);
    this.trajectories = this.series.map(() => new Float64Array(ticks));
    this.yearStart = ticks - Math.min(ticks, ticksPerYear);
  }

  /** Takes one tick's model metrics (MODEL_METRICS order). */
  add(tick: number, model: Float64Array): void {
    this.scalar.forEach((o, k) => {
      const v = model[o.index]!;
      this.last[k] = v;
      if (o.reduction === 'mean' || (o.reduction === 'final-year' && tick >= this.yearStart)) {
        this.sums[k]! += v;
        this.counts[k]!++;
      }
    });
    this.series.forEach((o, k) => (this.trajectories[k]![tick] = model[o.index]!));
  }

  result(): ReducedRun {
    const values = this.scalar.map((o, k) => (o.reduction === 'final' ? this.last[k]! : this.sums[k]! / this.counts[k]!));
    return { values, trajectories: this.trajectories };
  }
}
