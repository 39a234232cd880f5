/**
 * `gvc-sim margins`: the trade margins of a scenario on its firm-years
 * (share exporting, destinations per exporter, export intensity, entry by
 * market size, the platform's reach), over several seeds with 95% CIs,
 * against the calibration targets.
 */
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { MARGIN_TARGETS, type MarginName, type TradeMargins } from '../analysis/trade-margins.js';
import { meanCi } from '../analysis/replications.js';
import { defaultWindow, measureTradeMargins, recordedYears } from '../experiment/trade-margins.js';
import { formatTable } from '../report/table.js';
import { loadScenario } from '../scenario/index.js';
import { examples } from './help.js';

interface Args {
  scenario: string;
  seeds: number;
  seed?: number;
  set: string[];
  'from-year'?: number;
  'to-year'?: number;
  format: 'table' | 'json';
}

/** Every margin shown, in order: the targets first, then the numbers behind them. */
const SHOWN: readonly MarginName[] = [
  ...MARGIN_TARGETS.map((t) => t.margin),
  'anyExportShare', 'medianDestinations', 'p90Destinations', 'medianExportIntensity', 'salesPerExporterElasticity',
  'platformDestinations', 'offlineDestinations', 'platformDistanceSlope', 'offlineDistanceSlope', 'firmYears',
];

function builder(y: Argv): Argv<Args> {
  return y
    .positional('scenario', { type: 'string', default: 'scenarios/baseline.yaml', describe: 'scenario YAML file' })
    .options({
      seeds: { type: 'number', default: 5, describe: 'number of seeds: seed, seed+1, …' },
      seed: { type: 'number', describe: 'first seed (default: the scenario’s seed)' },
      set: { type: 'string', array: true, default: [], describe: 'override a parameter: --set markets.count=30 (repeatable)' },
      'from-year': { type: 'number', describe: 'first year of the recorded run to measure, from 0 (default 5)' },
      'to-year': { type: 'number', describe: 'last year to measure (default: the run’s last)' },
      format: { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'what to print' },
    })
    .example(
      examples([
        ['$0 margins', 'the baseline’s trade margins in years 5–9, five seeds'],
        ['$0 margins scenarios/no-platform.yaml --seeds 10', 'the traditional-trade world'],
      ]),
    ) as unknown as Argv<Args>;
}

async function handler(a: Args): Promise<void> {
  if (!Number.isInteger(a.seeds) || a.seeds < 1) throw new UserError(`--seeds must be a whole number ≥ 1, got ${a.seeds}`);
  const { scenario } = await loadScenario(a.scenario, { overrides: a.set });
  const fallback = defaultWindow(scenario);
  const window = { fromYear: a['from-year'] ?? fallback.fromYear, toYear: a['to-year'] ?? fallback.toYear };
  const years = recordedYears(scenario);
  if (!(window.fromYear >= 0 && window.fromYear <= window.toYear && window.toYear < years)) {
    throw new UserError(`the years to measure must satisfy 0 ≤ --from-year ≤ --to-year < ${years} (the run has ${years} years), got ${window.fromYear}–${window.toYear}`);
  }
  const first = a.seed ?? scenario.seed;
  const runs: TradeMargins[] = [];
  for (let k = 0; k < a.seeds; k++) runs.push(measureTradeMargins(scenario, first + k, window));
  const rows = SHOWN.map((name) => {
    const target = MARGIN_TARGETS.find((t) => t.margin === name);
    const values = runs.map((r) => r[name]);
    const ci = meanCi(values);
    const inside = target ? values.every((v) => v >= target.min && v <= target.max) : undefined;
    return { margin: name, label: target?.label ?? '', target: target ? [target.min, target.max] : null, ...ci, everySeedInTarget: inside, values, source: target?.source };
  });
  if (a.format === 'json') {
    console.log(JSON.stringify({ scenario: scenario.name, seeds: runs.length, firstSeed: first, window, margins: rows }, null, 2));
    return;
  }
  console.log(`${scenario.name}: trade margins on firm-years ${window.fromYear}–${window.toYear}, ${runs.length} seed(s) from ${first}`);
  const range = (t: [number, number] | null) => (t ? `${t[0]}–${t[1] === Infinity ? '∞' : t[1]}` : '');
  console.log(formatTable(
    ['margin', 'target', 'mean', '95% CI low', '95% CI high', 'every seed in target'],
    rows.map((r) => [r.margin, range(r.target as [number, number] | null), r.mean, r.lo ?? null, r.hi ?? null, r.everySeedInTarget === undefined ? '' : r.everySeedInTarget ? 'yes' : 'NO']),
  ));
}

const command: CommandModule<object, Args> = {
  command: 'margins [scenario]',
  describe: 'measure a scenario’s trade margins on its firm-years (destinations, export intensity, entry by market size) against the calibration targets',
  builder,
  handler,
};
export default command;
