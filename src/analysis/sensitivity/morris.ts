import { UserError } from '../../errors.js';
import type { DesignTable, MorrisDesign } from '../../experiment/designs/types.js';
import { bootstrapIntervals, resolveBootstrap, withIntervals, type BootstrapOptions, type Estimate } from './bootstrap.js';
import { checkDesignOutputs, differingColumns } from './design-check.js';

/** Morris screening measures per parameter. */
export interface MorrisIndices {
  /** Trajectories r and parameters D. */
  r: number;
  d: number;
  /** Mean elementary effect (Morris 1991); signed, so effects of opposite sign cancel. */
  mu: number[];
  /** Mean absolute elementary effect (Campolongo, Cariboni & Saltelli 2007), with a bootstrap interval over trajectories. */
  muStar: Estimate[];
  /** Standard deviation of the elementary effects (n − 1 denominator): non-linearity or interactions. */
  sigma: number[];
  bootstrap: number;
  confidence: number;
}

/** Design rows of each trajectory, indexed by step; checks steps 0..D each occur once. */
function trajectories(d: MorrisDesign): number[][] {
  const D = d.names.length;
  const byTrajectory = new Map<number, number[]>();
  d.rows.forEach((_, r) => {
    const [t, s] = [d.trajectory[r]!, d.step[r]!];
    if (!Number.isInteger(s) || s < 0 || s > D) throw new UserError(`design row ${r + 1}: step ${s} is not an integer in 0..${D}`);
    let rows = byTrajectory.get(t);
    if (!rows) byTrajectory.set(t, (rows = new Array<number>(D + 1).fill(-1)));
    if (rows[s]! >= 0) throw new UserError(`design rows ${rows[s]! + 1} and ${r + 1} both are trajectory ${t}, step ${s}`);
    rows[s] = r;
  });
  for (const [t, rows] of byTrajectory) {
    const missing = rows.indexOf(-1);
    if (missing >= 0) throw new UserError(`design trajectory ${t} has no step ${missing}`);
  }
  return [...byTrajectory.values()];
}

/** Elementary effects of one trajectory, by parameter: (y_s − y_{s−1}) / delta_s for the parameter moved at step s. */
function effects(d: MorrisDesign, y: ArrayLike<number>, rows: number[]): number[] {
  const ee = new Array<number>(d.names.length).fill(NaN);
  for (let s = 1; s < rows.length; s++) {
    const [prev, cur] = [rows[s - 1]!, rows[s]!];
    const i = d.moved[cur]!;
    if (!(i >= 0 && i < ee.length) || d.delta[cur] === 0 || !Number.isNaN(ee[i]!))
      throw new UserError(`design row ${cur + 1}: each step must move a new parameter by a non-zero delta (trajectory ${d.trajectory[cur]}, step ${s})`);
    if (differingColumns(d.rows[prev]!, d.rows[cur]!, i).length > 0)
      throw new UserError(`design row ${cur + 1} differs from the previous step in more than column "${d.names[i]}"`);
    ee[i] = (y[cur]! - y[prev]!) / d.delta[cur]!;
  }
  return ee;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample standard deviation (n − 1 denominator). */
function sd(xs: number[]): number {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Morris (1991) elementary-effects screening: per parameter μ, μ* (Campolongo
 * et al. 2007) and σ over the r trajectories of a morris design, with a
 * percentile bootstrap interval for μ* (resampling trajectories). Effects are
 * per unit-cube step, so for y = Σ c_i x_i on [min_i, max_i], μ*_i = |c_i|·(max_i − min_i).
 */
export function morrisIndices(design: DesignTable, y: ArrayLike<number>, opts: BootstrapOptions = {}): MorrisIndices {
  const o = resolveBootstrap(opts);
  checkDesignOutputs(design, y, 'morris');
  const ee = trajectories(design).map((rows) => effects(design, y, rows));
  if (ee.length < 2) throw new UserError(`morris analysis needs at least 2 trajectories (got ${ee.length})`);
  const column = (i: number, ts: ArrayLike<number>) => Array.from(ts, (t) => ee[t]![i]!);
  const all = ee.map((_, t) => t);
  const absMeans = (ts: ArrayLike<number>) => design.names.map((_, i) => mean(column(i, ts).map(Math.abs)));
  const ci = o.bootstrap > 0 ? bootstrapIntervals(ee.length, absMeans, o) : [];
  return {
    r: ee.length,
    d: design.names.length,
    mu: design.names.map((_, i) => mean(column(i, all))),
    muStar: withIntervals(absMeans(all), ci),
    sigma: design.names.map((_, i) => sd(column(i, all))),
    bootstrap: o.bootstrap,
    confidence: o.confidence,
  };
}
