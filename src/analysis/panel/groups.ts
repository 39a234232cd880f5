/** Heterogeneity analysis: the same panel model estimated separately per group. */
import { UserError } from '../../errors.js';
import { fitPanel } from './ols.js';
import type { ModelSpec, Panel, PanelFit } from './types.js';

/** The observations at `rows` (in that order) of a panel. */
export function subsetPanel(panel: Panel, rows: readonly number[]): Panel {
  const pick = <T>(v: readonly T[]) => rows.map((i) => v[i]!);
  return {
    vars: Object.fromEntries(Object.entries(panel.vars).map(([name, v]) => [name, pick(v)])),
    entity: pick(panel.entity),
    time: pick(panel.time),
  };
}

/** Row indices of each distinct label, groups sorted by label. */
function rowsByGroup(groups: readonly string[]): Map<string, number[]> {
  const byGroup = new Map<string, number[]>();
  groups.forEach((g, i) => {
    const rows = byGroup.get(g);
    if (rows) rows.push(i);
    else byGroup.set(g, [i]);
  });
  return new Map([...byGroup].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })));
}

/**
 * Fits `spec` separately on the observations of each group (groups[i] is the
 * group of observation i), with the same effects and clustering in each.
 * Returns the fits keyed by group label in sorted order; an error in one group
 * is re-thrown naming that group.
 */
export function fitByGroup(panel: Panel, groups: readonly string[], spec: ModelSpec): Map<string, PanelFit> {
  if (groups.length !== panel.entity.length) throw new UserError(`${groups.length} group labels given for a panel of ${panel.entity.length} rows`);
  const fits = new Map<string, PanelFit>();
  for (const [group, rows] of rowsByGroup(groups)) {
    const sub = subsetPanel(panel, rows);
    const cluster = spec.cluster && { name: spec.cluster.name, labels: rows.map((i) => spec.cluster!.labels[i]!) };
    try {
      fits.set(group, fitPanel(sub, { ...spec, cluster }));
    } catch (err) {
      if (err instanceof UserError) throw new UserError(`group '${group}': ${err.message}`, err.hint);
      throw err;
    }
  }
  return fits;
}

/** Median of finite values (mean of the two middle ones when n is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new UserError('cannot take the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median split for heterogeneity analysis: `high` when value ≥ median, else `low`.
 * Ties at the median go to `high` (the common `gen high = x >= median` coding),
 * so with many tied values the two groups can differ in size.
 */
export function medianSplit(values: readonly number[]): ('high' | 'low')[] {
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new UserError(`median split: value ${values[bad]} in observation ${bad + 1} is not a finite number`);
  const m = median(values);
  return values.map((v) => (v >= m ? 'high' : 'low'));
}

/**
 * Entity-level median split: each entity's mean of `values` is compared with
 * the median of those entity means (ties → `high`), and every observation gets
 * its entity's group, so no entity is divided between the two groups.
 */
export function entityMedianSplit(panel: Panel, values: readonly number[]): ('high' | 'low')[] {
  if (values.length !== panel.entity.length) throw new UserError(`${values.length} values given for a panel of ${panel.entity.length} rows`);
  const sums = new Map<string, { sum: number; count: number }>();
  panel.entity.forEach((e, i) => {
    const s = sums.get(e) ?? { sum: 0, count: 0 };
    sums.set(e, { sum: s.sum + values[i]!, count: s.count + 1 });
  });
  const entities = [...sums.keys()];
  const split = medianSplit(entities.map((e) => sums.get(e)!.sum / sums.get(e)!.count));
  const groupOf = new Map(entities.map((e, j) => [e, split[j]!]));
  return panel.entity.map((e) => groupOf.get(e)!);
}
