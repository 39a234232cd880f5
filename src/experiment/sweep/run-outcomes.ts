/**
 * Reads a sweep back run by run, for scenario discovery (`gvc-sim discover`):
 * every successful run's factor values and one metric value. Unlike the
 * `analyze` reader (one mean per design point), replications stay separate
 * rows: each seed is one run.
 *
 * The value is the metric's final-year mean. With `year`, it is the mean over
 * that year's ticks (year 1 is ticks 0 … ticksPerYear − 1), which needs the
 * metric stored as a trajectory.
 */
import { existsSync, statSync } from 'node:fs';
import { UserError } from '../../errors.js';
import { didYouMean } from '../../scenario/index.js';
import { ident, literal, rows } from './db.js';
import { metaValue, openResults, type SweepResults } from './results.js';

export interface RunFactor {
  name: string;
  /** Numbers for numeric factors; labels for any stored as text or switches. */
  values: number[] | string[];
}

export interface RunOutcomes {
  /** The spec's name. */
  sweep: string;
  metric: string;
  /** What the values are: `final-year`, `year 3`, or the reduction the sweep stored when that is all there is. */
  source: string;
  runIds: number[];
  factors: RunFactor[];
  /** One per run in `runIds`, NaN when the run produced none. */
  values: number[];
  /** Runs recorded as failed (left out). */
  failed: number;
}

interface StoredOutput {
  metric: string;
  reduction: string;
}

type Row = Record<string, unknown>;

/** The folder must exist and be a directory; the rest is checked when the database opens. */
function checkDir(dir: string): void {
  if (!existsSync(dir)) throw new UserError(`${dir} does not exist: give the folder a sweep wrote (e.g. results/policy-levers)`);
  if (!statSync(dir).isDirectory()) throw new UserError(`${dir} is a file, not a sweep results folder`);
}

function findOutput(r: SweepResults, metric: string): StoredOutput {
  const outputs = JSON.parse(metaValue(r, 'outputs')) as StoredOutput[];
  const found = outputs.find((o) => o.metric === metric);
  if (found) return found;
  const names = outputs.map((o) => o.metric);
  throw new UserError(`the sweep did not record '${metric}'${didYouMean(metric, names)} (its outputs: ${names.join(', ')})`);
}

/** Ticks and ticks per year of the sweep's runs (from the resolved base scenario). */
function clock(r: SweepResults): { ticks: number; ticksPerYear: number } {
  const base = JSON.parse(metaValue(r, 'base_scenario')) as { ticks: number; ticksPerYear: number };
  return { ticks: base.ticks, ticksPerYear: base.ticksPerYear };
}

/** The SQL for each run's value and a description of it. */
function valueQuery(r: SweepResults, out: StoredOutput, year: number | undefined): { sql: string; source: string } {
  const m = out.metric;
  const fromTrajectory = (from: number, to: number) => ({
    sql: `SELECT run_id, avg(value ORDER BY tick) AS value FROM trajectories WHERE metric = ${literal(m)} AND tick >= ${from} AND tick < ${to} GROUP BY run_id`,
  });
  const { ticks, ticksPerYear } = clock(r);
  if (year !== undefined) {
    if (out.reduction !== 'trajectory')
      throw new UserError(`--year needs ${m} stored tick by tick, but the sweep stored its ${out.reduction} value: add '${m}: trajectory' to the spec's outputs, or leave out --year`);
    const years = Math.floor(ticks / ticksPerYear);
    if (!(Number.isInteger(year) && year >= 1 && year <= years))
      throw new UserError(`--year must be a whole year from 1 to ${years} (the runs have ${ticks} ticks of ${ticksPerYear} per year), got ${year}`);
    return { ...fromTrajectory((year - 1) * ticksPerYear, year * ticksPerYear), source: `year ${year}` };
  }
  if (out.reduction === 'trajectory') return { ...fromTrajectory(ticks - Math.min(ticks, ticksPerYear), ticks), source: 'final-year' };
  return { sql: `SELECT run_id, ${ident(m)} AS value FROM outputs`, source: out.reduction };
}

/** Reads every successful run of a sweep folder with its factors and the metric's value. */
export async function readRunOutcomes(dir: string, metric: string, opts: { year?: number } = {}): Promise<RunOutcomes> {
  checkDir(dir);
  const r = await openResults(dir);
  try {
    const out = findOutput(r, metric);
    const names = (JSON.parse(metaValue(r, 'factors')) as { name: string }[]).map((f) => f.name);
    const q = valueQuery(r, out, opts.year);
    const factorCols = names.map((n) => `r.${ident(n)}`).join(', ');
    const runs = await rows(
      r.db.conn,
      `SELECT r.run_id, ${factorCols}${factorCols ? ', ' : ''}v.value FROM runs r LEFT JOIN (${q.sql}) v USING (run_id) WHERE r.status = 'ok' ORDER BY r.run_id`,
    );
    const [{ failed }] = (await rows(r.db.conn, "SELECT count(*) AS failed FROM runs WHERE status = 'failed'")) as [Row];
    return {
      sweep: metaValue(r, 'spec_name'),
      metric,
      source: q.source,
      runIds: runs.map((x) => Number(x.run_id)),
      factors: names.map((name) => ({ name, values: factorValues(runs, name) })),
      values: runs.map((x) => (x.value === null || x.value === undefined ? NaN : Number(x.value))),
      failed: Number(failed),
    };
  } finally {
    r.db.close();
  }
}

/** A factor's column: numbers, or labels when the store holds text or switches. */
function factorValues(runs: Row[], name: string): number[] | string[] {
  const col = runs.map((x) => x[name]);
  if (col.every((v) => typeof v === 'number' || typeof v === 'bigint')) return col.map(Number);
  return col.map((v) => String(v));
}
