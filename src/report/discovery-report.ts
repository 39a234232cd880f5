/**
 * The HTML page of a scenario discovery (`gvc-sim discover`): the question,
 * the coverage–density trade-off along PRIM's peeling trajectory, the chosen
 * box's limits with quasi-p-values, and every box on the trajectory.
 */
import { writeFileAtomic } from '../output/atomic.js';
import { gitCommit, toolVersion } from '../output/manifest.js';
import { boxStatsText, chosenText, LIMITS_HEADER, limitRows, orderedLimits, questionText, setupText, TRAJECTORY_HEADER, trajectoryRows } from '../analysis/discovery/format.js';
import type { Discovery } from '../analysis/discovery/discover.js';
import { boxLimitsSpec, tradeoffSpec, trajectorySpec, type LimitRow } from './discovery-charts.js';
import { buildHtmlReport, type ReportSection } from './html.js';
import { formatNumber } from './table.js';

export interface DiscoverySource {
  dir: string;
  sweep: string;
  source: string;
  failed: number;
}

function limitChartRows(d: Discovery): LimitRow[] {
  return orderedLimits(d)
    .filter((l) => l.restricted)
    .map((l) => {
      const qp = l.qp?.qp;
      const label = `${l.name} (quasi-p ${qp === undefined ? '—' : qp === 0 ? '< 1e-300' : formatNumber(qp, 2)})`;
      if (l.limit.kind === 'categorical' && l.init.kind === 'categorical') return { label, categories: l.limit.categories, all: l.init.categories };
      if (l.limit.kind !== 'numeric' || l.init.kind !== 'numeric') throw new RangeError('limits of different kinds');
      return { label, lower: l.limit.lower, upper: l.limit.upper, min: l.init.lower, max: l.init.upper };
    });
}

function sections(d: Discovery, s: DiscoverySource): ReportSection[] {
  const points = d.result.boxes.map((b) => ({ box: b.index, coverage: b.coverage, density: b.density, mass: b.mass, restricted: b.restricted }));
  const limits = limitChartRows(d);
  const open = orderedLimits(d).filter((l) => !l.restricted).map((l) => l.name);
  const i = d.chosen.index;
  return [
    {
      heading: 'What was asked',
      text: [
        `Each successful run of the sweep is one case: a case of interest when its ${d.metric} (${s.source}) is ${d.direction} ${d.threshold}.`,
        setupText(d, s.failed),
        'PRIM (Friedman & Fisher 1999, as the EMA Workbench runs it) starts from the box holding every run and peels off thin slices of one input at a time, keeping the slice the objective rates best (lenient1, the default: the largest rise in the share of cases of interest per run removed), until no slice raises that share or the box would hold fewer runs than the minimum mass; it then pastes slices back where that raises the share.',
      ].join('\n\n'),
    },
    {
      heading: 'Coverage and density',
      text: 'Coverage is the share of all cases of interest inside a box; density, the share of the box’s runs that are cases of interest. Peeling trades the first for the second: a good box sits where the curve bends, dense enough to describe the cases and covering most of them with few restricted inputs.',
      charts: [
        {
          chart: tradeoffSpec(points, i, d.chosen.how === 'asked' ? undefined : d.minDensity),
          caption: `One point per box; colour: how many inputs it restricts. Ringed: ${chosenText(d)}.${d.chosen.how === 'asked' ? '' : ` Dashed: density ${d.minDensity}.`}`,
        },
        { chart: trajectorySpec(points), caption: 'Coverage, density and mass (the share of all runs in the box) box by box.' },
      ],
    },
    {
      heading: `Box ${i}`,
      text: [
        `${chosenText(d)}: ${boxStatsText(d)}.`,
        limits.length
          ? 'The quasi-p-value of an input is the chance of the box’s density or more if its runs were cases of interest at the rate of the box without that input’s restriction (a one-sided binomial test, Bryant & Lempert 2010). Small values mean the restriction matters; values near 1, that the box would do as well without it.'
          : 'This box restricts no input: it holds every run.',
        open.length ? `Unrestricted: ${open.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      ...(limits.length ? { table: { header: LIMITS_HEADER, rows: limitRows(d) }, charts: [{ chart: boxLimitsSpec(`Limits of box ${i}`, limits), caption: 'Grey: the range the sweep covered; blue: the part inside the box, with its limits above.' }] } : {}),
    },
    { heading: 'Every box on the trajectory', table: { header: TRAJECTORY_HEADER, rows: trajectoryRows(d) } },
  ];
}

/** Writes the page to `file` and returns its path. */
export async function writeDiscoveryReport(file: string, d: Discovery, s: DiscoverySource): Promise<string> {
  const html = await buildHtmlReport({
    title: `${questionText(d, s.source)} — gvc-sim discover`,
    subtitle: `Scenario discovery with PRIM on the sweep ${s.sweep}: which factor ranges lead to ${d.metric} ${d.direction} ${d.threshold}?`,
    meta: {
      sweep: `${s.sweep} (${s.dir})`,
      runs: d.runs,
      'cases of interest': d.cases,
      box: d.chosen.index,
      version: toolVersion(),
      commit: gitCommit()?.slice(0, 12) ?? 'none',
    },
    sections: sections(d, s),
  });
  writeFileAtomic(file, html);
  return file;
}
