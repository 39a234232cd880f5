/** Sensitivity analysis (SALib-like `analyze` side): Sobol indices and Morris screening. */
export { sobolIndices, type SobolIndices } from './sobol.js';
export { sobolIndicesFromDesign } from './sobol-design.js';
export { morrisIndices, type MorrisIndices } from './morris.js';
export { bootstrapIntervals, quantile, resolveBootstrap, type BootstrapOptions, type Estimate } from './bootstrap.js';
export { DEFAULT_TOLERANCE, morrisNoise, sobolNoise, type NoiseReport, type NoisyIndex } from './noise.js';
