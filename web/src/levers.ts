/**
 * The levers a lecturer moves: each is one scenario parameter path (or a
 * wildcard over regions), a classroom-sized slider range and one line of help.
 * Units come from the parameter schema, so they say what the model means.
 */
import type { Scenario } from '../../src/model/params.js';
import { configuredWeights } from '../../src/model/platform.js';
import { resolveRegions } from '../../src/model/regions.js';
import { parsePath, getPath } from '../../src/scenario/paths.js';
import { schemaAt } from '../../src/scenario/schema.js';

export interface Lever {
  id: string;
  label: string;
  /** Scenario parameter path; `regions.*.x` sets x in every region. */
  path: string;
  min: number;
  max: number;
  step: number;
  help: string;
  /** Shown as a percentage (shares). */
  percent?: boolean;
  /** Names for the integer values of a discrete lever. */
  names?: readonly string[];
  /** The lever's value in a resolved scenario, when it is not simply the value at `path`. */
  read?: (s: Scenario) => number;
}

const PLATFORM_STAGES = ['information matching', 'functional integration', 'ecosystem'] as const;

/** Mean over regions weighted by their firms: what "finance depth, all regions" is before anyone moves it. */
function meanFinanceDepth(s: Scenario): number {
  return resolveRegions(s).reduce((sum, r) => sum + r.firmShare * r.financeDepth, 0);
}

export const LEVERS: readonly Lever[] = [
  {
    id: 'searchCost', label: 'Search cost', path: 'buyers.searchCost', min: 0, max: 5, step: 0.1,
    help: 'How hard foreign buyers find a supplier without a platform. High: traditional trade shrinks and trade fairs cost more.',
  },
  {
    id: 'platformStage', label: 'Platform stage', path: 'platform.stage', min: 0, max: 2, step: 1, names: PLATFORM_STAGES,
    help: '0 listings and search only · 1 escrow, logistics, supply-chain finance · 2 data tools, SaaS, virtual fairs.',
  },
  {
    id: 'commission', label: 'Commission', path: 'platform.commission', min: 0, max: 0.4, step: 0.01, percent: true,
    help: 'The platform’s cut of every sale. It bites hardest where margins are thinnest: in assembly.',
  },
  {
    id: 'payToRank', label: 'Pay-to-rank weight', path: 'platform.traffic.weights.ad', min: 0, max: 3, step: 0.1,
    read: (s) => configuredWeights(s).ad,
    help: 'How much advertising buys a higher ranking. Money spent on ads is not spent on upgrading.',
  },
  {
    id: 'newSellerBoost', label: 'New-seller boost', path: 'platform.traffic.weights.newSeller', min: 0, max: 3, step: 0.1,
    read: (s) => configuredWeights(s).newSeller,
    help: 'Extra exposure for sellers in their first months on the platform: helps newcomers past the cold start.',
  },
  {
    id: 'oversight', label: 'Oversight', path: 'platform.governance.oversight', min: 0, max: 1, step: 0.05, percent: true,
    help: 'Chance a counterfeit sale is caught. Every seller’s compliance cost grows with its square.',
  },
  {
    id: 'ruleVolatility', label: 'Rule volatility', path: 'platform.governance.ruleVolatility', min: 0, max: 0.2, step: 0.01, percent: true,
    help: 'Monthly chance the platform changes its ranking rules. Each change costs every seller re-adaptation.',
  },
  {
    id: 'financeDepth', label: 'Finance depth (all regions)', path: 'regions.*.financeDepth', min: 0, max: 1, step: 0.05,
    read: meanFinanceDepth,
    help: 'How much banks and supply-chain finance lend. Sets every region to this value (shown: the mean over firms).',
  },
  {
    id: 'absorptive', label: 'Absorptive capacity', path: 'firm.absorptiveMean', min: 0.05, max: 0.95, step: 0.05,
    help: 'Firms’ ability to turn investment into upgrades. Drawn at birth: acts on entrants at once, on everyone after Reset.',
  },
  {
    id: 'intermediaryMargin', label: 'Intermediary margin', path: 'intermediary.margin', min: 0, max: 1, step: 0.05, percent: true,
    help: 'The trading company’s resale markup. Its suppliers get no buyer data and cannot climb past design (stage 1).',
  },
];

export function leverById(id: string): Lever {
  const lever = LEVERS.find((l) => l.id === id);
  if (!lever) throw new Error(`no lever '${id}'`);
  return lever;
}

/** The lever's value in a resolved scenario. */
export function readLever(lever: Lever, s: Scenario): number {
  return lever.read ? lever.read(s) : Number(getPath(s, lever.path));
}

/** The parameter's unit, from the schema (one source of truth for units). */
export function leverUnit(lever: Lever): string {
  return schemaAt(parsePath(lever.path))?.unit ?? '';
}

/** A value rounded to the lever's step (sliders and the map's grid stay on it). */
function snap(lever: Lever, v: number): number {
  const k = Math.round((v - lever.min) / lever.step);
  return Number((lever.min + k * lever.step).toFixed(6));
}

/** How a value reads on screen: `10%`, `1 · functional integration`, `0.35`. */
export function formatLever(lever: Lever, v: number): string {
  if (lever.names) return `${v} · ${lever.names[v] ?? ''}`;
  if (lever.percent) return `${+(v * 100).toFixed(1)}%`;
  return `${+v.toFixed(2)}`;
}

/** `n` values from the lever's min to max, on its step, without repeats (a 3-stage lever gives 3). */
export function gridValues(lever: Lever, n: number): number[] {
  const raw = Array.from({ length: n }, (_, k) => lever.min + ((lever.max - lever.min) * k) / (n - 1));
  return [...new Set(raw.map((v) => snap(lever, v)))];
}
