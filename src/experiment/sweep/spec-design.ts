/** The design a spec asks for, built over its factors; problems point at the spec's `design` or factors. */
import { UserError } from '../../errors.js';
import { ScenarioError, type ScenarioIssue } from '../../scenario/index.js';
import type { LocNode } from '../../scenario/tree.js';
import { makeDesign, type DesignTable } from '../designs/index.js';
import type { Factor } from './factors.js';
import { specIssue } from './spec-issues.js';
import type { SweepSpec } from './spec-schema.js';

/** A grid over a range needs a number of levels (`design.n`). */
export function gridIssues(tree: LocNode, spec: SweepSpec): ScenarioIssue[] {
  if (spec.design.kind !== 'grid' || spec.design.n !== undefined) return [];
  return Object.entries(spec.factors)
    .filter(([, f]) => !Array.isArray(f))
    .map(([name]) => specIssue(tree, ['factors', name], 'a grid needs levels: list them, or give the number of levels per range with design.n'));
}

/** The spec's design; a design-size problem (too many grid rows, bad morris levels) is reported at `design`. */
export function buildDesign(tree: LocNode, file: string, spec: SweepSpec, factors: Factor[]): DesignTable {
  const params = factors.map((f) => f.param);
  const d = spec.design;
  try {
    if (d.kind === 'grid') return makeDesign('grid', params, { n: d.n ?? 1, seed: 0 });
    if (d.kind === 'sobol') return makeDesign('sobol', params, { n: d.n, seed: 0 });
    if (d.kind === 'lhs') return makeDesign('lhs', params, { n: d.n, seed: d.seed });
    return makeDesign('morris', params, { n: d.n, seed: d.seed, levels: d.levels });
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    throw new ScenarioError([specIssue(tree, ['design'], err.message)], file, err.hint ?? 'see docs/experiments.md for design sizes');
  }
}
