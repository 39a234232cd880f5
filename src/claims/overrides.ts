/**
 * `claims --set`: parameter overrides applied to every variant of every claim,
 * to judge the claims under other assumptions (a cost, a rate, a preset). An
 * override may not touch what a claim's variants differ in: set alike in
 * every variant, it would erase the contrast the claim is judged on.
 */
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { loadScenario } from '../scenario/index.js';
import type { Claim } from './catalog.js';

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

/** The variants of a claim (scenario files relative to `dir`), in the order its checks name them. */
function variantsOf(claim: Claim): string[] {
  const files = claim.checks.flatMap((c) => ('variants' in c.expect ? c.expect.variants : [c.expect.variant]));
  return [...new Set(files)];
}

/**
 * Refuses overrides that would erase a claim's contrast: a path in which the
 * claim's variants differ (their names and descriptions aside), or one
 * containing it.
 */
export async function checkOverrides(claims: readonly Claim[], set: readonly string[], dir: string): Promise<void> {
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
        `--set ${set[k]} would erase ${claim.id}'s contrast: its variants differ in ${hit} (${show(first)} against ${show(other)}), and an override sets it alike in all of them`,
        `leave ${claim.id} out with --only, or compare the variants with other values of ${hit} by editing their scenario files (scenarios/${files.join(', scenarios/')})`,
      );
    }
  }
}
