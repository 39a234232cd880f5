/**
 * The parameter reference (`gvc-sim params`, docs/parameters.md), generated
 * from the schema so it always says what validation enforces.
 */
import { UserError } from '../errors.js';
import { REGION_PRESETS } from '../model/params.js';
import { presetRegionNames } from '../model/regions.js';
import { formatMarkdownTable } from '../report/table.js';
import { FIXED_FOR_RUN } from './events.js';
import { describeExpected } from './issues.js';
import { UNBOUNDED, parameterLeaves, type JsonSchema, type Leaf } from './schema.js';
import { didYouMean } from './suggest.js';

export type ReferenceFormat = 'md' | 'json';

/** One documented parameter, flat, as `--format json` prints it. */
export interface ParameterRow {
  path: string;
  group: string;
  default: unknown;
  /** Region keys: the default comes from the region preset, not the schema. */
  fromPreset: boolean;
  range: string;
  minimum?: number;
  maximum?: number;
  integer: boolean;
  values?: unknown[];
  unit: string;
  description: string;
  /** For fee-policy keys: the policy kind they belong to. */
  variant?: string;
}

/** Every parameter, in schema order; `filter` keeps paths starting with it. */
export function parameterRows(filter = ''): ParameterRow[] {
  const rows = parameterLeaves().map(toRow);
  const kept = rows.filter((r) => r.path.startsWith(filter));
  if (kept.length === 0) {
    const groups = [...new Set(rows.map((r) => r.group))];
    throw new UserError(`no parameter path starts with '${filter}'${didYouMean(filter.split('.')[0]!, groups)}`, `groups: ${groups.join(', ')}`);
  }
  return kept;
}

/** The reference as Markdown (title, how to set parameters, one table per group) or JSON (a flat list). */
export function parameterReference(format: ReferenceFormat, filter = ''): string {
  const rows = parameterRows(filter);
  if (format === 'json') return `${JSON.stringify({ parameters: rows }, null, 2)}\n`;
  const groups = [...new Set(rows.map((r) => r.group))];
  const tables = groups.map((g) => `## ${g}\n\n${groupTable(rows.filter((r) => r.group === g))}\n`);
  return [...(filter ? [] : [INTRO()]), ...tables].join('\n');
}

function toRow({ path, schema, variant }: Leaf): ParameterRow {
  const region = path[0] === 'regions';
  const numeric = schema.type === 'number' || schema.type === 'integer';
  const variantNote = variant ? ` (feePolicy ${variant} only)` : '';
  return {
    path: path.join('.'),
    group: path.length === 1 ? 'run' : path[0]!,
    default: region ? undefined : schema.default,
    fromPreset: region,
    range: rangeOf(schema),
    ...(numeric && schema.minimum !== undefined ? { minimum: schema.minimum } : {}),
    ...(numeric && schema.maximum !== undefined && schema.maximum < UNBOUNDED ? { maximum: schema.maximum } : {}),
    integer: schema.type === 'integer',
    ...(schema.enum ? { values: schema.enum } : {}),
    unit: schema.unit ?? '',
    description: `${schema.description ?? ''}${variantNote}`,
    ...(variant ? { variant } : {}),
  };
}

/** Compact ranges for numbers (`0 – 0.9`, `1 – 2400, integer`); words for anything else. */
function rangeOf(s: JsonSchema): string {
  if (s.type === 'array' && s.items && s.minItems !== undefined && s.minItems === s.maxItems) return `${s.minItems} × (${rangeOf(s.items)})`;
  if (s.type !== 'number' && s.type !== 'integer') return describeExpected(s);
  const max = s.maximum !== undefined && s.maximum < UNBOUNDED ? s.maximum : undefined;
  const span = s.minimum !== undefined && max !== undefined ? `${s.minimum} – ${max}` : s.minimum !== undefined ? `≥ ${s.minimum}` : max !== undefined ? `≤ ${max}` : 'any';
  return s.type === 'integer' ? `${span}, integer` : span;
}

function groupTable(rows: ParameterRow[]): string {
  const cells = rows.map((r) => [`\`${r.path}\``, r.fromPreset ? 'from the preset' : formatDefault(r.default), r.range, r.unit, r.description]);
  return formatMarkdownTable(['path', 'default', 'range', 'unit', 'description'], cells);
}

function formatDefault(v: unknown): string {
  if (v === undefined) return '—';
  return `\`${Array.isArray(v) ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]` : JSON.stringify(v)}\``;
}

function presetList(): string {
  return REGION_PRESETS.map((p) => {
    const names = presetRegionNames(p);
    return `\`${p}\` (${names.length <= 6 ? names.join(', ') : `${names.length} regions, ${names[0]} … ${names.at(-1)}`})`;
  }).join('; ');
}

const INTRO = () => `# Scenario parameters

<!-- Generated from src/model/params.ts by \`gvc-sim params --format md\`. Do not edit by hand: run \`npm run docs\`. -->

Every parameter has a default, so a scenario file sets only what it changes.
Money is in thousands of USD (k USD); one tick is one month unless
\`ticksPerYear\` says otherwise. \`gvc-sim validate FILE\` checks a scenario
against this reference and names the file, line and column of each problem.

## Setting a parameter

In a scenario file, nest the path as YAML mappings:

\`\`\`yaml
name: high-fees
extends: baseline.yaml      # start from another scenario (path relative to this file)
platform:
  commission: 0.2
  traffic:
    rule: pay-to-rank
regions:
  central:
    financeDepth: 0.3
\`\`\`

On the command line, \`--set path=value\` overrides any parameter (repeat it
for several; the value is read as YAML, so \`0.2\`, \`true\`, \`[1, 2]\` and
\`pay-to-rank\` all work):

\`\`\`sh
gvc-sim validate scenarios/baseline.yaml --set platform.commission=0.2 --set regions.*.financeDepth=0.3
\`\`\`

In \`events\`, parameters change at a tick (counted from 0, so at most \`ticks − 1\`);
events apply in order of \`at\`:

\`\`\`yaml
events:
  - at: 36                  # year 4
    set:
      platform.stage: 2
      regions.central.pilotZone: true
      regions.*.financeDepth: 0.6
\`\`\`

- \`regions.*.key\` (in \`--set\` and in events) sets the key in every region of
  the preset. Region keys default to the preset's values. Presets: ${presetList()}.
- Lists of fixed length take an index: \`--set firm.markups.0=0.1\`.
- \`extends\` merges mappings key by key (this file wins); lists are replaced
  whole; the \`events\` of both files are concatenated, the parent's first.
- To switch the fee policy, set the whole mapping, e.g.
  \`platform.feePolicy: {kind: market-power, slope: 0.2}\`; \`slope\` and \`max\`
  belong to \`market-power\`, \`expr\` to \`expression\`.
- A fee \`expr\` is checked when the scenario loads: numbers, the variables
  (\`gmvShare\`, \`sellerShare\`, \`stage\`, \`base\`, \`trust\`, \`fraudShare\`,
  \`year\`), arithmetic, comparisons, \`? :\` and min, max, abs, sqrt, log, exp,
  pow only (no \`x.property\`), and a finite real value at every bound and
  middle of the variables it uses (shares 0–1, stage 0–2, \`base\` as the
  scenario or an event sets it, \`year\` over the run): \`base / gmvShare\` is
  refused (infinite at \`gmvShare = 0\`), \`base / max(gmvShare, 0.01)\` is
  not. A fee that still gives no finite number during a run (a sweep can set
  \`base\` to values the base scenario does not have) stops the run with the
  tick, the expression and its inputs.
- Events cannot change what the world is built from at the start: ${FIXED_FOR_RUN.map((p) => `\`${p}\``).join(', ')}.
`;
