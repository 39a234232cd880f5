/**
 * The sweep spec file: a base scenario, the factors to vary, the design that
 * samples them, replications, seeds and the outputs to keep. The schema
 * checks shapes only; `spec-load.ts` checks paths, metrics and values against
 * the scenario schema and MODEL_METRICS.
 */
import { z } from 'zod';

/** How a run's per-tick series of a metric becomes what is stored. */
export const REDUCTIONS = ['final', 'final-year', 'mean', 'trajectory'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

const count = (what: string) => z.number().int({ error: `${what} must be a whole number` }).min(1, { error: `${what} must be at least 1` });
const seed = z.number().int().min(0).max(2 ** 31 - 1);

/** A sampled factor's range (lhs, sobol, morris; grid with `design.n` levels). */
const RangeSchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  log: z.boolean().optional(),
  integer: z.boolean().optional(),
});

/** A factor: an explicit list of levels, or a range. */
const FactorSchema = z.union([z.array(z.number()).min(2, { error: 'a factor needs at least two levels' }), RangeSchema]);

const DesignSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('grid'), n: count('n (levels per range factor)').optional() }),
  z.strictObject({ kind: z.literal('lhs'), n: count('n (design points)'), seed: seed.default(1) }),
  z.strictObject({ kind: z.literal('sobol'), n: count('n (base samples)') }),
  z.strictObject({ kind: z.literal('morris'), n: count('n (trajectories)'), levels: z.number().int().min(2).default(4), seed: seed.default(1) }),
]);

export const SweepSpecSchema = z.strictObject({
  name: z.string().min(1).optional(),
  description: z.string().optional(),
  base: z.string().min(1),
  design: DesignSchema,
  factors: z.record(z.string(), FactorSchema),
  replications: count('replications').default(1),
  seed: seed.default(1),
  outputs: z.record(z.string(), z.enum(REDUCTIONS)),
  /** Run-size overrides (firms, ticks, burnInTicks) for quick runs. */
  scale: z.record(z.string(), z.unknown()).optional(),
  /** Other parameters fixed for the whole sweep (like --set). */
  set: z.record(z.string(), z.unknown()).optional(),
});

export type SweepSpec = z.infer<typeof SweepSpecSchema>;
export type FactorSpec = z.infer<typeof FactorSchema>;

/** Valid keys by where they appear, for "did you mean" on unknown keys. */
export const SPEC_KEYS = Object.keys(SweepSpecSchema.shape);
export const DESIGN_KEYS = ['kind', 'n', 'seed', 'levels'];
export const RANGE_KEYS = Object.keys(RangeSchema.shape);
