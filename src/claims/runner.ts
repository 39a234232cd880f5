/**
 * Runs every variant a set of claims needs, on the same seeds (common random
 * numbers), in a pool of worker threads; each (variant, seed) runs once even
 * when several claims share it.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Scenario } from '../model/params.js';
import { loadScenario } from '../scenario/index.js';
import { variantFiles, type Claim } from './catalog.js';
import type { RunDigest } from './digest.js';
import type { Digests } from './judge.js';

export interface RunClaimsOptions {
  seeds: number;
  seedBase: number;
  /** Multiplies every variant's firm population. */
  scale: number;
  scenarioDir: string;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

async function loadVariant(dir: string, file: string, scale: number): Promise<Scenario> {
  const { scenario } = await loadScenario(join(dir, file));
  return { ...scenario, firms: Math.max(50, Math.round(scenario.firms * scale)) };
}

export async function runVariants(claims: readonly Claim[], o: RunClaimsOptions): Promise<Digests> {
  const files = variantFiles(claims);
  const scenarios = await Promise.all(files.map((f) => loadVariant(o.scenarioDir, f, o.scale)));
  const seeds = Array.from({ length: o.seeds }, (_, k) => o.seedBase + k);
  const pool = new Piscina({
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    maxThreads: Math.max(1, o.workers ?? availableParallelism()),
  });
  const total = files.length * seeds.length;
  let done = 0;
  try {
    const runs = await Promise.all(
      scenarios.map((scenario) =>
        Promise.all(
          seeds.map(async (seed) => {
            const digest = (await pool.run({ scenario, seed })) as RunDigest;
            o.onProgress?.(++done, total);
            return digest;
          }),
        ),
      ),
    );
    return new Map(files.map((f, k) => [f, runs[k]!]));
  } finally {
    await pool.destroy();
  }
}
