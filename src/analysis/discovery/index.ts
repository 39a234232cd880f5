/** Scenario discovery: which inputs, in which ranges, lead to the outcomes of interest. */
export { binomialUpperTail } from './binomial.js';
export { DEFAULT_MIN_DENSITY, discover, type ChosenLimit, type Direction, type Discovery, type DiscoveryOptions, type DiscoveryQuestion, type DiscoveryRuns } from './discover.js';
export {
  defaultBox,
  limitRestricted,
  peelQuantile,
  prim,
  PRIM_DEFAULTS,
  PRIM_OBJECTIVES,
  quasiPValues,
  type BoxLimit,
  type PrimBox,
  type PrimDimension,
  type PrimInput,
  type PrimObjective,
  type PrimOptions,
  type PrimResult,
  type QuasiP,
} from './prim.js';
