/**
 * The claim catalog: one entry per row of CLAIMS.md, as data. Each claim is a
 * contrast between scenario variants (files under scenarios/claims/, each
 * extending the baseline and changing only what the contrast names), read on
 * a metric, with an expected direction or shape. `recorded` is the verdict the
 * model gives today; the regression test fails if a run disagrees.
 */
import type { ModelMetric } from '../model/reporters.js';
import type { Group } from './digest.js';

/** `assumption`: the claim, or the part of it the checks measure, is an input of the model, not a result (see `Claim.assumption`). */
export type Verdict = 'reproduced' | 'not reproduced' | 'inconclusive' | 'assumption';

/** Where a claim's number comes from. */
export type MetricRead =
  /** Final-year mean of a model metric. */
  | { model: ModelMetric }
  /** Final-year mean relative to first-year mean, minus one. */
  | { growthOf: ModelMetric }
  /** Product of two final-year means. */
  | { product: [ModelMetric, ModelMetric] }
  /** Final-year mean of a region metric, averaged over the regions of a group. */
  | { region: string; group: Group }
  /** A per-seed quantity of the simulated province panel study (see claims/panel.ts). */
  | { panel: PanelQuantity };

/** What the panel claims read from `gvc-sim panel`'s estimates, per seed. */
export type PanelQuantity =
  | 'eciTwoWays' // ECI coefficient of the two-way FE benchmark
  | 'inusShrink' // ECI coefficient without minus with inus as mediator
  | 'rdShrink' // ECI coefficient without minus with R&D intensity as mediator
  | 'inlandMinusEast' // ECI coefficient, mean of central and west minus east
  | 'eastExportLead' // mean exports, east minus the larger of central and west
  | 'financeHighMinusLow'; // ECI coefficient, high minus low finance-depth group

export type Expectation =
  /** variants[1] − variants[0] > 0 per seed pair. */
  | { kind: 'up'; variants: [string, string] }
  /** variants[1] − variants[0] < 0 per seed pair. */
  | { kind: 'down'; variants: [string, string] }
  /** Every step variants[k+1] − variants[k] > 0. */
  | { kind: 'monotone-up'; variants: string[] }
  /** An interior variant beats both ends, with non-overlapping CIs. */
  | { kind: 'inverted-u'; variants: string[] }
  /** Final-year minus middle-year value within each run of the variant (year 10 − year 5: after the launch), > 0. */
  | { kind: 'rises-over-time'; variant: string }
  /** `metric` read for group a minus group b, within the same runs, > 0. */
  | { kind: 'greater-than'; variant: string; a: Group; b: Group | 'central+west' }
  /**
   * An interaction, per seed: (variants[3] − variants[2]) − (variants[1] − variants[0]) > 0 —
   * the effect of one factor (0 → 1, 2 → 3) is larger where the other is switched on (variants 2 and 3).
   */
  | { kind: 'interaction'; variants: [string, string, string, string] }
  /** A panel quantity above zero across seeds. */
  | { kind: 'positive'; variant: string };

export interface Check {
  label: string;
  metric: MetricRead;
  expect: Expectation;
}

export interface Claim {
  id: string;
  source: string;
  claim: string;
  contrast: string;
  checks: Check[];
  recorded: Verdict;
  /**
   * The input that encodes the claim, where neutralising it (the ablation) removes the effect:
   * the claim's verdict is then `assumption`, never counted as reproduced, whatever the checks say.
   */
  assumption?: string;
  /** For a claim the model does not reproduce: the reason the model gives. */
  why?: string;
  /** The one input that could encode the claim, neutralised in every variant of its contrast (`gvc-sim claims --ablate`). */
  ablation?: Ablation;
  /** Where a claim has no `ablation`: why no input could encode it, or why it is not ablated. */
  noAblation?: string;
}

/**
 * An ablation: overrides that neutralise the input which could encode a claim,
 * applied on top of every variant of the claim's contrast; one check is judged
 * again on the same seeds. The claim must still come out through its
 * mechanism, or it is an `assumption`.
 */
export interface Ablation {
  /** The parameter path(s) neutralised and to what, for people. */
  input: string;
  /** Overrides applied to every variant (paths as in `--set` and events). */
  set: Record<string, unknown>;
  /** One line: why this input could encode the claim. */
  why: string;
  /** One line: the mechanism the claim comes out through when the input is neutralised (for an assumption: none, and what the input sets). */
  mechanism: string;
  /** Which check is judged again (index into `checks`; default 0). */
  check?: number;
  /**
   * Recorded at the defaults (20 seeds): the ablated check keeps the verdict it
   * has without the ablation. `false` for an `assumption`; the ablation test
   * fails if a quick run disagrees.
   */
  survives: boolean;
}

const B = 'baseline.yaml';
const NP = 'no-platform.yaml';
const P30 = 'provinces-30.yaml';
const c = (name: string) => `claims/${name}.yaml`;

export const CLAIMS: Claim[] = [
  {
    id: 'X1', source: '000', claim: 'Lower information and search costs lower the entry threshold: more SMEs export',
    contrast: 'platform search cost high → low',
    checks: [{ label: 'exporter share', metric: { model: 'exporterShare' }, expect: { kind: 'up', variants: [c('x1-search-high'), c('x1-search-low')] } }],
    recorded: 'reproduced',
    why: 'Holds while the platform’s ranking spreads exposure widely, as at the default concentration (0.7, a value with no source): at 0.85 it holds, at 1.0 it is gone (+0.0002) and at 1.4 lower search costs cut the share of firms exporting a little (−0.003), as a sharper ranking leaves most sellers too little exposure to pay for a listing (23 % of exporters list at 1.4, 65 % at 0.7). It holds at every other value tried of ten parameters with no source, each set below and above its default (20 seeds each; docs/claims.md, “How the verdicts depend on parameters with no source”).',
    noAblation: 'The search cost is the contrast itself; what turns it into exporters is how friction hides small sellers (a / (a + F)) and the listing’s fixed costs, the mechanism rather than an input that could encode the direction.',
  },
  {
    id: 'X2', source: '000', claim: 'SMEs move from passive embedding via intermediaries to active, direct participation',
    contrast: 'no platform → platform',
    checks: [{ label: 'share of export value sold directly (offline or on the platform)', metric: { model: 'directValueShare' }, expect: { kind: 'up', variants: [NP, B] } }],
    recorded: 'reproduced',
    ablation: {
      input: 'intermediary.margin = 0, intermediary.squeeze = 0', set: { 'intermediary.margin': 0, 'intermediary.squeeze': 0 },
      why: 'the intermediary’s price disadvantage alone could push exporters to sell under their own name', survives: true,
      mechanism: 'the platform is a cheap route to buyers under the firm’s own name, also to markets beyond the trading company’s reach',
    },
  },
  {
    id: 'X3', source: '000, 004', claim: 'Platform services and data push functional upgrading toward design, brand and services',
    contrast: 'platform stage 0 → 2',
    checks: [
      { label: 'share of firms at stage ≥ 2', metric: { model: 'stageShare2plus' }, expect: { kind: 'up', variants: [c('platform-stage-0'), c('platform-stage-2')] } },
      { label: 'lock-in share', metric: { model: 'lockInShare' }, expect: { kind: 'down', variants: [c('platform-stage-0'), c('platform-stage-2')] } },
    ],
    recorded: 'reproduced',
    ablation: {
      input: 'platform.dataUpgradeBoost = 0', set: { 'platform.dataUpgradeBoost': 0 },
      why: 'at stage 2 data tools raise the chance an upgrade step succeeds by fiat, which could alone make more firms reach stage 2', survives: true,
      mechanism: 'stage 2 cuts the cost of product lines, compliance and new markets and opens stage 3 through the ecosystem, so more upgrade steps pay',
    },
  },
  {
    id: 'X4', source: '000', claim: 'Through rules and algorithms the platform becomes the organiser of the chain',
    contrast: 'passive listing board (random traffic, no enforcement) → the platform with its ranking algorithm and rules, year 10',
    checks: [
      { label: 'share of chain value through the platform', metric: { model: 'platformGmvShare' }, expect: { kind: 'up', variants: [c('x4-passive-board'), B] } },
      { label: 'sellers’ dependence on the platform', metric: { model: 'platformDependence' }, expect: { kind: 'up', variants: [c('x4-passive-board'), B] } },
    ],
    recorded: 'reproduced',
    why: 'Judged as a contrast on the rules themselves after the launch years: against a listing board that ranks no one and enforces nothing (same services, same commission), the ranked, policed platform carries about 0.09 more of the chain’s export value, and its sellers earn about 0.09 more of their exports on it; the ranking gives nearly all of it. The direction holds at half and twice buyers’ weight on seller variety, a parameter with no source, but the size follows it (+0.054 at 0.3, +0.19 at 1.2). What is not reproduced is a rise over time: from year 5 to year 10 the baseline’s share falls by 0.013 [0.010, 0.017] and its lead over the board does not grow (−0.005 [−0.011, +0.001]); adoption has run its course, and nothing in the model sharpens the ranking or tightens the rules as the platform grows.',
    ablation: {
      input: 'platform.searchCost = 0', set: { 'platform.searchCost': 0 },
      why: 'buyers’ search friction makes a seller’s pull convex in its exposure (a²/(a + F)), so concentrating traffic on any sellers, informative or not, could alone raise what buyers find on the platform', survives: true,
      mechanism: 'the ranking shows buyers the sellers they value (quality, reviews, brand), so the platform offers better matches than a board and buyers route more of their spending through it; enforcement keeps their trust',
    },
  },
  {
    id: 'X5', source: '000', claim: 'Clear, stable rules ease SME integration; unstable rules raise uncertainty and compliance cost',
    contrast: 'rule volatility low → high, transparency high → low',
    checks: [
      { label: 'platform sellers', metric: { model: 'platformSellers' }, expect: { kind: 'down', variants: [c('x5-rules-stable'), c('x5-rules-volatile')] } },
      { label: 'rate at which sellers leave the platform', metric: { model: 'platformExitRate' }, expect: { kind: 'up', variants: [c('x5-rules-stable'), c('x5-rules-volatile')] } },
      { label: 'compliance cost share', metric: { model: 'complianceCostShare' }, expect: { kind: 'up', variants: [c('x5-rules-stable'), c('x5-rules-volatile')] } },
    ],
    recorded: 'not reproduced',
    why: 'Volatile, opaque rules cut the number of platform sellers and raise the compliance-cost share, but the rate at which sellers leave falls rather than rises (−0.0017 [−0.0021, −0.0012] a tick, on about 0.009). Rule changes charge every seller a re-adaptation cost that enters its platform profit, and outsiders misjudge under opaque rules the exposure they would get, so some join on a guess their sales disprove: both push exits up. But sellers expect the cost when they decide to list, so volatility deters listing, and the fewer sellers who list are those who can carry it and who, with fewer rivals, win a larger share of the platform’s buyers: selection outweighs the shocks. With rule changes five times larger (log-sd 0.5) the exit rate rose at some seed bases and not others, and every change shifted how concentrated traffic was for all sellers at once (the share of firms exporting ranged 0.10–0.32 across seeds). Sellers who value the platform at a certainty equivalent (mean profit less (ρ/2)·variance, ρ = 0.005 per k USD for a relative risk aversion of 2 on 48 ticks’ earnings) were tried: volatile rules raise the median seller’s profit variance tenfold, but the exit gap stayed negative (−0.0011 [−0.0019, −0.0003], 20 seeds; at ρ from 0.0025 to 0.02 between −0.0006 and −0.0011) and without the re-adaptation cost exits rose as sellers did; it was not kept. Measured at the ablation (no re-adaptation cost, 20 seeds): volatile, opaque rules then raise the exit rate by +0.0056 [0.0049, 0.0062] a tick (on 0.0088), as outsiders join on a misjudged exposure and leave, but the number of sellers rises too (+519 [454, 584]): the claim’s two halves come from opposite forces in the model, churn from misjudgement and deterrence by the expected cost, and at the default cost deterrence wins. Which wins depends on the size of that cost, a parameter with no source (set at 4 k USD a change in the first version of the model, 2.7 times the 1.5 k USD it costs to list in the first place). Swept with everything else at the defaults (20 seeds each), all three checks come out at 1 and 2 k USD a change (sellers −270 and −658, exit rate +0.0034 [0.0028, 0.0041] and +0.0010 [0.0003, 0.0018]); at 0.5 the sellers rise (+57 [15, 100]), at 3 the exit rate no longer moves (−0.0002 [−0.0009, 0.0004]). The default was not moved into that window: the claim would rest on a number picked for it, and the fall in sellers would still rest on the cost, which its ablation removes.',
    ablation: {
      input: 'platform.governance.adaptationCost = 0', set: { 'platform.governance.adaptationCost': 0 },
      why: 'the re-adaptation cost each rule change charges every seller could alone deter listing under volatile rules', survives: false,
      mechanism: 'sellers expect the re-adaptation cost of rule changes when they decide to list; misread and reshuffled ranking weights alone do not deter listing',
    },
  },
  {
    id: 'X6', source: '000', claim: 'Export structure becomes segmented, multi-category and small-batch',
    contrast: 'no platform → platform',
    checks: [
      { label: 'categories per exporter', metric: { model: 'categoriesPerExporter' }, expect: { kind: 'up', variants: [NP, B] } },
      { label: 'mean order value', metric: { model: 'orderValue' }, expect: { kind: 'down', variants: [NP, B] } },
    ],
    recorded: 'reproduced',
    why: 'Buyers order the economic order quantity, worth √(2·K·D/h): orders are smaller where placing one costs less. A platform order costs less to place because buyers search less for it and, from a pilot zone, its clearance is facilitated; carrying product lines is cheaper on the platform (listings, not samples), so sellers carry more. The size of the fall in order value rests on the fixed order cost by channel, an input (buyers.orderCost: platform 0.00016, direct 5, indirect 2.5 k USD); its direction does not (see the ablation).',
    ablation: {
      input: 'buyers.orderCost = 2.5 in every channel', set: { 'buyers.orderCost.platform': 2.5, 'buyers.orderCost.direct': 2.5, 'buyers.orderCost.indirect': 2.5 },
      why: 'a lower fixed cost of platform orders, set per channel, would make platform orders small by assumption', check: 1, survives: true,
      mechanism: 'buyers’ economic order quantity: the platform’s cheaper search and pilot zones’ facilitated parcel clearance lower the fixed cost of a platform order',
    },
  },
  {
    id: 'X7', source: '000', claim: 'Export markets shift from regional concentration to global dispersion',
    contrast: 'no platform → platform',
    checks: [{ label: 'mean destination HHI of exporters', metric: { model: 'destinationHhi' }, expect: { kind: 'down', variants: [NP, B] } }],
    recorded: 'reproduced',
    ablation: {
      input: 'firm.marketFitSd = 0', set: { 'firm.marketFitSd': 0 },
      why: 'the spread of firm × market demand decides how many markets pay for each exporter, which could alone move how concentrated its destinations are', survives: true,
      mechanism: 'platform markets cost little to run, so exporters add farther markets online to those they serve offline',
    },
  },
  {
    id: 'W1', source: '001', claim: 'Cross-border e-commerce eases financing constraints and so fuels innovation',
    contrast: 'platform finance off → on',
    checks: [
      { label: 'credit-constrained share', metric: { model: 'creditConstrainedShare' }, expect: { kind: 'down', variants: [c('finance-off'), B] } },
      { label: 'R&D intensity', metric: { model: 'rdIntensity' }, expect: { kind: 'up', variants: [c('finance-off'), B] } },
    ],
    recorded: 'reproduced',
    why: 'Supply-chain finance cuts the credit-constrained share and raises R&D intensity (R&D over sales): firms fund the investment pace their upgrade plans call for. When buyers respond weakly to price (elasticity 1.5 for 2.5), the rise in R&D intensity is not resolved; it holds at every other value tried of ten parameters with no source, each set below and above its default (20 seeds each; docs/claims.md, “How the verdicts depend on parameters with no source”).',
    ablation: {
      input: 'upgrading.investHorizon = 600 ticks', set: { 'upgrading.investHorizon': 600 },
      why: 'firms borrow toward a set pace of investment, so any credit could flow into R&D by construction; with a slow pace they invest from profit', check: 1, survives: true,
      mechanism: 'credit relaxes working capital, so exports and profit rise, and part of profit goes into upgrading',
    },
  },
  {
    id: 'W2', source: '001', claim: 'Knowledge and technology flow through the platform and raise productivity',
    contrast: 'no platform → platform',
    checks: [{ label: 'mean productivity growth', metric: { growthOf: 'meanProductivity' }, expect: { kind: 'up', variants: [NP, B] } }],
    recorded: 'reproduced',
    why: 'Judged no platform → platform (the check used to switch the spillover term itself off). Productivity grows 0.001 → 0.050 over the ten years; with the spillover term off the platform still raises it to 0.027, about half of the effect, through process R&D that platform exports and finance pay for, so the effect does not rest on the one-signed spillover term alone.',
    ablation: {
      input: 'platform.spillover = 0', set: { 'platform.spillover': 0 },
      why: 'the knowledge spillover from platform peers is one-signed: it can only raise platform sellers’ productivity', survives: true,
      mechanism: 'platform exports and supply-chain credit pay for process R&D',
    },
  },
  {
    id: 'B1', source: '002', claim: 'Platform evolution from matching to integration to ecosystem raises SME participation and integration depth',
    contrast: 'platform stage 0 → 1 → 2',
    checks: [
      { label: 'exporter share', metric: { model: 'exporterShare' }, expect: { kind: 'monotone-up', variants: [c('platform-stage-0'), B, c('platform-stage-2')] } },
      { label: 'share at stage ≥ 1', metric: { model: 'stageShare1plus' }, expect: { kind: 'monotone-up', variants: [c('platform-stage-0'), B, c('platform-stage-2')] } },
    ],
    recorded: 'reproduced',
    why: 'Holds while the platform’s ranking spreads exposure widely, as at the default concentration (0.7, a value with no source): it holds at 1.0, is inconclusive at 1.2, and at 1.4 a further platform stage no longer adds exporters (−0.004 and −0.005), as few sellers then get exposure enough to list. It holds at every other value tried of ten parameters with no source, each set below and above its default (20 seeds each; docs/claims.md, “How the verdicts depend on parameters with no source”).',
    ablation: {
      input: 'platform.dataUpgradeBoost = 0', set: { 'platform.dataUpgradeBoost': 0 },
      why: 'at stage 2 data tools raise the chance an upgrade step succeeds by fiat, which could alone deepen integration from stage 1 to 2', check: 1, survives: true,
      mechanism: 'each platform stage lowers a cost or raises demand (data tools, SaaS, virtual fairs), so more upgrade steps pay',
    },
  },
  {
    id: 'B2', source: '002', claim: 'Transaction records become credit and lift exports of constrained SMEs',
    contrast: 'supply-chain finance off → on',
    checks: [{ label: 'export value of firms that entered with low cash', metric: { model: 'lowCashExportValue' }, expect: { kind: 'up', variants: [c('finance-off'), B] } }],
    recorded: 'reproduced',
    ablation: {
      input: 'upgrading.investHorizon = 600 ticks', set: { 'upgrading.investHorizon': 600 },
      why: 'credit could lift exports through the investment pace firms are set to borrow toward rather than through the working capital exports need', survives: true,
      mechanism: 'exports need working capital; credit from platform records relaxes that limit for low-cash sellers',
    },
  },
  {
    id: 'B3', source: '002', claim: 'Platforms amplify gaps between digitally capable and incapable firms',
    contrast: 'no platform → platform',
    checks: [
      { label: 'export gap, high vs low digital capability at entry', metric: { model: 'digitalGap' }, expect: { kind: 'up', variants: [NP, B] } },
      { label: 'Gini of exporters’ export sales', metric: { model: 'salesGini' }, expect: { kind: 'up', variants: [NP, B] } },
    ],
    recorded: 'not reproduced',
    why: 'Split on the digital capability firms entered with, the export gap between the more and the less capable half widens with the platform only by a margin 20 seeds do not resolve (+0.05 [−0.02, 0.12]), and inequality of export sales across all exporters falls rather than rises (Gini −0.067 [−0.075, −0.060]): the platform brings many small sellers into exporting and lets mid-sized ones sell in more markets. The checks recorded before were true by construction: a split on current capability, which platform use raises, and a Gini over platform sellers only, which is 0 without a platform. As a diagnostic (not kept), with the digital learning of platform sellers off, the gap does widen with the platform, +0.12 [0.04, 0.21] (20 seeds), while the Gini still falls (−0.067): the platform favours the digitally capable (listings that convert better, cheaper onboarding), and what it teaches its sellers closes most of the gap it opens. Nor is the fall in the Gini an effect of measuring sales by the tick, in which large, infrequent offline orders leave many exporters with none: over each exporter’s export sales of the past twelve ticks it falls as well, −0.054 [−0.062, −0.046] (20 seeds; a diagnostic, the check stays on the tick). What would make it rise is a ranking that concentrates exposure more sharply: at a traffic concentration of 2 instead of 0.7 the Gini rises with the platform (+0.036 [0.031, 0.040]), and at 5 (+0.041 [0.039, 0.043]), but the gap by capability then turns on which sellers the ranking happens to favour early and is not resolved either way (+0.13 [−0.03, 0.28] and −0.02 [−0.31, 0.27]); the concentration has no source to set it by and was left at 0.7.',
    noAblation: 'Not reproduced: the platform does not widen the gap, so there is no effect for an input to have encoded (the one-signed digital learning on the platform would have pushed toward it).',
  },
  {
    id: 'B4', source: '002', claim: 'Governance balances efficiency and compliance: too little oversight breeds fraud, too much stifles SMEs',
    contrast: 'oversight 0 → 0.25 → 0.5 → 0.75 → 1',
    checks: [
      { label: 'honest SME export value', metric: { model: 'honestExportValue' }, expect: { kind: 'inverted-u', variants: [0, 25, 50, 75, 100].map((o) => c(`b4-oversight-${o}`)) } },
      { label: 'fraud share', metric: { model: 'fraudShare' }, expect: { kind: 'down', variants: [c('b4-oversight-0'), c('b4-oversight-100')] } },
    ],
    recorded: 'reproduced',
    why: 'Honest SME export value peaks at intermediate oversight (the inverted U), and the fraud share falls from no oversight to full oversight; counterfeit sales appear only with no oversight at all, so the fall is small (1.4 % of platform orders) and takes the full 20 seeds to resolve. When buyers respond strongly to price (elasticity 4 for 2.5), honest exports still rise from no oversight to the middle, but their fall toward full oversight is not resolved; the inverted U holds at every other value tried of ten parameters with no source, each set below and above its default (20 seeds each; docs/claims.md, “How the verdicts depend on parameters with no source”).',
    ablation: {
      input: 'platform.governance.complianceCurvature = 1', set: { 'platform.governance.complianceCurvature': 1 },
      why: 'a compliance cost rising with oversight squared is convex by assumption, which could alone put the peak of honest exports in between', survives: true,
      mechanism: 'fraud and its harm to buyers’ trust fall with oversight, while the compliance cost on every seller rises with it',
    },
  },
  {
    id: 'B5', source: '002, 001', claim: 'Institutional and infrastructure gaps make platform integration uneven across regions',
    contrast: 'east vs central and west, baseline',
    checks: [{ label: 'platform adoption', metric: { region: 'platformAdoption', group: 'east' }, expect: { kind: 'greater-than', variant: B, a: 'east', b: 'central+west' } }],
    recorded: 'reproduced',
    noAblation: 'The regional gaps in infrastructure, finance and institutions are the claim’s premise, set in the region preset; the uneven adoption is what firms make of them.',
  },
  {
    id: 'C1', source: '003', claim: 'The e-commerce development index raises manufacturing exports', contrast: 'provinces-30 panel, two-way FE',
    checks: [{ label: 'ECI coefficient on log exports', metric: { panel: 'eciTwoWays' }, expect: { kind: 'positive', variant: P30 } }],
    recorded: 'reproduced',
    noAblation: 'A panel regression on the simulated provinces: its inputs are the whole model, not one parameter. The input that could have encoded it, exports inside the index (platform GMV per firm, the platform share of exports, and logistics access weighted by that share), is no longer in it.',
  },
  {
    id: 'C2', source: '003', claim: 'Industrial-structure upgrading mediates the effect fully; technology innovation partly', contrast: 'same panel, three-step mediation',
    checks: [
      { label: 'ECI coefficient shrinks with inus as mediator', metric: { panel: 'inusShrink' }, expect: { kind: 'positive', variant: P30 } },
      { label: 'ECI coefficient shrinks with R&D intensity as mediator', metric: { panel: 'rdShrink' }, expect: { kind: 'positive', variant: P30 } },
    ],
    recorded: 'not reproduced',
    why: 'Controlling for the provinces’ stage mix (inus) shrinks the ECI coefficient only a little (0.007 [−0.000, 0.014] on a coefficient of 0.105: far from full mediation, and not resolved); controlling for R&D intensity enlarges it. In the model the platform raises exports mainly through lower trade costs and more exporters, and R&D follows exports rather than carrying the effect.',
    noAblation: 'A panel regression on the simulated provinces: its inputs are the whole model, not one parameter.',
  },
  {
    id: 'C3', source: '003', claim: 'The marginal effect is larger in central and western regions; the east keeps the larger volume', contrast: 'same panel, by group',
    checks: [
      { label: 'ECI coefficient, central/west minus east', metric: { panel: 'inlandMinusEast' }, expect: { kind: 'positive', variant: P30 } },
      { label: 'mean exports, east minus the larger of central and west', metric: { panel: 'eastExportLead' }, expect: { kind: 'positive', variant: P30 } },
    ],
    recorded: 'inconclusive',
    why: 'The east keeps the larger export volume, but the ECI coefficient is not resolved to be larger inland (central/west minus east −0.07 [−0.18, 0.03]; negative at every other seed base and scale tried, never resolved): platform logistics help inland sellers most, yet inland provinces also have thinner finance and later pilot zones. Nothing in the model makes returns to e-commerce diminish where it is already dense: a regional labour market (each region’s wage rising with the labour its firms use, inverse supply elasticity 0.3–1.5) was tried, raised wages by 2–9 % about evenly across groups (the east leads in firms, not in exports per firm), and left this check inconclusive at every elasticity (−0.04 to −0.08, 10 seeds); it was not kept. As diagnostics (not kept), the preset’s regional gaps were closed one at a time: with finance depth equal across the groups (0.7) this check is +0.008 [−0.073, 0.089], with logistics costs equal (1.0) −0.086 [−0.183, 0.012], 20 seeds each. Closing the finance gap moves it by about its interval’s half-width (0.08–0.1 at 20 seeds, the size of the ECI coefficient itself), the logistics gap by less: the inland effect would have to be about twice the eastern one to be resolved.',
    noAblation: 'A panel regression on the simulated provinces: its inputs are the whole model, not one parameter.',
  },
  {
    id: 'C4', source: '003', claim: 'The effect holds where finance is deep, not where it is shallow', contrast: 'same panel, median split on finance depth',
    checks: [{ label: 'ECI coefficient, high minus low finance depth', metric: { panel: 'financeHighMinusLow' }, expect: { kind: 'positive', variant: P30 } }],
    recorded: 'inconclusive',
    why: 'The ECI coefficient is no larger in the high-finance half of provinces (+0.004 [−0.065, 0.073]; at other seed bases and scales from −0.006 to +0.047, resolved in none). Finance depth varies within each region group in the preset, with offsets of its own so that it does not move with a province’s size or logistics cost, but the high-finance half is still mostly eastern, where the platform spreads earliest and the index moves least within a province, so the split mixes finance with region. Credit against platform records extended only where finance is deep enough to score them (none below a depth of 0.3 or 0.45, scaled with depth above it) was tried, on the preset before finance depth had offsets of its own: the half without it lost the platform’s credit, C1 rose to 0.12 and 0.18, and C4 stayed inconclusive (+0.015 [−0.091, 0.122] and +0.011 [−0.093, 0.114], 20 seeds); it was not kept. As a diagnostic (not kept), with finance depth equal across the groups’ means, so that the split runs within groups only, the coefficient is smaller where finance is deep: −0.13 [−0.21, −0.05], 20 seeds. Most of that comes through the working capital exports need: with none needed (finance.cashCycleTicks = 0) as well, the difference is −0.05 [−0.11, 0.01]. In the model the index raises exports most where working capital is scarcest, against the paper’s finding.',
    noAblation: 'A panel regression on the simulated provinces: its inputs are the whole model, not one parameter.',
  },
  {
    id: 'D1', source: '004', claim: 'Supply-chain finance reduces factor misallocation',
    contrast: 'finance off → on',
    checks: [{ label: 'dispersion of the revenue product of capital', metric: { model: 'rocDispersion' }, expect: { kind: 'down', variants: [c('finance-off'), B] } }],
    recorded: 'reproduced',
    why: 'Holds while the platform’s ranking spreads exposure widely, as at the default concentration (0.7, a value with no source): at 0.85 it is inconclusive, and from 1.0 supply-chain finance widens the dispersion instead (+0.030 at 1.0, +0.061 at 1.4), likely because credit against records follows platform sales, which a sharp ranking gives to few sellers. It is the least robust of the reproduced claims: also inconclusive when firms review their channels twice as often (0.3 a tick), weigh upgrading over half the horizon (60 ticks) or get half the credit per unit of platform sales (financeFactor 0.25), and when firms put all their profit into upgrading (investShare 1); it holds at the other values tried of ten parameters with no source (20 seeds each; docs/claims.md, “How the verdicts depend on parameters with no source”).',
    noAblation: 'No single input could encode it: credit enters working capital and investment, and the dispersion of sales over assets across exporters follows from what firms do with both.',
  },
  {
    id: 'D2', source: '004', claim: 'Weak absorptive capacity keeps firms in low-end lock-in even with platform access',
    contrast: 'absorptive capacity high → low, with the platform; and that gap with the platform against without it (the interaction)',
    checks: [
      { label: 'lock-in share, with the platform', metric: { model: 'lockInShare' }, expect: { kind: 'up', variants: [c('d2-absorptive-high'), c('d2-absorptive-low')] } },
      {
        label: 'lock-in gap of weak capacity, with the platform minus without',
        metric: { model: 'lockInShare' },
        expect: { kind: 'interaction', variants: [c('d2-absorptive-high-no-platform'), c('d2-absorptive-low-no-platform'), c('d2-absorptive-high'), c('d2-absorptive-low')] },
      },
    ],
    recorded: 'not reproduced',
    why: 'With the platform, firms of weak absorptive capacity stay locked in far more than strong ones (lock-in 0.72 against 0.42), but the platform narrows that gap a little instead of leaving it: −0.031 [−0.038, −0.025] against the gap without a platform (about 0.33). The platform’s cheaper route to buyers and its finance raise every exporter’s gain from the first upgrading step, and that matters most where investment lands least efficiently, at the margin of the payback test. A term by which own-name sales teach firms in proportion to their capacity (learning by exporting, 0.02–0.1 k USD of upgrade stock per k USD) was tried and moved lock-in by under 0.03 and the interaction not at all; it was left out. As a diagnostic (not kept), with the platform’s credit against records switched off in all four variants, the interaction is −0.004 [−0.009, 0.001] and the gap with the platform 0.32: the narrowing comes from that credit, which lets firms of weak capacity fund their first step, and platform access without it leaves the gap as it is rather than widening it. With the platform at stage 2, whose data tools raise the chance a funded step succeeds in proportion to what capacity gives it already, the platform narrows the gap further (−0.053 [−0.061, −0.045], 20 seeds): lock-in is not funding the first step, and the platform’s markets and credit lift that for weak and strong firms alike.',
    noAblation: 'Absorptive capacity is the contrast itself; the claim’s distinctive part, the interaction, is not reproduced.',
  },
  {
    id: 'D3', source: '004', claim: 'Servitisation and branding raise value capture',
    contrast: 'stage capped at 1 → stage 3 reachable',
    checks: [{ label: 'SME value-capture share', metric: { model: 'smeValueShare' }, expect: { kind: 'up', variants: [c('d3-capped-stage-1'), B] } }],
    recorded: 'assumption',
    assumption: 'firm.markups: the markup ladder by stage (0.08, 0.20, 0.45, 0.55). With one markup for every stage the SME value share barely moves when stage 3 is reachable (+0.0011 [0.0010, 0.0013], about 1 % of the effect).',
    why: 'Value capture follows the smile-curve markups, an input. Markups from demand were tried and do not carry the claim: each firm pricing at 1/(ε − 1) for the elasticity it faces, ε = 1 + (1 − s)·η·(2 − v) under its own name (s its share of a market, v the chance buyers find it through search frictions) and ε = 1 + (1 − s)·η + the trading company’s supplier switching for intermediated goods, gives markups of 0.22, 0.33, 0.35, 0.44 by stage (receipts-weighted), but the D3 effect falls to +0.011 [0.008, 0.014] (10 seeds), half of it from firms leaving the intermediated channel, whose thin markup is set by the switching input; with that input and search frictions both off it is +0.003 [−0.001, 0.006]. Under its own name a firm with a small share of its market keeps a markup near [1/(2η), 1/η], and a firm that sells enough to upgrade is mostly visible already. The same change put one-market exporters at 0.57 and the no-platform intermediated share at 0.30, out of their ranges.',
    ablation: {
      input: 'firm.markups = 0.2 at every stage', set: { 'firm.markups': [0.2, 0.2, 0.2, 0.2] },
      why: 'value capture follows the smile-curve markups by stage, an input', survives: false,
      mechanism: 'none: the markup ladder by stage is an input',
    },
  },
  {
    id: 'L1', source: '000, 004', claim: 'Heavy pay-to-rank fees plus thin finance trap firms in assembly; relevance ranking plus finance lets them climb',
    contrast: 'lock-in → escape (lecture scenarios)',
    checks: [{ label: 'lock-in share after 10 years', metric: { model: 'lockInShare' }, expect: { kind: 'down', variants: ['lock-in.yaml', 'escape.yaml'] } }],
    recorded: 'reproduced',
    ablation: {
      input: 'platform.dataUpgradeBoost = 0', set: { 'platform.dataUpgradeBoost': 0 },
      why: 'the escape scenario’s platform is at stage 2, whose data tools raise the chance an upgrade step succeeds by fiat: the one difference from the lock-in scenario the claim does not name', survives: true,
      mechanism: 'pay-to-rank ads take the platform margin and thin finance leaves the first step unfunded; relevance ranking and credit fund it',
    },
  },
];

/** Every scenario file the catalog's run checks need, and the panel study files (relative to scenarios/). */
export function variantFiles(claims: readonly Claim[], kind: 'run' | 'panel'): string[] {
  const files = new Set<string>();
  for (const cl of claims) {
    for (const ch of cl.checks) {
      if (('panel' in ch.metric) !== (kind === 'panel')) continue;
      const e = ch.expect;
      if ('variants' in e) e.variants.forEach((v) => files.add(v));
      else files.add(e.variant);
    }
  }
  return [...files];
}
