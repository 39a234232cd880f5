/** Plain data types shared by the panel estimators (no I/O here). */

/** Which fixed effects the within transformation sweeps out. */
export type Effects = 'none' | 'entity' | 'time' | 'twoways';

export const EFFECTS: readonly Effects[] = ['none', 'entity', 'time', 'twoways'];

/** A long-format panel: one row per (entity, time) observation, numeric variables by name. */
export interface Panel {
  /** Numeric variables by name; every array has one value per observation. */
  readonly vars: Readonly<Record<string, readonly number[]>>;
  /** Entity (cross-section unit) label of each observation. */
  readonly entity: readonly string[];
  /** Time-period label of each observation. */
  readonly time: readonly string[];
}

/** Cluster membership for cluster-robust standard errors. */
export interface ClusterSpec {
  /** Name shown in output (usually the column the labels came from). */
  readonly name: string;
  /** Cluster label of each observation. */
  readonly labels: readonly string[];
}

/** A linear panel model `y ~ x₁ + … + x_k` with the given effects. */
export interface ModelSpec {
  readonly y: string;
  readonly x: readonly string[];
  readonly effects: Effects;
  /** Cluster-robust standard errors by these clusters; classical ones when absent. */
  readonly cluster?: ClusterSpec;
}

export interface Coefficient {
  readonly name: string;
  readonly estimate: number;
  readonly stdError: number;
  readonly t: number;
  /** Two-sided p-value from Student's t with `PanelFit.dfTest` degrees of freedom. */
  readonly p: number;
}

export interface FTest {
  readonly value: number;
  readonly df1: number;
  readonly df2: number;
  readonly p: number;
}

export interface PanelFit {
  readonly y: string;
  readonly effects: Effects;
  /** Cluster variable name, or null for classical standard errors. */
  readonly cluster: string | null;
  /** Slopes in the order of `ModelSpec.x`; pooled OLS puts `(Intercept)` first. */
  readonly coefficients: readonly Coefficient[];
  /** Variance–covariance matrix of the coefficients (same order). */
  readonly vcov: readonly (readonly number[])[];
  readonly n: number;
  readonly nEntities: number;
  readonly nPeriods: number;
  readonly nClusters: number | null;
  /** N − K − (number of absorbed fixed-effect parameters). */
  readonly dfResid: number;
  /** Degrees of freedom of the t tests: dfResid, or G − 1 with clustering. */
  readonly dfTest: number;
  /** Ordinary R² for pooled OLS; R² of the within-transformed model otherwise. */
  readonly r2: number;
  readonly r2Kind: 'ordinary' | 'within';
  /** Wald F test that all slopes are zero, using the reported vcov. */
  readonly f: FTest;
  readonly residuals: readonly number[];
}

export const INTERCEPT = '(Intercept)';
