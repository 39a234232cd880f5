/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999), as the
 * EMA Workbench uses it for scenario discovery (Bryant & Lempert 2010;
 * Kwakkel 2017): find a box, a set of limits on a few inputs, inside which
 * most runs are cases of interest.
 *
 * Peeling starts from the box that holds every run and repeatedly cuts off a
 * slice of about `peelAlpha` of the runs still in the box: the lowest or
 * highest `peelAlpha` quantile of one numeric input, or one category of a
 * categorical input. Each step takes the candidate the objective rates best
 * (ties go to the candidate that leaves more inputs unrestricted, then to the
 * first in input order, upper before lower) and stops when no candidate raises
 * the share of cases of interest or the box would hold less than `massMin` of
 * the runs. Pasting then widens the last box again, a `pasteAlpha` quantile
 * of the runs just outside one restricted limit at a time, while that raises
 * the share. Every box on the way is kept: the peeling trajectory trades
 * coverage (the share of all cases of interest inside the box) for density
 * (the share of the box's runs that are cases of interest).
 *
 * Everything here is deterministic: no random draws, fixed orders.
 */
import { binomialUpperTail } from './binomial.js';

/** How candidate boxes are rated (EMA Workbench names). */
export type PrimObjective = 'lenient1' | 'lenient2' | 'original';

export const PRIM_OBJECTIVES: readonly PrimObjective[] = ['lenient1', 'lenient2', 'original'];

/** An input: numbers (peeled by quantiles) or labels (peeled one category at a time). */
export type PrimDimension = { kind: 'numeric'; name: string; values: ArrayLike<number> } | { kind: 'categorical'; name: string; values: readonly string[] };

export interface PrimInput {
  dims: readonly PrimDimension[];
  /** One flag per run: is it a case of interest? */
  interest: ArrayLike<boolean | number>;
}

export interface PrimOptions {
  /** Share of the box's runs cut off per peel (default 0.05). */
  peelAlpha?: number;
  /** Share of the runs just outside a limit added back per paste (default 0.05). */
  pasteAlpha?: number;
  /** Smallest share of all runs a box may hold (default 0.05). */
  massMin?: number;
  /**
   * `lenient1` (the default, as in the EMA Workbench): gain in density per
   * run removed; `lenient2`: that gain times the runs kept (Friedman & Fisher,
   * eq. 14.6); `original`: the density of the candidate box.
   */
  objective?: PrimObjective;
}

/** A box's limits on one input: an interval, or the categories it keeps. */
export type BoxLimit = { kind: 'numeric'; lower: number; upper: number } | { kind: 'categorical'; categories: string[] };

export interface PrimBox {
  /** Position on the trajectory: 0 is the box holding every run. */
  index: number;
  /** How the box was reached from the one before. */
  step: 'start' | 'peel' | 'paste';
  /** One limit per input, in input order. */
  limits: BoxLimit[];
  /** Runs in the box, and cases of interest among them. */
  runs: number;
  cases: number;
  /** cases / all cases of interest. */
  coverage: number;
  /** cases / runs. */
  density: number;
  /** runs / all runs. */
  mass: number;
  /** Inputs whose limits are narrower than the whole data's. */
  restricted: number;
  /** Indices of the runs in the box, ascending. */
  members: Uint32Array;
}

export interface PrimResult {
  names: string[];
  /** The limits of box 0: every input's range (numeric) or categories (categorical) in the data. */
  init: BoxLimit[];
  runs: number;
  cases: number;
  boxes: PrimBox[];
  options: Required<PrimOptions>;
}

/** Quasi-p-values of one input's restriction in a box (Bryant & Lempert 2010). */
export interface QuasiP {
  name: string;
  /**
   * P(at least the box's cases of interest among its runs) if each run were a
   * case with the density of the box with this input's restriction removed:
   * a one-sided binomial test. Small: the restriction matters.
   */
  qp: number;
  /** The same with only the lower or only the upper limit removed (numeric inputs restricted on that side; EMA reports these). */
  qpLower?: number;
  qpUpper?: number;
}

export const PRIM_DEFAULTS: Required<PrimOptions> = { peelAlpha: 0.05, pasteAlpha: 0.05, massMin: 0.05, objective: 'lenient1' };

/** Inputs as typed columns: numbers, or category codes into sorted labels. */
type Column = { kind: 'numeric'; x: Float64Array } | { kind: 'categorical'; x: Int32Array; labels: string[] };

/** Limits in working form: intervals for numeric inputs, a kept-flag per category for categorical ones. */
interface Limits {
  lower: Float64Array;
  upper: Float64Array;
  keep: (Uint8Array | null)[];
}

/**
 * A quantile as the EMA Workbench (after SDToolkit) takes it: halfway between
 * the order statistic at q·(n − 1) and the next distinct value towards the
 * median, so that a peel of tied values (a grid's levels) cuts whole levels.
 */
export function peelQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const i = (n - 1) * q;
  let lo = Math.floor(i);
  let hi = Math.ceil(i);
  if (q > 0.5) while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  else while (sorted[lo] === sorted[hi] && hi < n - 1) hi++;
  return (sorted[lo]! + sorted[hi]!) / 2;
}

function columnsOf(input: PrimInput): { columns: Column[]; interest: Uint8Array } {
  const n = input.interest.length;
  if (n === 0) throw new RangeError('PRIM needs at least one run');
  const interest = Uint8Array.from({ length: n }, (_, i) => (input.interest[i] ? 1 : 0));
  const columns = input.dims.map((d): Column => {
    if (d.values.length !== n) throw new RangeError(`input ${d.name} has ${d.values.length} values for ${n} runs`);
    if (d.kind === 'numeric') {
      const x = Float64Array.from(d.values);
      if (x.some((v) => !Number.isFinite(v))) throw new RangeError(`input ${d.name} has a value that is not a finite number`);
      return { kind: 'numeric', x };
    }
    const labels = [...new Set(d.values)].sort();
    const code = new Map(labels.map((l, k) => [l, k]));
    return { kind: 'categorical', x: Int32Array.from(d.values, (v) => code.get(v)!), labels };
  });
  return { columns, interest };
}

function initialLimits(columns: Column[]): Limits {
  const D = columns.length;
  const lim: Limits = { lower: new Float64Array(D), upper: new Float64Array(D), keep: columns.map(() => null) };
  columns.forEach((c, j) => {
    if (c.kind === 'numeric') {
      let [lo, hi] = [Infinity, -Infinity];
      for (const v of c.x) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      [lim.lower[j], lim.upper[j]] = [lo, hi];
    } else lim.keep[j] = new Uint8Array(c.labels.length).fill(1);
  });
  return lim;
}

const copyLimits = (l: Limits): Limits => ({ lower: l.lower.slice(), upper: l.upper.slice(), keep: l.keep.map((k) => k?.slice() ?? null) });

function inBox(columns: Column[], lim: Limits, i: number): boolean {
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j]!;
    if (c.kind === 'numeric') {
      const v = c.x[i]!;
      if (v < lim.lower[j]! || v > lim.upper[j]!) return false;
    } else if (!lim.keep[j]![c.x[i]!]) return false;
  }
  return true;
}

/** Every run inside the limits. */
function membersOf(columns: Column[], lim: Limits, runs: number): Uint32Array {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) if (inBox(columns, lim, i)) out.push(i);
  return Uint32Array.from(out);
}

function isRestricted(init: Limits, lim: Limits, j: number): boolean {
  const k = lim.keep[j];
  if (k) return k.some((v, c) => v !== init.keep[j]![c]);
  return lim.lower[j] !== init.lower[j] || lim.upper[j] !== init.upper[j];
}

const restrictedCount = (init: Limits, lim: Limits) => init.lower.reduce((n, _, j) => n + (isRestricted(init, lim, j) ? 1 : 0), 0);

function casesIn(interest: Uint8Array, members: Uint32Array): number {
  let h = 0;
  for (const i of members) h += interest[i]!;
  return h;
}

/** Objective of moving from a box with (n0 runs, h0 cases) to one with (n1, h1). */
function objective(kind: PrimObjective, n0: number, h0: number, n1: number, h1: number): number {
  const mean0 = h0 / n0;
  const mean1 = n1 > 0 ? h1 / n1 : 0;
  if (kind === 'original') return n1 > 0 ? mean1 : -1;
  if (mean1 === mean0 || n1 === n0) return 0;
  const gain = (mean1 - mean0) / Math.abs(n1 - n0);
  return kind === 'lenient1' ? gain : n1 * gain;
}

interface Candidate {
  lim: Limits;
  members: Uint32Array;
}

/** The peels of one box: each numeric input cut at its upper then lower quantile, each kept category dropped. */
function peels(columns: Column[], box: Candidate, alpha: number): Candidate[] {
  const out: Candidate[] = [];
  columns.forEach((c, j) => {
    if (c.kind === 'numeric') {
      const xs = Float64Array.from(box.members, (i) => c.x[i]!).sort();
      const upper = peelQuantile(xs, 1 - alpha);
      const lower = peelQuantile(xs, alpha);
      const up = copyLimits(box.lim);
      up.upper[j] = upper;
      out.push({ lim: up, members: box.members.filter((i) => c.x[i]! <= upper) });
      const low = copyLimits(box.lim);
      low.lower[j] = lower;
      out.push({ lim: low, members: box.members.filter((i) => c.x[i]! >= lower) });
      return;
    }
    const keep = box.lim.keep[j]!;
    if (keep.reduce((a, b) => a + b, 0) < 2) return;
    keep.forEach((kept, code) => {
      if (!kept) return;
      const lim = copyLimits(box.lim);
      lim.keep[j]![code] = 0;
      out.push({ lim, members: box.members.filter((i) => c.x[i] !== code) });
    });
  });
  return out;
}

/** The pastes of one box: each restricted numeric limit moved out by a quantile of the runs beyond it, each dropped category added back. */
function pastes(columns: Column[], init: Limits, box: Candidate, alpha: number, runs: number): Candidate[] {
  const out: Candidate[] = [];
  columns.forEach((c, j) => {
    if (!isRestricted(init, box.lim, j)) return;
    if (c.kind === 'categorical') {
      box.lim.keep[j]!.forEach((kept, code) => {
        if (kept) return;
        const lim = copyLimits(box.lim);
        lim.keep[j]![code] = 1;
        out.push({ lim, members: membersOf(columns, lim, runs) });
      });
      return;
    }
    for (const side of ['lower', 'upper'] as const) {
      // The runs inside the box on every other input and between the limit and the data's edge.
      const slab = copyLimits(box.lim);
      if (side === 'lower') [slab.lower[j], slab.upper[j]] = [init.lower[j]!, box.lim.lower[j]!];
      else [slab.lower[j], slab.upper[j]] = [box.lim.upper[j]!, init.upper[j]!];
      const xs = Float64Array.from(membersOf(columns, slab, runs), (i) => c.x[i]!).sort();
      const lim = copyLimits(box.lim);
      if (side === 'lower') lim.lower[j] = xs.length > 0 ? peelQuantile(xs, 1 - alpha) : init.lower[j]!;
      else lim.upper[j] = xs.length > 0 ? peelQuantile(xs, alpha) : init.upper[j]!;
      out.push({ lim, members: membersOf(columns, lim, runs) });
    }
  });
  return out;
}

/** The best-rated candidate: highest objective, then most inputs left unrestricted, then the first. */
function best(kind: PrimObjective, init: Limits, box: Candidate, cands: Candidate[], interest: Uint8Array) {
  const n0 = box.members.length;
  const h0 = casesIn(interest, box.members);
  let top: { cand: Candidate; obj: number; free: number; cases: number } | undefined;
  for (const cand of cands) {
    const cases = casesIn(interest, cand.members);
    const obj = objective(kind, n0, h0, cand.members.length, cases);
    const free = init.lower.length - restrictedCount(init, cand.lim);
    if (!top || obj > top.obj || (obj === top.obj && free > top.free)) top = { cand, obj, free, cases };
  }
  return top;
}

function checkOptions(o: Required<PrimOptions>): void {
  const share = (name: string, v: number) => {
    if (!(v > 0 && v < 1)) throw new RangeError(`PRIM's ${name} must lie strictly between 0 and 1, got ${v}`);
  };
  share('peelAlpha', o.peelAlpha);
  share('pasteAlpha', o.pasteAlpha);
  share('massMin', o.massMin);
  if (!PRIM_OBJECTIVES.includes(o.objective)) throw new RangeError(`unknown PRIM objective '${o.objective}'`);
}

/** Runs PRIM once (one box, as the EMA Workbench's `find_box`): the whole peeling and pasting trajectory. */
export function prim(input: PrimInput, options: PrimOptions = {}): PrimResult {
  const opts: Required<PrimOptions> = { ...PRIM_DEFAULTS, ...options };
  checkOptions(opts);
  const { columns, interest } = columnsOf(input);
  const runs = interest.length;
  const total = casesIn(interest, Uint32Array.from({ length: runs }, (_, i) => i));
  const init = initialLimits(columns);
  const boxes: PrimBox[] = [];
  const record = (c: Candidate, step: PrimBox['step']) => {
    const cases = casesIn(interest, c.members);
    const n = c.members.length;
    boxes.push({
      index: boxes.length,
      step,
      limits: publicLimits(columns, c.lim),
      runs: n,
      cases,
      coverage: total > 0 ? cases / total : 0,
      density: n > 0 ? cases / n : 0,
      mass: n / runs,
      restricted: restrictedCount(init, c.lim),
      members: c.members,
    });
  };
  let box: Candidate = { lim: copyLimits(init), members: membersOf(columns, init, runs) };
  record(box, 'start');

  for (;;) {
    const top = best(opts.objective, init, box, peels(columns, box, opts.peelAlpha), interest);
    const n = top?.cand.members.length ?? 0;
    if (!top || !(n / runs >= opts.massMin && n < box.members.length && top.obj > 0)) break;
    box = top.cand;
    record(box, 'peel');
  }
  for (;;) {
    const top = best(opts.objective, init, box, pastes(columns, init, box, opts.pasteAlpha, runs), interest);
    if (!top) break;
    const n = top.cand.members.length;
    const denser = top.cases / n > casesIn(interest, box.members) / box.members.length;
    if (!(n / runs >= opts.massMin && n > box.members.length && top.obj > 0 && denser)) break;
    box = top.cand;
    record(box, 'paste');
  }
  return { names: input.dims.map((d) => d.name), init: publicLimits(columns, init), runs, cases: total, boxes, options: opts };
}

function publicLimits(columns: Column[], lim: Limits): BoxLimit[] {
  return columns.map((c, j) =>
    c.kind === 'numeric' ? { kind: 'numeric', lower: lim.lower[j]!, upper: lim.upper[j]! } : { kind: 'categorical', categories: c.labels.filter((_, k) => lim.keep[j]![k]) },
  );
}

/** True when a box's limit on an input is narrower than the data's. */
export function limitRestricted(init: BoxLimit, limit: BoxLimit): boolean {
  if (init.kind === 'numeric' && limit.kind === 'numeric') return limit.lower !== init.lower || limit.upper !== init.upper;
  if (init.kind === 'categorical' && limit.kind === 'categorical') return limit.categories.length < init.categories.length;
  throw new RangeError('limits of different kinds');
}

/**
 * Quasi-p-values of every restricted input of box `index` (Bryant & Lempert
 * 2010, as the EMA Workbench computes them): the chance of the box's density
 * or more if its runs had the density of the box with that restriction (or
 * that one limit) removed. `input` must be the data PRIM ran on.
 */
export function quasiPValues(input: PrimInput, result: PrimResult, index: number): QuasiP[] {
  const box = result.boxes[index];
  if (!box) throw new RangeError(`no box ${index} on a trajectory of ${result.boxes.length}`);
  const { columns, interest } = columnsOf(input);
  const toLimits = (ls: BoxLimit[]): Limits => {
    const lim = initialLimits(columns);
    ls.forEach((l, j) => {
      if (l.kind === 'numeric') [lim.lower[j], lim.upper[j]] = [l.lower, l.upper];
      else {
        const c = columns[j] as Extract<Column, { kind: 'categorical' }>;
        lim.keep[j] = Uint8Array.from(c.labels, (label) => (l.categories.includes(label) ? 1 : 0));
      }
    });
    return lim;
  };
  const init = toLimits(result.init);
  const lim = toLimits(box.limits);
  const test = (relaxed: Limits) => {
    const members = membersOf(columns, relaxed, result.runs);
    return binomialUpperTail(box.cases, box.runs, casesIn(interest, members) / members.length);
  };
  const out: QuasiP[] = [];
  columns.forEach((c, j) => {
    if (!isRestricted(init, lim, j)) return;
    const whole = copyLimits(lim);
    const q: QuasiP = { name: result.names[j]!, qp: NaN };
    if (c.kind === 'categorical') whole.keep[j] = init.keep[j]!.slice();
    else {
      [whole.lower[j], whole.upper[j]] = [init.lower[j]!, init.upper[j]!];
      if (lim.lower[j] !== init.lower[j]) {
        const relaxed = copyLimits(lim);
        relaxed.lower[j] = init.lower[j]!;
        q.qpLower = test(relaxed);
      }
      if (lim.upper[j] !== init.upper[j]) {
        const relaxed = copyLimits(lim);
        relaxed.upper[j] = init.upper[j]!;
        q.qpUpper = test(relaxed);
      }
    }
    q.qp = test(whole);
    out.push(q);
  });
  return out;
}

/**
 * The box to show by default: of the boxes whose density reaches
 * `minDensity`, the one with the highest coverage (then fewer restricted
 * inputs, then the earlier). Along a trajectory density only rises, so this
 * is the first box to reach `minDensity`. When none does, the densest
 * (the last: the box the EMA Workbench selects), flagged `reached: false`.
 */
export function defaultBox(result: PrimResult, minDensity: number): { index: number; reached: boolean } {
  let pick: PrimBox | undefined;
  for (const b of result.boxes) {
    if (b.density < minDensity) continue;
    if (!pick || b.coverage > pick.coverage || (b.coverage === pick.coverage && b.restricted < pick.restricted)) pick = b;
  }
  if (pick) return { index: pick.index, reached: true };
  let densest = result.boxes[0]!;
  for (const b of result.boxes) if (b.density >= densest.density) densest = b;
  return { index: densest.index, reached: false };
}
