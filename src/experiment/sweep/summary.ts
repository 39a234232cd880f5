/**
 * What `gvc-sim sweep` prints when it ends: the mean of each output per
 * design point with recorded runs, with its standard error over the
 * replications (small designs), or each output's spread over all runs.
 */
import { formatNumber, type Cell } from '../../report/table.js';
import { ident, rows } from './db.js';
import { metaValue, openResults } from './results.js';

export interface SummaryTable {
  title: string;
  header: string[];
  rows: Cell[][];
}

const cell = (v: unknown): Cell => (v === null || v === undefined ? null : typeof v === 'string' ? v : Number(v));

/** A cell's mean and its standard error over n replications (sd / √n), as `0.1234 ± 0.0056`; the mean alone when n < 2. */
export function meanSe(mean: Cell, sd: Cell, n: Cell): Cell {
  if (typeof mean !== 'number' || typeof n !== 'number' || n < 2 || typeof sd !== 'number' || !Number.isFinite(sd)) return mean;
  const se = sd / Math.sqrt(n);
  return `${formatNumber(mean, 4)} ± ${formatNumber(se, 2)}`;
}

/** Per point when the design has at most `maxPoints` points, else per output over every ok run. */
export async function sweepSummary(dir: string, maxPoints = 20): Promise<SummaryTable> {
  const r = await openResults(dir);
  try {
    const factors = (JSON.parse(metaValue(r, 'factors')) as { name: string }[]).map((f) => f.name);
    const outputs = (JSON.parse(metaValue(r, 'outputs')) as { metric: string; reduction: string }[]).filter((o) => o.reduction !== 'trajectory');
    const points = Number(metaValue(r, 'points'));
    if (points <= maxPoints) {
      const stat = (o: { metric: string }, f: string) => `${f}(o.${ident(o.metric)} ORDER BY o.run_id) AS ${ident(`${f}_${o.metric}`)}`;
      const cols = [
        ...factors.map((f) => `d.${ident(f)}`),
        'count(o.run_id) AS ok',
        ...outputs.flatMap((o) => [stat(o, 'avg'), stat(o, 'stddev_samp'), stat(o, 'count')]),
      ];
      const data = await rows(r.db.conn, `SELECT d.point, ${cols.join(', ')} FROM design d LEFT JOIN runs r ON r.point = d.point LEFT JOIN outputs o ON o.run_id = r.run_id GROUP BY ALL HAVING count(r.run_id) > 0 ORDER BY d.point`);
      const header = ['point', ...factors, 'ok runs', ...outputs.map((o) => `${o.metric} (${o.reduction})`)];
      const body = data.map((d) => {
        const v = Object.values(d);
        const lead = v.slice(0, factors.length + 2).map(cell);
        const cells = outputs.map((_, k) => meanSe(cell(v[factors.length + 2 + 3 * k]), cell(v[factors.length + 3 + 3 * k]), cell(v[factors.length + 4 + 3 * k])));
        return [...lead, ...cells];
      });
      const replicated = body.some((row) => row.slice(factors.length + 2).some((c) => typeof c === 'string' && c.includes(' ± ')));
      const title = replicated ? 'mean ± standard error over replications, by design point' : 'mean by design point (one replication each: no standard error)';
      return { title, header, rows: body };
    }
    const stats = ['count', 'avg', 'stddev_samp', 'min', 'max'];
    const body: Cell[][] = [];
    for (const o of outputs) {
      // Sums in run order: floating-point totals must not depend on the order runs finished in.
      const [s] = await rows(r.db.conn, `SELECT ${stats.map((f) => `${f}(${ident(o.metric)} ORDER BY run_id) AS ${f}`).join(', ')} FROM outputs`);
      body.push([o.metric, o.reduction, ...Object.values(s!).map(cell)]);
    }
    return { title: 'outputs over every successful run', header: ['output', 'reduction', 'runs', 'mean', 'sd', 'min', 'max'], rows: body };
  } finally {
    r.db.close();
  }
}
