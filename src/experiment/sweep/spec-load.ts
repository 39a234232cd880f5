/**
 * Loading a sweep spec: YAML with locations, shape checks (zod), the base
 * scenario (relative to the spec), `scale` and `set`, factors, outputs and the design.
 * Every problem found is reported at once, at its file, line and column.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { canonicalJson, parameterHash } from '../../output/manifest.js';
import { loadScenario, ScenarioError } from '../../scenario/index.js';
import { prepareFeeExpressions } from '../../scenario/load.js';
import { toPlain, type LocNode } from '../../scenario/tree.js';
import { parseYaml } from '../../scenario/yaml-file.js';
import type { BaseScenario } from './factors.js';
import type { SweepPlan } from './plan.js';
import { applyFixed, checkFactors, checkOutputs } from './spec-check.js';
import { buildDesign, gridIssues } from './spec-design.js';
import { explainSpecIssues, specIssue } from './spec-issues.js';
import { SweepSpecSchema, type SweepSpec } from './spec-schema.js';

const HINT = 'docs/experiments.md describes sweep specs; `gvc-sim params` lists every parameter path';

async function readSpec(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UserError(`sweep spec ${file} ${code === 'ENOENT' ? 'not found' : `cannot be read (${code})`}`);
  }
}

/** The base scenario, its path relative to the spec file. */
async function loadBase(tree: LocNode, file: string, spec: SweepSpec): Promise<BaseScenario> {
  const abs = resolve(dirname(file), spec.base);
  if (!existsSync(abs)) throw new ScenarioError([specIssue(tree, ['base'], `scenario file not found: ${abs} (the path is relative to the spec file)`)], file, HINT);
  const loaded = await loadScenario(abs);
  return { raw: loaded.raw as Record<string, unknown>, scenario: loaded.scenario };
}

/** SHA-256 over what determines the results: the spec's content (not its name, description or file paths) and the resolved base. */
function planHash(spec: SweepSpec, base: BaseScenario): string {
  const content = { ...spec, name: undefined, description: undefined, base: parameterHash(base.scenario) };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** Reads and checks a sweep spec; throws a UserError (a ScenarioError listing every problem) on bad input. */
export async function loadSweepSpec(file: string): Promise<SweepPlan> {
  const text = await readSpec(file);
  const tree = parseYaml(text, file);
  const input = toPlain(tree);
  const parsed = SweepSpecSchema.safeParse(input);
  if (!parsed.success) throw new ScenarioError(explainSpecIssues(tree, input, parsed.error.issues), file, HINT);
  const spec = parsed.data;
  const fixed = applyFixed(tree, spec, await loadBase(tree, file, spec));
  const checked = fixed.issues.length > 0 ? { factors: [], issues: [] } : checkFactors(tree, spec, fixed.base);
  const outputs = checkOutputs(tree, spec);
  const issues = [...fixed.issues, ...checked.issues, ...outputs.issues, ...gridIssues(tree, spec)];
  if (issues.length > 0) throw new ScenarioError(issues, file, HINT);
  await prepareFeeExpressions(fixed.base.scenario, file);
  return {
    file,
    text,
    name: spec.name ?? basename(file, extname(file)),
    spec,
    base: fixed.base,
    factors: checked.factors,
    outputs: outputs.outputs,
    design: buildDesign(tree, file, spec, checked.factors),
    hash: planHash(spec, fixed.base),
  };
}
