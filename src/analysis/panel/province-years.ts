/**
 * Aggregation of a run's per-tick region rows (REGION_METRICS order) to
 * province-years, the unit of the paper's panel:
 *
 * - flows (`exports`) are summed over the ticks of the year (annual exports =
 *   sum of monthly exports);
 * - every other metric (shares, indices, means, the pilot-zone flag, the firm
 *   count) is averaged over the ticks of the year, so `pilotZone` becomes the
 *   share of the year the zone was open.
 *
 * Year y (1-based) covers ticks (y − 1)·ticksPerYear … y·ticksPerYear − 1; a
 * trailing incomplete year is dropped.
 */
import { UserError } from '../../errors.js';
import { REGION_METRICS } from '../../model/reporters.js';

/** Region metrics that are flows per tick and so add up over a year. */
export const SUMMED_METRICS: readonly string[] = ['exports'];

export interface Province {
  readonly name: string;
  readonly group: string;
}

export interface ProvinceYear {
  readonly province: string;
  readonly group: string;
  /** 1-based year of the run. */
  readonly year: number;
  /** Annual values in REGION_METRICS order. */
  readonly values: Float64Array;
}

const summed = REGION_METRICS.map((m) => SUMMED_METRICS.includes(m));

/** Accumulates tick rows into province-years; feed it every tick of one run in order. */
export class ProvinceYearAggregator {
  private readonly sums: Float64Array[][] = [];
  private readonly ticks: number[] = [];

  constructor(
    private readonly provinces: readonly Province[],
    private readonly ticksPerYear: number,
  ) {
    if (!Number.isInteger(ticksPerYear) || ticksPerYear < 1) throw new UserError(`ticksPerYear must be a whole number ≥ 1, got ${ticksPerYear}`);
  }

  /** Adds one tick's rows (one per province, REGION_METRICS order). */
  add(tick: number, regions: readonly ArrayLike<number>[]): void {
    if (regions.length !== this.provinces.length) throw new Error(`${regions.length} region rows for ${this.provinces.length} provinces`);
    const y = Math.floor(tick / this.ticksPerYear);
    this.sums[y] ??= this.provinces.map(() => new Float64Array(REGION_METRICS.length));
    this.ticks[y] = (this.ticks[y] ?? 0) + 1;
    regions.forEach((row, r) => {
      const acc = this.sums[y]![r]!;
      for (let j = 0; j < acc.length; j++) acc[j]! += row[j]!;
    });
  }

  /** Complete years only, ordered by province (in the order given) then year. */
  rows(): ProvinceYear[] {
    const years = this.sums.flatMap((_, y) => (this.ticks[y] === this.ticksPerYear ? [y] : []));
    return this.provinces.flatMap((p, r) =>
      years.map((y) => ({
        province: p.name,
        group: p.group,
        year: y + 1,
        values: this.sums[y]![r]!.map((s, j) => (summed[j] ? s : s / this.ticksPerYear)),
      })),
    );
  }
}

/** Index of a region metric by name (throws for an unknown name: a programming error). */
export function regionMetricIndex(name: string): number {
  const j = (REGION_METRICS as readonly string[]).indexOf(name);
  if (j < 0) throw new Error(`unknown region metric '${name}'`);
  return j;
}
