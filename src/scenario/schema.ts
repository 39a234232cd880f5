/**
 * The scenario schema seen as JSON Schema (`z.toJSONSchema`, input side), which
 * carries every default, bound, unit and description. Path checks,
 * error wording and the parameter reference all read the schema from here, so
 * they cannot drift from `src/model/params.ts`.
 */
import { z } from 'zod';
import { ScenarioSchema } from '../model/params.js';
import type { PathSeg } from './tree.js';

/** The parts of JSON Schema that zod emits for the scenario. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  unit?: string;
  description?: string;
}

/** zod writes "no upper bound" on integers as the largest safe integer. */
export const UNBOUNDED = Number.MAX_SAFE_INTEGER;

let cached: JsonSchema | undefined;

/** The scenario's JSON Schema, built once. */
export function scenarioJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(ScenarioSchema, { io: 'input' }) as JsonSchema;
  return cached;
}

/** A record (`regions`): keys are names chosen by the user, each entry has the same shape. */
export function recordEntry(node: JsonSchema): JsonSchema | undefined {
  return !node.properties && typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

/** Keys a mapping may have: its properties, or those of every variant of a union (feePolicy). */
export function keysOf(node: JsonSchema): string[] {
  if (node.properties) return Object.keys(node.properties);
  const variants = node.oneOf ?? node.anyOf ?? [];
  return [...new Set(variants.flatMap(keysOf))];
}

/**
 * The schema of key `key` in a mapping node. In a union, a key several
 * variants share (the `kind` discriminator) becomes one enum of their constants.
 */
export function childSchema(node: JsonSchema, key: string): JsonSchema | undefined {
  if (node.properties) return node.properties[key];
  const found = (node.oneOf ?? node.anyOf ?? []).map((v) => childSchema(v, key)).filter((s) => s !== undefined);
  if (found.length > 1 && found.every((s) => s.const !== undefined)) {
    return { type: 'string', enum: found.map((s) => s.const), default: (node.default as Record<string, unknown> | undefined)?.[key], unit: node.unit, description: node.description };
  }
  return found[0];
}

/** The schema at a path of the scenario (record keys and list indices included), or undefined off the schema. */
export function schemaAt(path: readonly PathSeg[]): JsonSchema | undefined {
  let node: JsonSchema | undefined = scenarioJsonSchema();
  for (const seg of path) {
    if (!node) return undefined;
    node = typeof seg === 'number' ? node.items : (recordEntry(node) ?? childSchema(node, seg));
  }
  return node;
}

/** One documented parameter: its path (`<name>` stands for a region), schema, and the fee-policy variant it belongs to. */
export interface Leaf {
  path: string[];
  schema: JsonSchema;
  variant?: string;
}

/**
 * Every parameter a user can set, in schema order: nested mappings are walked
 * down to their values, region keys appear once as `regions.<name>.<key>`,
 * and a union's keys are listed once each with the variant they belong to.
 */
export function parameterLeaves(): Leaf[] {
  const out: Leaf[] = [];
  const walk = (node: JsonSchema, path: string[]) => {
    const entry = recordEntry(node);
    if (node.properties) for (const [k, child] of Object.entries(node.properties)) walk(child, [...path, k]);
    else if (entry?.properties) walk(entry, [...path, '<name>']);
    else if (node.oneOf) walkUnion(node, node.oneOf, path);
    else out.push({ path, schema: node });
  };
  const walkUnion = (node: JsonSchema, variants: JsonSchema[], path: string[]) => {
    const tag = keysOf(node).find((k) => variants.every((v) => v.properties?.[k]?.const !== undefined));
    if (tag) out.push({ path: [...path, tag], schema: childSchema(node, tag)! });
    for (const v of variants) {
      for (const [k, child] of Object.entries(v.properties ?? {})) {
        if (k !== tag) out.push({ path: [...path, k], schema: child, variant: tag ? `${tag}: ${String(v.properties![tag]!.const)}` : undefined });
      }
    }
  };
  walk(scenarioJsonSchema(), []);
  return out;
}
