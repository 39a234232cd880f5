/**
 * Runs every variant a set of claims needs, on the same seeds (common random
 * numbers), in a pool of worker threads; each (variant, seed) runs once even
 * when several claims share it.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { compiledSibling } from '../engine/worker-path.js';
import type { Scenario } from '../model/params.js';
import { applyEvent, loadScenario } from '../scenario/index.js';
import { variantFiles, type Claim } from './catalog.js';
import type { PanelClaims } from '../analysis/panel/study-claims.js';
import type { RunDigest } from './digest.js';
import type { Evidence } from './judge.js';
import { overlaps } from './overrides.js';
import { joinPanelClaims } from './panel.js';
import type { RunTask } from './worker.js';

export interface RunClaimsOptions {
  seeds: number;
  seedBase: number;
  /** Multiplies every variant's firm population. */
  scale: number;
  scenarioDir: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** `path=value` overrides (as `run --set`) applied to every variant, before an ablation's own. */
  set?: readonly string[];
  /** Variants that are a scenario file with overrides on top (an ablation), by the name the claims use for them. */
  derived?: ReadonlyMap<string, DerivedVariant>;
}

/** A variant made from a scenario file and overrides applied on top of it (paths as in events). */
export interface DerivedVariant {
  file: string;
  set: Record<string, unknown>;
}

async function loadVariant(dir: string, name: string, o: RunClaimsOptions): Promise<Scenario> {
  const { scale, derived, set } = o;
  const from = derived?.get(name);
  let { scenario } = await loadScenario(join(dir, from?.file ?? name), { overrides: set });
  if (from) scenario = withOverrides(scenario, from);
  return { ...scenario, firms: Math.max(50, Math.round(scenario.firms * scale)) };
}

/** The scenario with the overrides applied from the start; refused when one of its events would set them back. */
function withOverrides(s: Scenario, v: DerivedVariant): Scenario {
  const keys = Object.keys(v.set);
  const undone = s.events.flatMap((e) => Object.keys(e.set)).filter((k) => keys.some((o) => overlaps(k, o)));
  if (undone.length > 0) throw new Error(`${v.file}: an event sets ${undone.join(', ')}, which the overrides must hold for the whole run`);
  return applyEvent(s, v.set);
}

/**
 * Runs every (variant, seed) the claims need, and one panel study per seed
 * when a claim reads the province panel, all in one pool.
 */
export async function runEvidence(claims: readonly Claim[], o: RunClaimsOptions): Promise<Evidence> {
  const runFiles = variantFiles(claims, 'run');
  const panelFiles = variantFiles(claims, 'panel');
  const seeds = Array.from({ length: o.seeds }, (_, k) => o.seedBase + k);
  const load = (f: string) => loadVariant(o.scenarioDir, f, o);
  const runScenarios = await Promise.all(runFiles.map(load));
  const panelScenarios = await Promise.all(panelFiles.map(load));
  const pool = new Piscina({
    filename: compiledSibling(import.meta.url, 'worker.js'),
    maxThreads: Math.max(1, o.workers ?? availableParallelism()),
  });
  const total = (runFiles.length + panelFiles.length) * seeds.length;
  let done = 0;
  const task = async <T>(t: RunTask): Promise<T> => {
    const out = (await pool.run(t)) as T;
    o.onProgress?.(++done, total);
    return out;
  };
  try {
    // Panel seeds are the longest tasks: queue them first so both cores stay busy to the end.
    const panel = Promise.all(panelScenarios.flatMap((scenario) => seeds.map((seed) => task<PanelClaims>({ kind: 'panel', scenario, seed }))));
    const runs = await Promise.all(runScenarios.map((scenario) => Promise.all(seeds.map((seed) => task<RunDigest>({ kind: 'run', scenario, seed })))));
    const panelParts = await panel;
    return { runs: new Map(runFiles.map((f, k) => [f, runs[k]!])), panel: panelParts.length > 0 ? joinPanelClaims(panelParts) : undefined };
  } finally {
    await pool.destroy();
  }
}
