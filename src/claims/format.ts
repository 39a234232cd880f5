/** The claims report: a table (terminal or Markdown), JSON, and an HTML page with one chart per check. */
import { parse } from 'yaml';
import { barSpec } from '../report/charts.js';
import { buildHtmlReport } from '../report/html.js';
import type { MeanCi } from '../analysis/replications.js';
import { formatMarkdownTable, formatNumber, formatTable, type Cell } from '../report/table.js';
import type { ClaimResult } from './judge.js';
import type { AblationResult } from './ablation.js';
import type { Claim } from './catalog.js';

const HEADER = ['id', 'claim', 'metric', 'baseline', 'variant', 'effect [CI at the Holm level]', 'seeds', 'verdict'];

/** A check's CI level as printed: 95 %, 97.5 %, 98.3 %, … */
const levelLabel = (level: number) => `${Number((level * 100).toFixed(1))}%`;

const ci = (v: MeanCi) => (v.lo === undefined ? formatNumber(v.mean) : `${formatNumber(v.mean)} [${formatNumber(v.lo)}, ${formatNumber(v.hi!)}]`);
const short = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const name = (file: string) => file.replace(/^claims\//, '').replace(/\.yaml$/, '');

function rows(results: ClaimResult[], wide: boolean): Cell[][] {
  return results.flatMap((r) => {
    return r.checks.map((c, k) => {
      const first = c.levels[0]!;
      const last = c.levels[c.levels.length - 1]!;
      const effects = `${c.effects.map((e) => ci(e.value)).join('; ')} (${levelLabel(c.level)})`;
      return [
        k === 0 ? r.claim.id : '', k === 0 ? (wide ? r.claim.claim : short(r.claim.claim)) : '', `${c.check.label} (${c.check.expect.kind})`,
        `${name(first.variant)}: ${formatNumber(first.value.mean)}`, `${name(last.variant)}: ${formatNumber(last.value.mean)}`, effects, r.seeds,
        k === 0 ? r.verdict : `(${c.verdict})`,
      ];
    });
  });
}

export function claimsTable(results: ClaimResult[]): string {
  return formatTable(HEADER, rows(results, false));
}

/** The report's note on a claim (its reason, and for an assumption what the ablation found), or undefined if it has none. */
export function claimNote(claim: Claim): string | undefined {
  if (!claim.why && !claim.assumption) return undefined;
  return `- **${claim.id}**: ${[claim.why, claim.assumption && `Ablation: ${claim.assumption}`].filter(Boolean).join(' ')}`;
}

/** Overrides as the command line gave them: `--set a=1`, `--set b=2`. */
const setFlags = (set: readonly string[]) => set.map((o) => `\`--set ${o}\``).join(', ');

/** The line a report with `--set` overrides carries, or none without them. */
const overridesLine = (set: readonly string[]) =>
  set.length ? [`Every variant with ${setFlags(set)}: these are not the verdicts recorded in the catalog.`, ''] : [];

export function claimsMarkdown(results: ClaimResult[], set: readonly string[] = []): string {
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const notes = results.map((r) => claimNote(r.claim)).filter((n): n is string => n !== undefined);
  return [
    '# Claims',
    '',
    ...overridesLine(set),
    `${count('reproduced')} reproduced, ${count('not reproduced')} not reproduced, ${count('inconclusive')} inconclusive, ${count('assumption')} assumption, of ${results.length}.`,
    '',
    formatMarkdownTable(HEADER, rows(results, true)),
    ...(notes.length ? ['', '## Notes on the claims', '', ...notes] : []),
    '',
  ].join('\n');
}

export function claimsJson(results: ClaimResult[], set: readonly string[] = []): unknown {
  return results.map((r) => ({
    overrides: [...set],
    id: r.claim.id, source: r.claim.source, claim: r.claim.claim, contrast: r.claim.contrast, verdict: r.verdict, recorded: r.claim.recorded,
    why: r.claim.why, ablation: r.claim.ablation, noAblation: r.claim.noAblation, seeds: r.seeds,
    checks: r.checks.map((c) => ({ label: c.check.label, metric: c.check.metric, expect: c.check.expect, level: c.level, levels: c.levels, effects: c.effects, verdict: c.verdict })),
  }));
}

export async function claimsHtml(results: ClaimResult[], meta: Record<string, string | number>): Promise<string> {
  return buildHtmlReport({
    title: 'gvc-sim — claims',
    subtitle: 'Each claim of the source papers as a contrast between scenario variants, judged on paired seeds.',
    meta,
    sections: [
      { heading: 'Verdicts', table: { header: HEADER, rows: rows(results, true) } },
      ...results.filter((r) => r.checks.length > 0).map((r) => ({
        heading: `${r.claim.id} — ${r.verdict}`,
        text: `${r.claim.claim} (seed ${r.claim.source}). Contrast: ${r.claim.contrast}.${r.claim.why ? `\n\nWhy: ${r.claim.why}` : ''}`,
        charts: r.checks.map((c) => barSpec({ title: `${c.check.label}: ${c.verdict}`, yTitle: c.check.label, bars: c.levels.map((l) => ({ label: name(l.variant), mean: l.value.mean, lo: l.value.lo, hi: l.value.hi })) })),
      })),
    ],
  });
}

/** What an ablations report says of its run: the seeds, the scale and any `--set` overrides. */
interface AblationMeta {
  seeds: string;
  scale: number;
  set?: readonly string[];
}

const ABLATION_HEADER = ['id', 'check', 'input neutralised', 'effect at the defaults [CI]', 'effect ablated [CI]', 'share left', 'verdict: defaults → ablated', 'ablated'];

/** A check's effects with their CIs and level: several effects (steps, peak against ends) joined by "; ". */
const effectsCi = (c: AblationResult['defaults']) => `${c.effects.map((e) => ci(e.value)).join('; ')} (${levelLabel(c.level)})`;

function ablationRows(results: AblationResult[]): Cell[][] {
  return results.map((r) => [
    r.claim.id, `${r.defaults.check.label} (${r.defaults.check.expect.kind})`, r.ablation.input, effectsCi(r.defaults), effectsCi(r.ablated),
    Number.isFinite(r.remaining) ? `${Math.round(r.remaining * 100)}%` : '–', `${r.defaults.verdict} → ${r.ablated.verdict}`, r.survives ? 'survives' : 'does not survive',
  ]);
}

export function ablationsTable(results: AblationResult[]): string {
  return formatTable(ABLATION_HEADER, ablationRows(results));
}

/**
 * The ablations as Markdown: the run's seeds and scale, one row per ablated
 * claim, then the claims without an ablation and why.
 */
export function ablationsMarkdown(results: AblationResult[], skipped: Claim[], meta: AblationMeta): string {
  const survive = results.filter((r) => r.survives).length;
  return [
    ...overridesLine(meta.set ?? []),
    `Run: \`gvc-sim claims --ablate\`, seeds ${meta.seeds}, scale ${meta.scale}. ${survive} of ${results.length} ablated checks survive (keep their verdict and, where it is resolved, at least a tenth of the effect; "share left" is the ablated mean over the mean at the defaults, the smallest over a check's effects).`,
    '',
    formatMarkdownTable(
      ['id', 'mechanism', 'check', 'input neutralised: why it could encode the claim', ...ABLATION_HEADER.slice(3)],
      ablationRows(results).map((row, k) => {
        const r = results[k]!;
        return [row[0]!, r.ablation.mechanism, row[1]!, `\`${r.ablation.input}\`: ${r.ablation.why}`, ...row.slice(3)];
      }),
    ),
    ...(skipped.length ? ['', 'Not ablated:', '', ...skipped.map((c) => `- **${c.id}**: ${c.noAblation ?? 'no ablation recorded.'}`)] : []),
    '',
  ].join('\n');
}

export function ablationsJson(results: AblationResult[], skipped: Claim[], meta: AblationMeta): unknown {
  const check = (c: AblationResult['defaults']) => ({ level: c.level, levels: c.levels, effects: c.effects, verdict: c.verdict });
  return {
    seeds: meta.seeds,
    scale: meta.scale,
    overrides: [...(meta.set ?? [])],
    ablations: results.map((r) => ({
      id: r.claim.id, claim: r.claim.claim, mechanism: r.ablation.mechanism, input: r.ablation.input, set: r.ablation.set, why: r.ablation.why, check: r.check, label: r.defaults.check.label,
      expect: r.defaults.check.expect.kind, defaults: check(r.defaults), ablated: check(r.ablated), remaining: r.remaining, survives: r.survives, recordedSurvives: r.ablation.survives, seeds: r.seeds,
    })),
    notAblated: skipped.map((c) => ({ id: c.id, why: c.noAblation })),
  };
}

/** Claims judged once per value of one parameter (`claims --vary`). */
export interface VariedClaims {
  path: string;
  /** The `--set` overrides every run had besides the varied parameter. */
  set: readonly string[];
  runs: { value: string; results: ClaimResult[] }[];
  /** The value each claim's scenario files give the parameter, by claim id (undefined where the path names no single value). */
  given: ReadonlyMap<string, unknown>;
}

/** A claim's table across the values: a row per value, a column per check (effects, CI, verdict), the claim's verdict last. */
function variedRows(v: VariedClaims, k: number): { title: string; header: string[]; rows: Cell[][] } {
  const claim = v.runs[0]!.results[k]!.claim;
  const given = JSON.stringify(v.given.get(claim.id));
  const header = [v.path, ...claim.checks.map((c) => `${c.label} (${c.expect.kind})`), 'verdict'];
  const rows = v.runs.map(({ value, results }) => {
    const r = results[k]!;
    const label = given !== undefined && JSON.stringify(parse(value)) === given ? `${value} (scenarios)` : value;
    return [label, ...r.checks.map((c) => `${c.effects.map((e) => ci(e.value)).join('; ')} (${levelLabel(c.level)}), ${c.verdict}`), r.verdict];
  });
  return { title: `${claim.id} — ${claim.claim}`, header, rows };
}

const claimIndexes = (v: VariedClaims) => v.runs[0]!.results.map((_, k) => k);

export function variedMarkdown(v: VariedClaims, meta: { seeds: string; scale: number }): string {
  const others = v.set.length ? `, on top of ${setFlags(v.set)}` : '';
  return [
    `# Claims across \`${v.path}\``,
    '',
    `Seeds ${meta.seeds}, scale ${meta.scale}; every variant with \`--set ${v.path}=V\` for each value V${others}. "(scenarios)" marks the value the claim's scenario files give it. Each effect is at its check's Holm level; these are not the verdicts recorded in the catalog.`,
    ...claimIndexes(v).flatMap((k) => {
      const t = variedRows(v, k);
      return ['', `## ${t.title}`, '', formatMarkdownTable(t.header, t.rows)];
    }),
    '',
  ].join('\n');
}

export function variedTable(v: VariedClaims): string {
  return claimIndexes(v).map((k) => {
    const t = variedRows(v, k);
    return `${t.title}\n${formatTable(t.header, t.rows)}`;
  }).join('\n\n');
}

export function variedJson(v: VariedClaims, meta: { seeds: string; scale: number }): unknown {
  return {
    path: v.path, overrides: [...v.set], seeds: meta.seeds, scale: meta.scale,
    values: v.runs.map(({ value, results }) => ({ value, claims: claimsJson(results, [...v.set, `${v.path}=${value}`]) })),
  };
}
