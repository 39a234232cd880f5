/**
 * `claims --set`: parameter overrides applied to every variant of every claim,
 * to judge the claims under other assumptions (a cost, a rate, a preset). An
 * override may not touch what a claim's variants differ in: set alike in
 * every variant, it would erase the contrast the claim is judged on.
 */
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { loadScenario } from '../scenario/index.js';
import { variantFiles, type Claim } from './catalog.js';

/** Where two resolved scenarios differ, as dotted paths with both values; lists compare whole. */
function differences(a: unknown, b: unknown, path: string[], out: Map<string, [unknown, unknown]>): void {
  const isMap = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isMap(a) && isMap(b)) {
    const ma = a as Record<string, unknown>;
    const mb = b as Record<string, unknown>;
    for (const k of new Set([...Object.keys(ma), ...Object.keys(mb)])) differences(ma[k], mb[k], [...path, k], out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.set(path.join('.'), [a, b]);
  }
}

/** Whether two dotted parameter paths overlap: one is the other or inside it (`*` matches any one key). */
export function overlaps(a: string, b: string): boolean {
  const sa = a.split('.');
  const sb = b.split('.');
  return sa.slice(0, Math.min(sa.length, sb.length)).every((seg, k) => seg === '*' || sb[k] === '*' || seg === sb[k]);
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The scenario files a claim's checks run (relative to the scenario folder), the province panel's included. */
const variantsOf = (claim: Claim) => [...variantFiles([claim], 'run'), ...variantFiles([claim], 'panel')];

/**
 * Refuses overrides that would erase a claim's contrast: a path in which the
 * claim's variants differ (their names and descriptions aside), or one
 * containing it.
 */
export async function checkOverrides(claims: readonly Claim[], set: readonly string[], dir: string, flag = '--set'): Promise<void> {
  if (set.length === 0) return;
  const paths = set.map((text) => text.slice(0, Math.max(0, text.indexOf('='))).trim());
  for (const claim of claims) {
    const files = variantsOf(claim);
    if (files.length < 2) continue;
    const scenarios = await Promise.all(files.map(async (f) => (await loadScenario(join(dir, f))).scenario));
    const diff = new Map<string, [unknown, unknown]>();
    for (const s of scenarios.slice(1)) differences(scenarios[0], s, [], diff);
    for (const [k, path] of paths.entries()) {
      const hit = [...diff.keys()].find((d) => d !== 'name' && d !== 'description' && overlaps(path, d));
      if (hit === undefined) continue;
      const [first, other] = diff.get(hit)!;
      throw new UserError(
        `${flag} ${set[k]} would erase ${claim.id}'s contrast: its variants differ in ${hit} (${show(first)} against ${show(other)}), and an override sets it alike in all of them`,
        `leave ${claim.id} out with --only, or compare the variants with other values of ${hit} by editing their scenario files (scenarios/${files.join(', scenarios/')})`,
      );
    }
  }
}

/** A `--vary path=v1,v2,…` sweep: the parameter and each value as an override. */
export interface Variation {
  path: string;
  values: string[];
}

/** Reads `--vary path=v1,v2,…` (at least two values; each read as YAML, as `--set` reads one). */
export function parseVariation(text: string): Variation {
  const eq = text.indexOf('=');
  const path = text.slice(0, Math.max(0, eq)).trim();
  const values = eq < 0 ? [] : text.slice(eq + 1).split(',').map((v) => v.trim()).filter((v) => v !== '');
  if (path === '' || values.length < 2) {
    throw new UserError(`--vary ${text}: expected path=value,value,… with two values or more`, 'e.g. --vary platform.governance.adaptationCost=0,1,2,4');
  }
  return { path, values };
}

/** The value a claim's scenarios give a plain dotted path (the first variant's; the same in all, since no contrast may touch it), if it names one. */
export async function scenarioValue(claim: Claim, path: string, dir: string): Promise<unknown> {
  const { scenario } = await loadScenario(join(dir, variantsOf(claim)[0]!));
  return path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), scenario);
}
