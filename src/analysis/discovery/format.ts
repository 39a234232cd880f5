/** A discovery as terminal text, as JSON, and as the table rows the HTML page shares. */
import { formatNumber, formatTable, type Cell } from '../../report/table.js';
import type { ChosenLimit, Discovery } from './discover.js';

/** What the runs were judged on, e.g. `lockInShare (final-year) below 0.3`. */
export function questionText(d: Discovery, source: string): string {
  return `${d.metric} (${source}) ${d.direction} ${d.threshold}`;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

/** A quasi-p-value; one too small for a double is shown as such. */
export function qpCell(qp: number | undefined): Cell {
  if (qp === undefined) return null;
  return qp === 0 ? '< 1e-300' : qp;
}

/** Restricted inputs first, most significant (smallest quasi-p) first; then the rest in input order. */
export function orderedLimits(d: Discovery): ChosenLimit[] {
  const restricted = d.chosen.limits.filter((l) => l.restricted).sort((a, b) => a.qp!.qp - b.qp!.qp);
  return [...restricted, ...d.chosen.limits.filter((l) => !l.restricted)];
}

export const TRAJECTORY_HEADER = ['box', 'step', 'coverage', 'density', 'mass', 'runs', 'cases', 'restricted'];

export function trajectoryRows(d: Discovery): Cell[][] {
  return d.result.boxes.map((b) => [b.index, b.step, b.coverage, b.density, b.mass, b.runs, b.cases, b.restricted]);
}

export const LIMITS_HEADER = ['input', 'box lower', 'box upper', 'sweep min', 'sweep max', 'quasi-p', 'qp lower', 'qp upper'];

/**
 * The chosen box's restricted inputs: limits (blank on a side left open), the
 * data's range, the quasi-p-value of the whole restriction and of each limit
 * alone (a limit with a large one adds little to the box).
 */
export function limitRows(d: Discovery): Cell[][] {
  return orderedLimits(d)
    .filter((l) => l.restricted)
    .map((l) => {
      if (l.limit.kind === 'categorical' && l.init.kind === 'categorical')
        return [l.name, `{${l.limit.categories.join(', ')}}`, '', `{${l.init.categories.join(', ')}}`, '', qpCell(l.qp?.qp), null, null];
      if (l.limit.kind !== 'numeric' || l.init.kind !== 'numeric') throw new RangeError('limits of different kinds');
      const lower = l.limit.lower !== l.init.lower ? l.limit.lower : null;
      const upper = l.limit.upper !== l.init.upper ? l.limit.upper : null;
      return [l.name, lower, upper, l.init.lower, l.init.upper, qpCell(l.qp?.qp), qpCell(l.qp?.qpLower), qpCell(l.qp?.qpUpper)];
    });
}

/** How the shown box was picked, in words. */
export function chosenText(d: Discovery): string {
  const i = d.chosen.index;
  if (d.chosen.how === 'asked') return `box ${i} (chosen with --box)`;
  if (d.chosen.how === 'density') {
    // With the lenient objectives density only rises along the trajectory, so the box with the most coverage at that density is the first to reach it.
    const first = d.result.boxes.slice(0, i).every((b) => b.density < d.minDensity);
    return `box ${i}: ${first ? `the first to reach density ${d.minDensity}, ` : ''}the most coverage at density ${d.minDensity} or more (choose another with --box N)`;
  }
  return `box ${i}: no box reaches density ${d.minDensity}, so the densest, the last on the trajectory (choose another with --box N, or lower --min-density)`;
}

/** The chosen box's size in words. */
export function boxStatsText(d: Discovery): string {
  const b = d.result.boxes[d.chosen.index]!;
  return `coverage ${formatNumber(b.coverage, 3)}, density ${formatNumber(b.density, 3)}, mass ${formatNumber(b.mass, 3)}: ${b.runs} runs, ${b.cases} of them cases of interest`;
}

/** The runs analysed and PRIM's settings, in words. */
export function setupText(d: Discovery, failed: number): string {
  const o = d.result.options;
  const left = [failed > 0 ? `${failed} failed runs` : '', d.missing > 0 ? `${d.missing} runs without a value` : ''].filter(Boolean);
  return [
    `${d.cases} of ${d.runs} runs are cases of interest (${pct(d.cases / d.runs)})${left.length ? `; left out: ${left.join(', ')}` : ''}.`,
    `PRIM: peel alpha ${o.peelAlpha}, paste alpha ${o.pasteAlpha}, minimum mass ${o.massMin}, objective ${o.objective}; ${d.result.boxes.length} boxes.`,
  ].join('\n');
}

export function discoveryText(d: Discovery, where: { dir: string; source: string; failed: number }): string {
  const restricted = limitRows(d);
  const open = orderedLimits(d).filter((l) => !l.restricted).map((l) => l.name);
  const rows = trajectoryRows(d).map((r, k) => [...r, k === d.chosen.index ? '*' : '']);
  const lines = [
    `${questionText(d, where.source)} in ${where.dir}`,
    setupText(d, where.failed),
    '',
    'peeling trajectory',
    formatTable([...TRAJECTORY_HEADER, 'shown'], rows),
    '',
    chosenText(d),
    boxStatsText(d),
  ];
  if (restricted.length) lines.push('', formatTable(LIMITS_HEADER, restricted));
  else lines.push('it restricts no input: every run is in it');
  if (open.length && restricted.length) lines.push(`unrestricted: ${open.join(', ')}`);
  return lines.join('\n');
}

export function discoveryJson(d: Discovery, where: { dir: string; sweep: string; source: string; failed: number; report?: string }) {
  const b = d.result.boxes[d.chosen.index]!;
  const stats = (x: typeof b) => ({ box: x.index, step: x.step, coverage: x.coverage, density: x.density, mass: x.mass, runs: x.runs, cases: x.cases, restricted: x.restricted });
  return {
    dir: where.dir,
    sweep: where.sweep,
    metric: d.metric,
    source: where.source,
    direction: d.direction,
    threshold: d.threshold,
    runs: d.runs,
    cases: d.cases,
    failed: where.failed,
    missing: d.missing,
    options: { ...d.result.options, minDensity: d.minDensity },
    trajectory: d.result.boxes.map(stats),
    chosen: {
      ...stats(b),
      how: d.chosen.how,
      limits: orderedLimits(d).map((l) => ({ name: l.name, restricted: l.restricted, ...limitJson(l), qp: l.qp?.qp, qpLower: l.qp?.qpLower, qpUpper: l.qp?.qpUpper })),
    },
    report: where.report,
  };
}

function limitJson(l: ChosenLimit) {
  if (l.limit.kind === 'numeric' && l.init.kind === 'numeric') return { lower: l.limit.lower, upper: l.limit.upper, min: l.init.lower, max: l.init.upper };
  if (l.limit.kind === 'categorical' && l.init.kind === 'categorical') return { categories: l.limit.categories, all: l.init.categories };
  throw new RangeError('limits of different kinds');
}
