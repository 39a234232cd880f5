/**
 * The panel quantities claims C1–C4 read: per seed, from the simulated
 * province panel study (`gvc-sim panel`), differences of the estimates the
 * empirical paper's tables report.
 */
import type { Estimate, PanelClaims } from '../analysis/panel/study-claims.js';
import type { PanelQuantity } from './catalog.js';

/** Joins one-seed panel results into one, seed by seed. */
export function joinPanelClaims(parts: PanelClaims[]): PanelClaims {
  const cat = <T>(f: (p: PanelClaims) => readonly T[]) => parts.flatMap(f);
  const med = (m: 'inus' | 'rdIntensity') => ({
    withoutMediator: cat((p) => p.c2[m].withoutMediator), withMediator: cat((p) => p.c2[m].withMediator),
    a: cat((p) => p.c2[m].a), b: cat((p) => p.c2[m].b), sobelP: cat((p) => p.c2[m].sobelP), verdicts: cat((p) => p.c2[m].verdicts),
  });
  const groups = ['east', 'central', 'west'] as const;
  return {
    seeds: cat((p) => p.seeds),
    c1: { eciTwoWays: cat((p) => p.c1.eciTwoWays) },
    c2: { inus: med('inus'), rdIntensity: med('rdIntensity') },
    c3: {
      eciByGroup: Object.fromEntries(groups.map((g) => [g, cat((p) => p.c3.eciByGroup[g])])) as unknown as PanelClaims['c3']['eciByGroup'],
      meanExportsByGroup: Object.fromEntries(groups.map((g) => [g, cat((p) => p.c3.meanExportsByGroup[g])])) as unknown as PanelClaims['c3']['meanExportsByGroup'],
    },
    c4: { high: cat((p) => p.c4.high), low: cat((p) => p.c4.low) },
  };
}

const est = (xs: readonly Estimate[]) => xs.map((x) => x.estimate);
const minus = (a: readonly number[], b: readonly number[]) => a.map((x, k) => x - b[k]!);

/** A panel quantity per seed, with the levels it is the difference of. */
export function panelQuantity(q: PanelQuantity, p: PanelClaims): { values: number[]; levels: { label: string; values: number[] }[] } {
  const g = p.c3.eciByGroup;
  const shrink = (m: 'inus' | 'rdIntensity') => {
    const without = est(p.c2[m].withoutMediator);
    const withM = est(p.c2[m].withMediator);
    return { values: minus(without, withM), levels: [{ label: 'without mediator', values: without }, { label: `with ${m}`, values: withM }] };
  };
  switch (q) {
    case 'eciTwoWays':
      return { values: est(p.c1.eciTwoWays), levels: [{ label: 'two-way FE', values: est(p.c1.eciTwoWays) }] };
    case 'inusShrink':
      return shrink('inus');
    case 'rdShrink':
      return shrink('rdIntensity');
    case 'inlandMinusEast': {
      const inland = est(g.central).map((x, k) => (x + est(g.west)[k]!) / 2);
      return { values: minus(inland, est(g.east)), levels: [{ label: 'east', values: est(g.east) }, { label: 'central/west', values: inland }] };
    }
    case 'eastExportLead': {
      const e = p.c3.meanExportsByGroup;
      return {
        values: e.east.map((x, k) => x - Math.max(e.central[k]!, e.west[k]!)),
        levels: (['east', 'central', 'west'] as const).map((k) => ({ label: k, values: [...e[k]] })),
      };
    }
    case 'financeHighMinusLow':
      return { values: minus(est(p.c4.high), est(p.c4.low)), levels: [{ label: 'low finance', values: est(p.c4.low) }, { label: 'high finance', values: est(p.c4.high) }] };
  }
}
