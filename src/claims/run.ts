/** `gvc-sim claims`: run the catalog, judge it, print and write the report. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProgress } from '../cli/progress.js';
import { UserError } from '../errors.js';
import { writeFileAtomic } from '../output/atomic.js';
import { didYouMean } from '../scenario/suggest.js';
import { ablationPlan, judgeAblation, type AblationResult } from './ablation.js';
import { CLAIMS, type Claim } from './catalog.js';
import { ablationsJson, ablationsMarkdown, ablationsTable, claimsHtml, claimsJson, claimsMarkdown, claimsTable, variedJson, variedMarkdown, variedTable, type VariedClaims } from './format.js';
import { judgeClaim, type ClaimResult } from './judge.js';
import { checkOverrides, scenarioValue, type Variation } from './overrides.js';
import { runEvidence } from './runner.js';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export function selectClaims(only?: string): Claim[] {
  if (!only) return CLAIMS;
  const ids = only.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  const known = CLAIMS.map((c) => c.id);
  for (const id of ids) if (!known.includes(id)) throw new UserError(`no claim '${id}'${didYouMean(id, known)}`, `claims: ${known.join(', ')}`);
  return CLAIMS.filter((c) => ids.includes(c.id));
}

export interface JudgeOptions {
  seeds: number;
  seedBase: number;
  scale: number;
  workers?: number;
  /** `path=value` overrides applied to every variant (`claims --set`); refused where they would erase a claim's contrast. */
  set?: readonly string[];
  onProgress?: (done: number, total: number) => void;
}

/** Runs and judges claims; the library entry point the CLI and the regression test share. */
export async function judgeClaims(claims: Claim[], o: JudgeOptions): Promise<ClaimResult[]> {
  await checkOverrides(claims, o.set ?? [], SCENARIO_DIR);
  return runAndJudge(claims, o);
}

/** Runs and judges claims whose overrides were checked already. */
async function runAndJudge(claims: Claim[], o: JudgeOptions): Promise<ClaimResult[]> {
  const evidence = await runEvidence(claims, { ...o, scenarioDir: SCENARIO_DIR });
  return claims.map((c) => judgeClaim(c, evidence, o.seeds));
}

/**
 * Runs each claim that has an ablation without it and with it, on the same
 * seeds in one pool, and judges the ablated check against the same check at
 * the defaults. Claims without an ablation are left out.
 */
export async function judgeAblations(claims: Claim[], o: JudgeOptions): Promise<AblationResult[]> {
  const withAblation = claims.filter((c) => c.ablation);
  await checkOverrides(withAblation, o.set ?? [], SCENARIO_DIR);
  const { ablated, derived } = ablationPlan(withAblation);
  const evidence = await runEvidence([...withAblation, ...ablated], { ...o, scenarioDir: SCENARIO_DIR, derived });
  return withAblation.map((c, k) => judgeAblation(c, ablated[k]!, evidence, o.seeds));
}

type CliOptions = JudgeOptions & { only?: string; format: 'table' | 'md' | 'json'; out: string };

/** The seeds a run used, as its reports name them: first–last. */
const seedsLabel = (o: JudgeOptions) => `${o.seedBase}–${o.seedBase + o.seeds - 1}`;

/** `gvc-sim claims --ablate`: run and judge the ablations, print and write ablations.md and ablations.json. */
export async function runAblations(o: CliOptions): Promise<void> {
  const claims = selectClaims(o.only);
  mkdirSync(o.out, { recursive: true });
  const progress = createProgress('ablations');
  const results = await judgeAblations(claims, { ...o, onProgress: (d, t) => progress.update(d, t) });
  progress.stop();
  const meta = { seeds: seedsLabel(o), scale: o.scale, set: o.set ?? [] };
  const skipped = claims.filter((c) => !c.ablation);
  writeFileAtomic(join(o.out, 'ablations.md'), ablationsMarkdown(results, skipped, meta));
  writeFileAtomic(join(o.out, 'ablations.json'), JSON.stringify(ablationsJson(results, skipped, meta), null, 2));
  if (o.format === 'json') console.log(JSON.stringify(ablationsJson(results, skipped, meta), null, 2));
  else console.log(o.format === 'md' ? ablationsMarkdown(results, skipped, meta) : ablationsTable(results));
  console.error(`written: ${join(o.out, 'ablations.md')}, ablations.json`);
}

export async function runClaims(o: CliOptions): Promise<void> {
  const claims = selectClaims(o.only);
  mkdirSync(o.out, { recursive: true });
  const progress = createProgress('claims');
  const results = await judgeClaims(claims, { ...o, onProgress: (d, t) => progress.update(d, t) });
  progress.stop();
  const set = o.set ?? [];
  const meta = { seeds: seedsLabel(o), scale: o.scale, claims: claims.length, ...(set.length ? { overrides: set.join(', ') } : {}) };
  writeFileAtomic(join(o.out, 'claims.md'), claimsMarkdown(results, set));
  writeFileAtomic(join(o.out, 'claims.json'), JSON.stringify(claimsJson(results, set), null, 2));
  writeFileAtomic(join(o.out, 'claims.html'), await claimsHtml(results, meta));
  if (o.format === 'json') console.log(JSON.stringify(claimsJson(results, set), null, 2));
  else console.log(o.format === 'md' ? claimsMarkdown(results, set) : claimsTable(results));
  console.error(`written: ${join(o.out, 'claims.md')}, claims.json, claims.html`);
}

/**
 * Judges the claims once per value of one parameter, set in every variant on
 * top of any other overrides (`claims --vary`); the values run one after the
 * other, each on the same seeds, so they differ only in the parameter.
 * `onValue` gets the results so far after each value.
 */
export async function judgeClaimsAcross(claims: Claim[], o: JudgeOptions, vary: Variation, onValue?: (so: VariedClaims) => void): Promise<VariedClaims> {
  const set = o.set ?? [];
  await checkOverrides(claims, set, SCENARIO_DIR);
  await checkOverrides(claims, [`${vary.path}=${vary.values.join(',')}`], SCENARIO_DIR, '--vary');
  const given = await Promise.all(claims.map((c) => scenarioValue(c, vary.path, SCENARIO_DIR)));
  const varied: VariedClaims = { path: vary.path, set, runs: [], given: new Map(claims.map((c, k) => [c.id, given[k]])) };
  for (const value of vary.values) {
    varied.runs.push({ value, results: await runAndJudge(claims, { ...o, set: [...set, `${vary.path}=${value}`] }) });
    onValue?.(varied);
  }
  return varied;
}

/** `gvc-sim claims --vary`: judge, print and write claims-vary.md and claims-vary.json (again after each value, so a stopped sweep keeps what it finished). */
export async function runClaimsAcross(o: CliOptions, vary: Variation): Promise<void> {
  const claims = selectClaims(o.only);
  const progress = createProgress(`claims × ${vary.values.length} values`);
  const meta = { seeds: seedsLabel(o), scale: o.scale };
  const write = (v: VariedClaims) => {
    writeFileAtomic(join(o.out, 'claims-vary.md'), variedMarkdown(v, meta));
    writeFileAtomic(join(o.out, 'claims-vary.json'), JSON.stringify(variedJson(v, meta), null, 2));
  };
  mkdirSync(o.out, { recursive: true });
  let finished = 0;
  const onProgress = (done: number, total: number) => progress.update(finished * total + done, vary.values.length * total);
  const varied = await judgeClaimsAcross(claims, { ...o, onProgress }, vary, (v) => {
    finished++;
    write(v);
  });
  progress.stop();
  if (o.format === 'json') console.log(JSON.stringify(variedJson(varied, meta), null, 2));
  else console.log(o.format === 'md' ? variedMarkdown(varied, meta) : variedTable(varied));
  console.error(`written: ${join(o.out, 'claims-vary.md')}, claims-vary.json`);
}
