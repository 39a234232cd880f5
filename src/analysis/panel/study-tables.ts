/**
 * Analogues of the paper's Tables 1, 4, 6, 7 and 8: each simulated estimate
 * pooled across seeds, with the published number beside it.
 */
import { median } from './groups.js';
import type { MediationResult } from './mediation.js';
import { PAPER_DIMENSION_WEIGHTS, PAPER_TABLE4, PAPER_TABLE6, PAPER_TABLE7, PAPER_TABLE8, type PaperEstimate, type PaperMediation } from './paper.js';
import { ECI_COMPONENTS, type SeedPanel } from './study-data.js';
import { FE_CONTROLS, FINANCE_GROUPS, MEDIATORS, POOLED_CONTROLS, REGION_GROUPS, TREATMENT, type Mediator, type SeedEstimates } from './study-fit.js';
import { ALPHA, pool, type Pooled } from './study-pool.js';
import type { PanelFit } from './types.js';

/** A published value; `term` names the paper's variable when it differs from the simulated one. */
export interface PaperCell extends PaperEstimate {
  readonly term?: string;
  readonly note?: string;
}

export interface StudyRow {
  readonly model: string;
  readonly term: string;
  readonly paper: PaperCell | null;
  readonly sim: Pooled;
}

export interface StudyTable {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly StudyRow[];
  readonly notes: readonly string[];
}

const PAPER_MEDIATOR: Record<Mediator, { key: keyof typeof PAPER_TABLE6; name: string }> = {
  inus: { key: 'inus', name: 'Inus' },
  rdIntensity: { key: 'tec', name: 'Tec' },
};

function coefficient(fit: PanelFit, name: string) {
  return fit.coefficients.find((c) => c.name === name)!;
}

function coefRow(model: string, term: string, fits: readonly PanelFit[], paper: PaperCell | null = null): StudyRow {
  const cs = fits.map((f) => coefficient(f, term));
  return { model, term, paper, sim: pool(cs.map((c) => c.estimate), cs.map((c) => c.p)) };
}

function r2Row(model: string, fits: readonly PanelFit[], paper: number): StudyRow {
  return { model, term: fits[0]!.r2Kind === 'within' ? 'within R²' : 'R²', paper: { estimate: paper }, sim: pool(fits.map((f) => f.r2)) };
}

function weightsTable(panels: readonly SeedPanel[]): StudyTable {
  const weight = (name: string) => panels.map((p) => p.eci.weights[p.eci.names.indexOf(name)]!);
  const components = ECI_COMPONENTS.map((c) => ({ model: c.dimension, term: c.name, paper: null, sim: pool(weight(c.name)) }));
  const dimensions = Object.entries(PAPER_DIMENSION_WEIGHTS).map(([dimension, paper]) => {
    const names = ECI_COMPONENTS.filter((c) => c.dimension === dimension).map((c) => c.name);
    const sums = panels.map((_, s) => names.reduce((acc, n) => acc + weight(n)[s]!, 0));
    return { model: dimension, term: 'dimension total', paper: { estimate: paper }, sim: pool(sums) };
  });
  return {
    id: 'table1',
    title: 'Table 1 analogue: entropy weights of the ECI components',
    rows: [...components, ...dimensions],
    notes: [
      'Weights are computed on each seed’s province-year panel; the paper’s 12 indicators differ, so only dimension totals are compared.',
      'Growth potential has no component: its candidates in the model (platform GMV per firm, the platform share of exports) are parts of exports, the outcome.',
    ],
  };
}

function benchmarkTable(est: readonly SeedEstimates[], panels: readonly SeedPanel[]): StudyTable {
  const pooled = est.map((e) => e.benchmark.pooled);
  const controls = est.map((e) => e.benchmark.controls);
  const twoWays = est.map((e) => e.benchmark.twoWays);
  const p = PAPER_TABLE4;
  const [m1, m2, m3] = ['(1) pooled OLS', '(2) pooled OLS + controls', '(3) two-way FE + controls'];
  return {
    id: 'table4',
    title: 'Table 4 analogue: benchmark regressions of lnExports on the ECI',
    rows: [
      coefRow(m1, TREATMENT, pooled, p.pooled.eci),
      r2Row(m1, pooled, p.pooled.r2),
      coefRow(m2, TREATMENT, controls, p.controls.eci),
      coefRow(m2, 'lnProductivity', controls, { ...p.controls.pgdp, term: 'PGDP' }),
      coefRow(m2, 'institutionQuality', controls, { ...p.controls.fisca, term: 'Fisca' }),
      coefRow(m2, 'lnFirms', controls),
      r2Row(m2, controls, p.controls.r2),
      coefRow(m3, TREATMENT, twoWays, p.twoWays.eci),
      coefRow(m3, 'lnProductivity', twoWays, { ...p.twoWays.pgdp, term: 'PGDP' }),
      r2Row(m3, twoWays, p.twoWays.r2),
    ],
    notes: [
      `N = ${panels[0]!.panel.entity.length} province-years per seed (paper: ${p.pooled.n}). Controls: (2) ${POOLED_CONTROLS.join(', ')}; (3) ${FE_CONTROLS.join(', ')} (the others are fixed province traits, absorbed by the province effects).`,
      'Standard errors clustered by province in every column; the paper’s t statistics are in parentheses.',
    ],
  };
}

/** Sobel z and mediated share a·b/c from published estimates (se = estimate / t). */
function paperSobel(m: PaperMediation, total: PaperEstimate): { z: number; share: number } {
  const se = (e: PaperEstimate) => e.estimate / e.t!;
  const ab = m.a.estimate * m.b.estimate;
  return { z: ab / Math.sqrt(m.b.estimate ** 2 * se(m.a) ** 2 + m.a.estimate ** 2 * se(m.b) ** 2), share: ab / total.estimate };
}

function mediationRows(m: Mediator, results: readonly MediationResult[]): StudyRow[] {
  const { key, name } = PAPER_MEDIATOR[m];
  const paper = PAPER_TABLE6[key];
  const derived = paperSobel(paper, PAPER_TABLE4.twoWays.eci);
  const row = (model: string, term: string, pick: (x: MediationResult) => { estimate: number; p: number }, cell: PaperCell): StudyRow => {
    const values = results.map(pick);
    return { model, term, paper: cell, sim: pool(values.map((v) => v.estimate), values.map((v) => v.p)) };
  };
  return [
    row(`${m}: total (= Table 4 (3))`, TREATMENT, (x) => x.total, PAPER_TABLE4.twoWays.eci),
    row(`${m}: ${m} ~ eci`, TREATMENT, (x) => x.a, paper.a),
    row(`${m}: lnExports ~ eci + ${m}`, TREATMENT, (x) => x.direct, paper.direct),
    row(`${m}: lnExports ~ eci + ${m}`, m, (x) => x.b, { ...paper.b, term: name }),
    row(`${m}: indirect a·b`, 'Sobel z', (x) => ({ estimate: x.sobel.z, p: x.sobel.p }), { estimate: derived.z, note: 'derived from a, b and their t' }),
    { model: `${m}: indirect a·b`, term: 'share a·b/c', paper: { estimate: derived.share, note: 'derived' }, sim: pool(results.map((x) => x.mediatedShare)) },
  ];
}

function verdictNote(m: Mediator, results: readonly MediationResult[]): string {
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  return `${m}: verdict full in ${count('full')}, partial in ${count('partial')}, none in ${count('none')} of ${results.length} seeds (paper, ${PAPER_MEDIATOR[m].name}: ${PAPER_TABLE6[PAPER_MEDIATOR[m].key].verdict}).`;
}

function mediationTable(est: readonly SeedEstimates[]): StudyTable {
  return {
    id: 'table6',
    title: 'Table 6 analogue: three-step mediation via inus (≈ Inus) and rdIntensity (≈ Tec)',
    rows: MEDIATORS.flatMap((m) => mediationRows(m, est.map((e) => e.mediation[m]))),
    notes: [
      ...MEDIATORS.map((m) => verdictNote(m, est.map((e) => e.mediation[m]))),
      `Each step: two-way FE with ${FE_CONTROLS.join(', ')}, errors clustered by province; verdict at ${ALPHA}: full = a, b significant and direct effect not; partial = total, a, b and direct all significant.`,
    ],
  };
}

function paperGroupCell(group: (typeof REGION_GROUPS)[number]): PaperCell {
  const coefs = PAPER_TABLE7[group];
  const mean = coefs.reduce((s, c) => s + c.estimate, 0) / coefs.length;
  const sig = coefs.filter((c) => c.p < ALPHA).length;
  return { estimate: mean, note: `mean of ${coefs.length} province coefficients (median ${median(coefs.map((c) => c.estimate)).toFixed(2)}; ${sig} of ${coefs.length} with p < ${ALPHA})` };
}

function regionTable(est: readonly SeedEstimates[], panels: readonly SeedPanel[]): StudyTable {
  const provinces = (g: string) => new Set(panels[0]!.panel.entity.filter((_, i) => panels[0]!.group[i] === g)).size;
  const rows = REGION_GROUPS.flatMap((g) => {
    const model = `${g} (${provinces(g)} provinces)`;
    return [
      coefRow(model, TREATMENT, est.map((e) => e.byRegion.get(g)!), paperGroupCell(g)),
      { model, term: 'mean annual exports', paper: null, sim: pool(est.map((e) => e.meanExports.get(g)!)) },
    ];
  });
  return {
    id: 'table7',
    title: 'Table 7 analogue: ECI effect by region group',
    rows,
    notes: [
      `Simulated: two-way FE with ${FE_CONTROLS.join(', ')} estimated within each group, errors clustered by province. Paper: province-specific (varying-coefficient) estimates summarised by group.`,
      'Mean annual exports: per province-year, in the model’s money unit (thousand USD).',
    ],
  };
}

function financeTable(est: readonly SeedEstimates[], panels: readonly SeedPanel[]): StudyTable {
  const n = (g: string) => panels[0]!.financeGroup.filter((x) => x === g).length;
  const rows = FINANCE_GROUPS.flatMap((g) => {
    const fits = est.map((e) => e.byFinance.get(g)!);
    const paper = PAPER_TABLE8[g];
    const model = `${g} finance depth (N = ${n(g)}; paper ${paper.n})`;
    return [coefRow(model, TREATMENT, fits, paper.eci), r2Row(model, fits, paper.r2Within)];
  });
  return {
    id: 'table8',
    title: 'Table 8 analogue: ECI effect in the high and low finance-depth halves',
    rows,
    notes: [`Provinces split at the median of financeDepth (ties go high); two-way FE with ${FE_CONTROLS.join(', ')} in each half, errors clustered by province.`],
  };
}

/** All comparison tables of a study. */
export function studyTables(est: readonly SeedEstimates[], panels: readonly SeedPanel[]): StudyTable[] {
  return [weightsTable(panels), benchmarkTable(est, panels), mediationTable(est), regionTable(est, panels), financeTable(est, panels)];
}
