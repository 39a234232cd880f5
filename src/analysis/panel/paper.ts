/**
 * The published estimates `gvc-sim panel` sets beside its simulated ones:
 * Cao & Guo (2025), "An Empirical Study on the Impact of Cross-Border
 * E-Commerce on the Export Trade of China's Manufacturing Industry",
 * Modeling and Simulation 14(7): 319–331, doi:10.12677/mos.2025.147540.
 * 30 provinces × 2013–2022 (N = 300); EXP = ln manufacturing exports; ECI an
 * entropy-weighted index; t statistics in parentheses; stars as printed
 * (*** 1%, ** 5%, * 10%).
 */

export interface PaperEstimate {
  readonly estimate: number;
  /** t statistic as printed (absent for derived values). */
  readonly t?: number;
  readonly stars?: string;
}

/** Table 1: entropy weights of the index dimensions (sums of their indicators' weights). */
export const PAPER_DIMENSION_WEIGHTS: Readonly<Record<string, number>> = {
  'market size': 0.181 + 0.153 + 0.111 + 0.064,
  infrastructure: 0.045 + 0.076 + 0.024 + 0.015,
  'growth potential': 0.053 + 0.072 + 0.099 + 0.106,
};

/** Table 4: benchmark regressions, EXP on ECI. */
export const PAPER_TABLE4 = {
  pooled: { eci: { estimate: 8.757, t: 14.99, stars: '***' }, r2: 0.397, n: 300 },
  controls: { eci: { estimate: 2.485, t: 3.8, stars: '***' }, pgdp: { estimate: 1.68, t: 6.88, stars: '***' }, fisca: { estimate: 6.128, t: 12.58, stars: '***' }, r2: 0.784, n: 300 },
  twoWays: { eci: { estimate: 1.093, t: 2.12, stars: '**' }, pgdp: { estimate: 1.975, t: 5.16, stars: '***' }, r2: 0.612, n: 300 },
} as const;

export interface PaperMediation {
  /** Step 2: mediator on ECI. */
  readonly a: PaperEstimate;
  /** Step 3: ECI coefficient with the mediator (direct effect). */
  readonly direct: PaperEstimate;
  /** Step 3: mediator coefficient. */
  readonly b: PaperEstimate;
  readonly verdict: 'full' | 'partial';
}

/** Table 6: three-step mediation (two-way FE with controls); the total effect is Table 4 column (3). */
export const PAPER_TABLE6: Readonly<Record<'inus' | 'tec', PaperMediation>> = {
  inus: { a: { estimate: 0.208, t: 7.55, stars: '***' }, direct: { estimate: 0.283, t: 0.73 }, b: { estimate: 3.89, t: 6.87, stars: '***' }, verdict: 'full' },
  tec: { a: { estimate: 0.03, t: 5.03, stars: '***' }, direct: { estimate: 0.74, t: 1.84, stars: '*' }, b: { estimate: 11.818, t: 2.46, stars: '**' }, verdict: 'partial' },
};

export interface PaperProvinceCoefficient {
  readonly province: string;
  readonly estimate: number;
  readonly p: number;
}

/** Table 7: province-specific ECI coefficients, grouped as the National Bureau of Statistics does. */
export const PAPER_TABLE7: Readonly<Record<'east' | 'central' | 'west', readonly PaperProvinceCoefficient[]>> = {
  east: [
    { province: 'Beijing', estimate: 8.52, p: 0.0 },
    { province: 'Tianjin', estimate: 8.74, p: 0.122 },
    { province: 'Hebei', estimate: 11.71, p: 0.018 },
    { province: 'Liaoning', estimate: 7.77, p: 0.101 },
    { province: 'Shanghai', estimate: 1.63, p: 0.077 },
    { province: 'Jiangsu', estimate: 4.7, p: 0.028 },
    { province: 'Zhejiang', estimate: 2.04, p: 0.004 },
    { province: 'Fujian', estimate: 4.01, p: 0.027 },
    { province: 'Shandong', estimate: 7.39, p: 0.0 },
    { province: 'Guangdong', estimate: 0.42, p: 0.622 },
    { province: 'Hainan', estimate: 35.85, p: 0.0 },
  ],
  central: [
    { province: 'Shanxi', estimate: 17.26, p: 0.013 },
    { province: 'Jilin', estimate: 18.53, p: 0.072 },
    { province: 'Heilongjiang', estimate: 12.0, p: 0.023 },
    { province: 'Anhui', estimate: 15.24, p: 0.0 },
    { province: 'Jiangxi', estimate: 13.17, p: 0.0 },
    { province: 'Henan', estimate: 14.51, p: 0.001 },
    { province: 'Hubei', estimate: 15.62, p: 0.0 },
    { province: 'Hunan', estimate: 22.36, p: 0.0 },
  ],
  west: [
    { province: 'Inner Mongolia', estimate: 11.78, p: 0.01 },
    { province: 'Guangxi', estimate: 29.11, p: 0.0 },
    { province: 'Chongqing', estimate: 11.56, p: 0.012 },
    { province: 'Sichuan', estimate: 13.31, p: 0.0 },
    { province: 'Guizhou', estimate: 14.06, p: 0.096 },
    { province: 'Yunnan', estimate: 25.45, p: 0.0 },
    { province: 'Shaanxi', estimate: 23.43, p: 0.0 },
    { province: 'Gansu', estimate: -6.11, p: 0.481 },
    { province: 'Qinghai', estimate: 13.46, p: 0.086 },
    { province: 'Ningxia', estimate: 5.64, p: 0.757 },
    { province: 'Xinjiang', estimate: 18.91, p: 0.018 },
  ],
};

/** Table 8: two-way FE with controls in the high and low finance-depth halves (median split; N = 150 each). */
export const PAPER_TABLE8 = {
  high: { eci: { estimate: 1.327, t: 2.83, stars: '**' }, r2Within: 0.523, n: 150 },
  low: { eci: { estimate: -0.655, t: -0.9 }, r2Within: 0.827, n: 150 },
} as const;
