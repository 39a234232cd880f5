/**
 * `gvc-sim run`: a scenario over one or more seeds, written to a results
 * folder as CSV (model, regions, markets, optional agents) with a manifest,
 * on request the same tables as Parquet too, and the yearly firm panel as Parquet.
 * Rows stream to disk as they are made; files appear complete only when they are.
 */
import { join } from 'node:path';
import type { Scenario } from '../model/params.js';
import { AGENT_COLUMNS, MARKET_METRICS, MODEL_METRICS, REGION_METRICS } from '../model/reporters.js';
import { buildMarkets } from '../model/markets.js';
import { resolveRegions } from '../model/regions.js';
import { CsvWriter, writeFileAtomic } from '../output/atomic.js';
import { gitCommit, parameterHash, toolVersion, type Manifest } from '../output/manifest.js';
import { FirmPanel } from './firm-panel.js';
import type { FirmYear } from './firm-years.js';
import { csvsToParquet, type CsvColumn, type OutputFormat } from './parquet.js';
import { simulate } from './simulate.js';

export interface RunOptions {
  scenario: Scenario;
  seeds: number[];
  outDir: string;
  agentsEvery?: number;
  /** Write firm-years.parquet and firm-markets.parquet (the scenario must run whole years). */
  firmPanel?: boolean;
  /** 'parquet': also write each CSV as Parquet beside it once the run is complete (default 'csv': CSV only). */
  format?: OutputFormat;
  scenarioFiles?: string[];
  overrides?: string[];
  command?: string;
  /** Called after every tick with (ticks done, ticks in all). */
  onProgress?: (done: number, total: number) => void;
  /** Checked between ticks: true stops the run, keeping what is written. */
  shouldStop?: () => boolean;
}

export interface RunResult {
  outDir: string;
  /** Mean over the final year, per seed, per model metric: finalYear[seed index][metric index]. */
  finalYear: Float64Array[];
  /** The same per region: finalYearRegions[seed index][region index][REGION_METRICS index]. */
  finalYearRegions: Float64Array[][];
  /** The same per market: finalYearMarkets[seed index][market index][MARKET_METRICS index]. */
  finalYearMarkets: Float64Array[][];
  wallSeconds: number;
  interrupted: boolean;
}

interface Writers {
  model: CsvWriter;
  regions: CsvWriter;
  markets: CsvWriter;
  agents?: CsvWriter;
}

function openWriters(dir: string, agents: boolean): Writers {
  return {
    model: new CsvWriter(join(dir, 'model.csv'), ['tick', 'seed', ...MODEL_METRICS]),
    regions: new CsvWriter(join(dir, 'regions.csv'), ['tick', 'seed', 'region', 'group', ...REGION_METRICS]),
    markets: new CsvWriter(join(dir, 'markets.csv'), ['tick', 'seed', 'market', ...MARKET_METRICS]),
    agents: agents ? new CsvWriter(join(dir, 'agents.csv'), ['tick', 'seed', ...AGENT_COLUMNS]) : undefined,
  };
}

/** Each table's columns with their types, for its Parquet copy. */
function typedColumns(agents: boolean): Array<{ file: string; columns: CsvColumn[] }> {
  const key: CsvColumn[] = [{ name: 'tick', type: 'INTEGER' }, { name: 'seed', type: 'BIGINT' }];
  const text = (name: string): CsvColumn => ({ name, type: 'VARCHAR' });
  const numbers = (names: readonly string[]) => names.map((name): CsvColumn => ({ name, type: 'DOUBLE' }));
  return [
    { file: 'model.csv', columns: [...key, ...numbers(MODEL_METRICS)] },
    { file: 'regions.csv', columns: [...key, text('region'), text('group'), ...numbers(REGION_METRICS)] },
    { file: 'markets.csv', columns: [...key, text('market'), ...numbers(MARKET_METRICS)] },
    ...(agents ? [{ file: 'agents.csv', columns: [...key, ...numbers(AGENT_COLUMNS)] }] : []),
  ];
}

function allWriters(w: Writers): CsvWriter[] {
  return [w.model, w.regions, w.markets, ...(w.agents ? [w.agents] : [])];
}

function baseManifest(o: RunOptions): Manifest {
  return {
    tool: { name: 'gvc-sim', version: toolVersion(), node: process.version },
    gitCommit: gitCommit(),
    command: o.command ?? '',
    scenarioFiles: o.scenarioFiles ?? [],
    overrides: o.overrides ?? [],
    seeds: o.seeds,
    parameterHash: parameterHash(o.scenario),
    startedAt: new Date().toISOString(),
    wallSeconds: null,
    status: 'running',
    files: [],
    scenario: o.scenario,
  };
}

/** Runs every seed, streaming rows to the results folder. */
export async function runScenario(o: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const s = o.scenario;
  const panel = o.firmPanel ? await FirmPanel.open(o.outDir, s) : undefined;
  const manifest = baseManifest(o);
  writeFileAtomic(join(o.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const writers = openWriters(o.outDir, (o.agentsEvery ?? 0) > 0);
  const regions = resolveRegions(s);
  const markets = buildMarkets(s.markets);
  const yearStart = s.ticks - Math.min(s.ticks, s.ticksPerYear);
  const finalYear: Float64Array[] = [];
  const finalYearRegions: Float64Array[][] = [];
  const finalYearMarkets: Float64Array[][] = [];
  const total = s.ticks * o.seeds.length;
  let done = 0;
  let interrupted = false;
  for (const seed of o.seeds) {
    const sums = new Float64Array(MODEL_METRICS.length);
    const regionSums = regions.map(() => new Float64Array(REGION_METRICS.length));
    const marketSums = markets.map(() => new Float64Array(MARKET_METRICS.length));
    const onFirmYear = panel ? (r: FirmYear) => panel.add(seed, r) : undefined;
    for (const rec of simulate(s, seed, { agentsEvery: o.agentsEvery, onFirmYear })) {
      writers.model.row([rec.tick, seed, ...rec.model]);
      rec.regions.forEach((row, r) => writers.regions.row([rec.tick, seed, regions[r]!.name, regions[r]!.group, ...row]));
      rec.markets.forEach((row, m) => writers.markets.row([rec.tick, seed, markets[m]!.name, ...row]));
      rec.eachAgent?.((row) => writers.agents!.row([rec.tick, seed, ...row]));
      if (rec.tick >= yearStart) {
        addTo(sums, rec.model);
        rec.regions.forEach((row, r) => addTo(regionSums[r]!, row));
        rec.markets.forEach((row, m) => addTo(marketSums[m]!, row));
      }
      o.onProgress?.(++done, total);
      if (o.shouldStop?.()) {
        interrupted = true;
        break;
      }
    }
    if (interrupted) break;
    const perTick = (a: Float64Array) => a.map((x) => x / (s.ticks - yearStart));
    finalYear.push(perTick(sums));
    finalYearRegions.push(regionSums.map(perTick));
    finalYearMarkets.push(marketSums.map(perTick));
    allWriters(writers).forEach((w) => w.flush());
  }
  for (const w of allWriters(writers)) {
    if (interrupted) w.abandon();
    else w.close();
  }
  const panelFiles = (await panel?.close(interrupted)) ?? [];
  const parquetFiles =
    o.format === 'parquet' && !interrupted
      ? await csvsToParquet(typedColumns(writers.agents !== undefined).map((t) => ({ csv: join(o.outDir, t.file), columns: t.columns })))
      : [];
  const wallSeconds = (performance.now() - started) / 1000;
  const csvFiles = allWriters(writers).map((w) => w.path.split(/[\\/]/).pop()! + (interrupted ? '.partial' : ''));
  const files = ['manifest.json', ...csvFiles, ...parquetFiles, ...panelFiles];
  writeFileAtomic(
    join(o.outDir, 'manifest.json'),
    JSON.stringify({ ...manifest, wallSeconds, status: interrupted ? 'interrupted' : 'complete', files }, null, 2),
  );
  return { outDir: o.outDir, finalYear, finalYearRegions, finalYearMarkets, wallSeconds, interrupted };
}

function addTo(sums: Float64Array, row: ArrayLike<number>): void {
  for (let j = 0; j < sums.length; j++) sums[j]! += row[j]!;
}
