/**
 * A loaded sweep: the spec, its base scenario, factors, outputs and design,
 * and the runs it implies. Run `id` = point × replications + replication, so
 * a point's replications are neighbours and ids are stable across shards.
 */
import type { DesignTable } from '../designs/index.js';
import type { BaseScenario, Factor } from './factors.js';
import { runSeed } from './seeds.js';
import type { Reduction, SweepSpec } from './spec-schema.js';

/** One output: a model metric, its index in MODEL_METRICS and how a run's series is reduced. */
export interface OutputSpec {
  metric: string;
  index: number;
  reduction: Reduction;
}

export interface SweepPlan {
  /** The spec file as given, and its text (stored in the results). */
  file: string;
  text: string;
  name: string;
  spec: SweepSpec;
  base: BaseScenario;
  factors: Factor[];
  outputs: OutputSpec[];
  design: DesignTable;
  /** SHA-256 of everything that determines the results (spec content and resolved base scenario). */
  hash: string;
}

/** One run of the sweep. */
export interface RunRef {
  id: number;
  point: number;
  replication: number;
  seed: number;
}

export const totalRuns = (p: SweepPlan): number => p.design.rows.length * p.spec.replications;

/** The run with this id. */
export function runRef(p: SweepPlan, id: number): RunRef {
  const reps = p.spec.replications;
  const point = Math.floor(id / reps);
  const replication = id % reps;
  return { id, point, replication, seed: runSeed(p.spec.seed, point, replication) };
}

/** Outputs stored as one number per run (everything but trajectories). */
export const scalarOutputs = (p: SweepPlan): OutputSpec[] => p.outputs.filter((o) => o.reduction !== 'trajectory');

/** Outputs stored tick by tick in the trajectories table. */
export const trajectoryOutputs = (p: SweepPlan): OutputSpec[] => p.outputs.filter((o) => o.reduction === 'trajectory');
