/**
 * Reads a sweep back as a design and one output per design point, for
 * `gvc-sim analyze sobol|morris DIR --metric NAME`. With replications, a
 * point's output is the mean over its replications. Every point needs every
 * replication recorded as ok: the indices are undefined with holes in the design.
 */
import { UserError } from '../../errors.js';
import { didYouMean } from '../../scenario/index.js';
import type { DesignTable, SweepResultsReader } from '../designs/index.js';
import { ident, rows } from './db.js';
import { metaValue, openResults, type SweepResults } from './results.js';

type Row = Record<string, unknown>;

/** The scalar output to analyse, checked against what the sweep stored. */
function checkMetric(r: SweepResults, metric: string): void {
  const outputs = JSON.parse(metaValue(r, 'outputs')) as { metric: string; reduction: string }[];
  const found = outputs.find((o) => o.metric === metric);
  const scalar = outputs.filter((o) => o.reduction !== 'trajectory').map((o) => o.metric);
  if (found?.reduction === 'trajectory')
    throw new UserError(`${metric} was stored as a trajectory, not as one number per run`, 'add a scalar output (final, final-year or mean) for it to the spec');
  if (!found) throw new UserError(`the sweep did not record '${metric}'${didYouMean(metric, scalar)}`, `its outputs are: ${scalar.join(', ')}`);
}

/** The design table in design order, rebuilt with its bookkeeping columns. */
function designOf(method: string, names: string[], design: Row[]): DesignTable {
  const rowsOf = design.map((d) => names.map((n) => Number(d[n])));
  const col = (c: string) => design.map((d) => Number(d[c]));
  if (method === 'sobol') return { method, names, rows: rowsOf, block: col('block'), step: col('step') };
  if (method === 'morris') {
    const moved = design.map((d) => (d.moved === null ? -1 : names.indexOf(String(d.moved))));
    return { method, names, rows: rowsOf, trajectory: col('trajectory'), step: col('step'), moved, delta: col('delta') };
  }
  if (method === 'grid' || method === 'lhs') return { method, names, rows: rowsOf };
  throw new UserError(`unknown design method '${method}' in the sweep's meta table`);
}

/** Mean of the metric over each point's ok runs, with the count of ok runs and of failed ones. */
async function pointMeans(r: SweepResults, metric: string): Promise<Row[]> {
  return rows(
    r.db.conn,
    `SELECT d.point, avg(o.${ident(metric)} ORDER BY o.run_id) AS value, count(o.run_id) AS ok, count(*) FILTER (WHERE r.status = 'failed') AS failed
     FROM design d LEFT JOIN runs r ON r.point = d.point LEFT JOIN outputs o ON o.run_id = r.run_id
     GROUP BY d.point ORDER BY d.point`,
  );
}

/** A UserError when some point lacks an ok run for a replication. */
function checkComplete(means: Row[], replications: number): void {
  const short = means.filter((m) => Number(m.ok) < replications);
  if (short.length === 0) return;
  const failed = means.reduce((n, m) => n + Number(m.failed), 0);
  const points = short.slice(0, 5).map((m) => m.point).join(', ');
  throw new UserError(
    `${short.length} of ${means.length} design points lack results for some replication (points ${points}${short.length > 5 ? ', …' : ''}; ${failed} failed runs in all)`,
    failed > 0 ? "failed runs are listed in the runs table (status = 'failed') with their errors" : 'finish the sweep first: gvc-sim sweep SPEC --resume, or merge every shard',
  );
}

export const duckdbSweepReader: SweepResultsReader = {
  async readDesignAndOutputs(dir, metric) {
    const r = await openResults(dir);
    try {
      checkMetric(r, metric);
      const names = (JSON.parse(metaValue(r, 'factors')) as { name: string }[]).map((f) => f.name);
      const design = designOf(metaValue(r, 'design_method'), names, await rows(r.db.conn, 'SELECT * FROM design ORDER BY point'));
      const means = await pointMeans(r, metric);
      checkComplete(means, Number(metaValue(r, 'replications')));
      return { design, outputs: means.map((m) => Number(m.value)) };
    } finally {
      r.db.close();
    }
  },
};
