/**
 * The tables of a sweep database (results.duckdb):
 * - `meta(key, value)`: spec text and hash, resolved base scenario (JSON),
 *   tool version, git commit, design method, sizes, factors, outputs, shard;
 * - `design(point, [bookkeeping], <factor>…)`: every design point in design
 *   order (sobol: block, step; morris: trajectory, step, moved, delta);
 * - `runs(run_id, point, replication, seed, <factor>…, status, wall_ms, error)`;
 * - `outputs(run_id, <metric>…)`: one row per successful run;
 * - `trajectories(run_id, tick, metric, value)`: only when an output is a trajectory.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { gitCommit, toolVersion } from '../../output/manifest.js';
import { ident } from './db.js';
import { scalarOutputs, totalRuns, trajectoryOutputs, type SweepPlan } from './plan.js';
import { formatShard, type Shard } from './shard.js';

const FORMAT = 'gvc-sim-sweep/1';

const factorColumns = (p: SweepPlan, type: string) => p.factors.map((f) => `${ident(f.name)} ${type}`);

function bookkeepingColumns(p: SweepPlan): string[] {
  if (p.design.method === 'sobol') return ['block INTEGER', 'step INTEGER'];
  if (p.design.method === 'morris') return ['trajectory INTEGER', 'step INTEGER', 'moved VARCHAR', 'delta DOUBLE'];
  return [];
}

/** CREATE TABLE statements for a plan. */
export function schemaSql(p: SweepPlan): string[] {
  const out = [
    'CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)',
    `CREATE TABLE design (${['point INTEGER PRIMARY KEY', ...bookkeepingColumns(p), ...factorColumns(p, 'DOUBLE')].join(', ')})`,
    `CREATE TABLE runs (${['run_id INTEGER PRIMARY KEY', 'point INTEGER', 'replication INTEGER', 'seed INTEGER', ...factorColumns(p, 'DOUBLE'), 'status VARCHAR', 'wall_ms DOUBLE', 'error VARCHAR'].join(', ')})`,
    `CREATE TABLE outputs (${['run_id INTEGER PRIMARY KEY', ...scalarOutputs(p).map((o) => `${ident(o.metric)} DOUBLE`)].join(', ')})`,
  ];
  if (trajectoryOutputs(p).length > 0) out.push('CREATE TABLE trajectories (run_id INTEGER, tick INTEGER, metric VARCHAR, value DOUBLE)');
  return out;
}

/** The meta entries of a new sweep database. */
export function metaEntries(p: SweepPlan, shard: Shard): Record<string, string> {
  return {
    format: FORMAT,
    spec_name: p.name,
    spec_file: p.file,
    spec_text: p.text,
    spec_hash: p.hash,
    base_scenario: JSON.stringify(p.base.scenario),
    tool_version: toolVersion(),
    git_commit: gitCommit() ?? '',
    created_at: new Date().toISOString(),
    design_method: p.design.method,
    points: String(p.design.rows.length),
    replications: String(p.spec.replications),
    runs_total: String(totalRuns(p)),
    factors: JSON.stringify(p.factors.map((f) => ({ name: f.name, paths: f.paths.map((x) => x.join('.')) }))),
    outputs: JSON.stringify(p.outputs.map((o) => ({ metric: o.metric, reduction: o.reduction }))),
    shard: formatShard(shard),
  };
}

/** Writes the meta entries (inside the caller's transaction). */
export async function writeMeta(conn: DuckDBConnection, entries: Record<string, string>): Promise<void> {
  const a = await conn.createAppender('meta');
  for (const [k, v] of Object.entries(entries)) {
    a.appendVarchar(k);
    a.appendVarchar(v);
    a.endRow();
  }
  a.closeSync();
}

/** Writes every design point (inside the caller's transaction). */
export async function writeDesign(conn: DuckDBConnection, p: SweepPlan): Promise<void> {
  const d = p.design;
  const a = await conn.createAppender('design');
  d.rows.forEach((row, r) => {
    a.appendInteger(r);
    if (d.method === 'sobol') [d.block[r]!, d.step[r]!].forEach((x) => a.appendInteger(x));
    if (d.method === 'morris') {
      a.appendInteger(d.trajectory[r]!);
      a.appendInteger(d.step[r]!);
      if (d.moved[r]! < 0) a.appendNull();
      else a.appendVarchar(d.names[d.moved[r]!]!);
      a.appendDouble(d.delta[r]!);
    }
    row.forEach((x) => a.appendDouble(x));
    a.endRow();
  });
  a.closeSync();
}
