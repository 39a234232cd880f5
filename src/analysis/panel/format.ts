/** Renders a panel fit as a terminal table, JSON or CSV. */
import { formatNumber, formatTable } from '../../report/table.js';
import { INTERCEPT, type PanelFit } from './types.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'csv'];

/** Plain object for JSON output: per-regressor estimate/stdError/t/p plus model statistics. */
export function panelFitJson(fit: PanelFit) {
  return {
    y: fit.y,
    effects: fit.effects,
    cluster: fit.cluster,
    n: fit.n,
    nEntities: fit.nEntities,
    nPeriods: fit.nPeriods,
    nClusters: fit.nClusters,
    dfResid: fit.dfResid,
    dfTest: fit.dfTest,
    r2: fit.r2,
    r2Kind: fit.r2Kind,
    f: fit.f,
    coefficients: Object.fromEntries(fit.coefficients.map((c) => [c.name, { estimate: c.estimate, stdError: c.stdError, t: c.t, p: c.p }])),
  };
}

function csvField(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function describeErrors(fit: PanelFit): string {
  return fit.cluster ? `clustered by ${fit.cluster} (${fit.nClusters} clusters, t with ${fit.dfTest} df)` : 'classical';
}

function summaryLine(fit: PanelFit): string {
  const f = fit.f;
  const fText = Number.isNaN(f.value) ? `F(${f.df1}, ${f.df2}) not defined` : `F(${f.df1}, ${f.df2}) = ${formatNumber(f.value, 6)} (p = ${formatNumber(f.p, 4)})`;
  return [
    `N = ${fit.n}`,
    `entities = ${fit.nEntities}`,
    `periods = ${fit.nPeriods}`,
    `dfResid = ${fit.dfResid}`,
    `${fit.r2Kind === 'within' ? 'within R²' : 'R²'} = ${formatNumber(fit.r2, 6)}`,
    fText,
  ].join('   ');
}

export function formatPanelFit(fit: PanelFit, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(panelFitJson(fit), null, 2);
    case 'csv':
      return ['term,estimate,stdError,t,p', ...fit.coefficients.map((c) => [csvField(c.name), c.estimate, c.stdError, c.t, c.p].join(','))].join('\n');
    case 'table': {
      const regressors = fit.coefficients.map((c) => c.name).filter((name) => name !== INTERCEPT);
      const title = `${fit.y} ~ ${regressors.join(' + ')}   effects: ${fit.effects}   standard errors: ${describeErrors(fit)}`;
      const rows = fit.coefficients.map((c) => [c.name, c.estimate, c.stdError, c.t, c.p]);
      return [title, '', formatTable(['term', 'estimate', 'std.error', 't', 'p'], rows, 6), '', summaryLine(fit)].join('\n');
    }
  }
}
