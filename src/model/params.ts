/**
 * The one source of truth for every model parameter: default, range, unit and
 * a one-line doc each. Validation (scenario files, `--set`, events) and the
 * parameter reference (`gvc-sim params`, docs/parameters.md) are made from it.
 *
 * Money is in thousands of USD; one tick is one month unless `ticksPerYear` says otherwise.
 */
import { z } from 'zod';

/** A bounded number with its unit and one line of documentation. */
function num(def: number, min: number, max: number, unit: string, doc: string) {
  return z.number().min(min).max(max).default(def).meta({ unit, description: doc });
}
function int(def: number, min: number, max: number, unit: string, doc: string) {
  return z.number().int().min(min).max(max).default(def).meta({ unit, description: doc });
}
function flag(def: boolean, doc: string) {
  return z.boolean().default(def).meta({ unit: 'on/off', description: doc });
}
/** A ladder of one value per functional stage (0 assembly … 3 brand + services). */
function perStage(def: [number, number, number, number], min: number, max: number, unit: string, doc: string) {
  return z.array(z.number().min(min).max(max)).length(4).default(def).meta({ unit, description: doc });
}

export const STAGE_NAMES = ['assembly (OEM)', 'design (ODM)', 'own brand (OBM)', 'brand + services'] as const;
export const REGION_PRESETS = ['three-regions', 'provinces-30'] as const;
export const TRAFFIC_RULES = ['relevance', 'pay-to-rank', 'new-seller-boost', 'random', 'custom'] as const;
/** The export channels, in the order of the firm's channel bits (indirect 1, direct 2, platform 4). */
export const CHANNEL_NAMES = ['indirect', 'direct', 'platform'] as const;
/** A market named in a policy entry: `M1` … `M<markets.count>` (as in markets.csv), or `all`. */
export const ALL_MARKETS = 'all';

/** A bounded number without a default (region values come from the preset). */
function bounded(min: number, max: number, unit: string, doc: string) {
  return z.number().min(min).max(max).meta({ unit, description: doc });
}

/** A region's values; every preset gives all of them, a scenario may override any. */
export const RegionSchema = z.strictObject({
  group: z.enum(['east', 'central', 'west']).meta({ unit: 'label', description: 'regional group used by heterogeneity analysis' }),
  firmShare: bounded(0, 1, 'share', 'share of the firm population located here (shares are normalised to sum to 1)'),
  wage: bounded(0.1, 10, 'k USD per unit of labour', 'wage level: unit cost = wage / productivity'),
  logisticsCost: bounded(0.2, 5, 'multiplier', 'per-unit shipping cost multiplier through traditional channels (inland higher)'),
  digitalInfra: bounded(0, 1, 'index 0–1', 'raises initial digital capability and lowers platform onboarding cost'),
  financeDepth: bounded(0, 1, 'index 0–1', 'how much credit local banks extend, against cash and against platform records'),
  institutionQuality: bounded(0, 1, 'index 0–1', 'lowers compliance cost'),
  logisticsSubsidy: bounded(0, 0.9, 'share of shipping cost', 'policy: share of the shipping cost of the region’s exports (traditional and platform) the government pays, so buyers pay that much less for delivery (0: none)'),
  pilotZone: z
    .union([z.boolean(), z.number().int().min(0)])
    .nullable()
    .meta({ unit: 'tick | true | false', description: 'tick at which a cross-border e-commerce pilot zone opens (true: open from the start or from the event that sets it; false/null: never)' }),
});
export type Region = z.infer<typeof RegionSchema>;

const feePolicy = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed') }),
    z.strictObject({
      kind: z.literal('market-power'),
      slope: num(0.15, 0, 1, 'commission per unit GMV share', 'commission rises by slope × platform share of SME exports'),
      max: num(0.3, 0, 0.9, 'share of GMV', 'ceiling on the commission under market-power pricing'),
    }),
    z.strictObject({
      kind: z.literal('expression'),
      expr: z.string().min(1).meta({ description: 'mathjs expression for the commission over named state (see docs/parameters.md)' }),
    }),
  ])
  .default({ kind: 'fixed' })
  .meta({ unit: 'policy', description: 'how the commission is set each tick: fixed, market-power or expression' });

/** Ranking-score weights. No defaults here: the traffic rule's preset supplies them (see platform.ts). */
const trafficWeights = z.strictObject({
  quality: bounded(0, 10, 'score weight', 'weight of log(attractiveness × listing quality) in the ranking score'),
  reputation: bounded(0, 10, 'score weight', 'weight of review reputation in the ranking score'),
  brand: bounded(0, 10, 'score weight', 'weight of brand equity in the ranking score'),
  ad: bounded(0, 10, 'score weight', 'weight of log(1 + ad stock) in the ranking score (pay-to-rank)'),
  newSeller: bounded(0, 10, 'score weight', 'bonus for sellers younger than coldStartTicks on the platform'),
});


/** A policy entry's market: its name, or every market. Checked against `markets.count` with the whole scenario. */
const marketRef = z.union([z.string().min(1), z.number()]).meta({ unit: 'market', description: 'market name, M1 … M<markets.count> as in markets.csv, or all' });

/**
 * Trade-policy levers. Every one is off by default; entries of a list apply
 * in order, a later entry for a market overriding an earlier one (so `all`
 * first, then exceptions).
 */
const policy = z
  .strictObject({
    tariffs: z
      .array(
        z.strictObject({
          market: marketRef,
          rate: num(0, 0, 3, 'share of customs value', 'ad valorem duty on goods entering the market, on the delivered value before duty; buyers pay it'),
          channels: z.array(z.enum(CHANNEL_NAMES)).min(1).default([...CHANNEL_NAMES]).meta({ unit: 'channels', description: 'the channels whose goods pay it (default all three)' }),
        }),
      )
      .default([])
      .meta({ unit: 'list of {market, rate, channels}', description: 'ad valorem tariffs by destination market: market (M1 … or all), rate (0–3, share of the delivered value before duty), channels (any of indirect, direct, platform; default all); buyers pay them, so duty-inclusive prices lower demand; none by default' }),
    deMinimis: z
      .array(
        z.strictObject({
          market: marketRef,
          threshold: num(0.8, 0, 1e4, 'k USD per order', 'orders worth less than this (before duty) enter duty-free'),
        }),
      )
      .default([])
      .meta({ unit: 'list of {market, threshold}', description: 'de minimis thresholds by market: market (M1 … or all), threshold (k USD per order, default 0.8); an order worth less (buyers’ order value before duty, their economic order quantity) pays no tariff: platform orders are small, direct and intermediated orders large; none by default' }),
    exportRebate: num(0, 0, 0.5, 'share of export receipts', 'export tax rebate: share of what the firm is paid for its exports the government refunds to it (all channels; the trading company passes it on)'),
    warehouses: z
      .array(
        z.strictObject({
          market: marketRef,
          fee: num(0.3, 0, 1e3, 'k USD/tick per seller', 'running cost a platform seller pays for warehouse space in the market, if it chooses to stock the warehouse there'),
          shippingCut: num(0.5, 0, 1, 'share', 'cut in the platform shipping cost to the market of a seller who stocks the warehouse (bulk freight to the warehouse, local delivery)'),
          deliveryLift: num(0.2, 0, 5, 'share', 'rise in buyers’ attractiveness of a stocking seller’s platform goods, delivered from the warehouse (faster delivery, local returns)'),
        }),
      )
      .default([])
      .meta({ unit: 'list of {market, fee, shippingCut, deliveryLift}', description: 'public overseas warehouses by market: market (M1 … or all), fee (k USD/tick per seller, default 0.3), shippingCut (share of platform shipping, default 0.5), deliveryLift (rise in buyers’ attractiveness, default 0.2); each platform seller serving the market stocks it, and pays its fee, when it expects the shipping cut and delivery lift to add more to its margin there than the fee (docs/ODD.md §7.19); none by default' }),
    commissionCap: num(0.9, 0, 0.9, 'share of GMV', 'ceiling on the platform commission whatever its fee policy (0.9: no cap beyond the model’s clamp)'),
    payToRankBan: flag(false, 'traffic-rule mandate: advertising may not buy rank, the ad weight of the ranking score is forced to 0 (whatever the rule or a rule change)'),
    transparencyFloor: num(0, 0, 1, 'index 0–1', 'traffic-rule mandate: algorithm transparency at least this (platform.governance.transparency is raised to it; 0: no mandate)'),
  })
  .prefault({});

export const ScenarioSchema = z.strictObject({
  name: z.string().min(1).default('scenario').meta({ description: 'name of the scenario; results go to results/<name>/' }),
  description: z.string().default('').meta({ description: 'one paragraph saying what the scenario is for' }),
  seed: int(1, 0, 2 ** 31 - 1, 'integer', 'run seed; every random draw derives from it'),
  ticks: int(120, 1, 2400, 'ticks', 'length of the recorded run'),
  ticksPerYear: int(12, 1, 365, 'ticks/year', 'ticks in one year (12: one tick is a month)'),
  burnInTicks: int(60, 0, 600, 'ticks', 'unrecorded ticks before tick 0, run without the platform, so the run starts from a traditional-trade equilibrium'),
  firms: int(10000, 10, 5_000_000, 'firms', 'target firm population (entrants replace exits)'),
  lockInYears: num(5, 0.5, 50, 'years', 'an exporter still at stage 0 after this long at that stage counts as locked in'),

  regionPreset: z.enum(REGION_PRESETS).default('three-regions').meta({ unit: 'preset', description: 'the set of regions: three-regions (east/central/west) or provinces-30' }),
  regions: z
    .record(z.string(), RegionSchema.partial())
    .default({})
    .meta({ unit: 'per region', description: 'overrides of the preset regions, by region name (regions.<name>.<key>)' }),

  markets: z
    .strictObject({
      count: int(20, 1, 32, 'markets', 'number of foreign markets (destinations)'),
      spendPerFirm: num(40, 0, 1e4, 'k USD/tick per firm', 'foreign spending per tick on the sector, scaled by the firm population'),
      growthPerYear: num(0.03, -0.5, 1, 'share/year', 'growth rate of foreign spending'),
      sizeSkew: num(1, 0, 3, 'Zipf exponent', 'how unequal market sizes are: the k-th largest market spends ∝ k^(−sizeSkew) (0: equal; 1: Zipf’s law, as country GDPs roughly follow)'),
      distanceMin: num(0.2, 0, 5, 'distance index', 'distance of the nearest market (distances are spread evenly from the nearest to the farthest)'),
      distanceMax: num(1.5, 0, 5, 'distance index', 'distance of the farthest market'),
      brandTasteMin: num(0.2, 0, 5, 'weight', 'lowest weight buyers put on brand'),
      brandTasteMax: num(1, 0, 5, 'weight', 'highest weight buyers put on brand'),
    })
    .prefault({}),

  buyers: z
    .strictObject({
      searchCost: num(1, 0, 10, 'utility per distance', 'traditional search cost: lowers the traditional channel by searchCost × distance and raises fair entry cost and the fixed cost of a direct order'),
      priceElasticity: num(2.5, 0.5, 20, 'elasticity', 'η: weight of −log price in buyers’ seller choice'),
      qualityWeight: num(1, 0, 10, 'weight', 'θq: weight of log quality in buyers’ seller choice'),
      brandWeight: num(1.5, 0, 10, 'weight', 'θb: weight of brand × brand taste in buyers’ seller choice'),
      reputationWeight: num(2, 0, 10, 'weight', 'θr: weight of review reputation in buyers’ platform seller choice'),
      searchVisibility: num(1, 0, 100, 'attractiveness per unit search cost', 'how much search cost × distance hides a seller: buyers find a seller of attractiveness a with probability a / (a + searchVisibility · searchCost · distance)'),
      outsideOption: num(0.5, 0, 100, 'attractiveness per firm', 'pull of suppliers from elsewhere, per modelled firm: exports fall as it rises'),
      varietyWeight: num(0.6, 0, 5, 'utility per log variety', 'cross-side network effect: how much seller variety draws buyers to a channel'),
      trustWeight: num(4, 0, 20, 'utility', 'weight of buyer trust in the platform channel'),
      platformAppeal: num(0, -10, 10, 'utility', 'baseline pull of the platform channel over the traditional one'),
      elsewhereUtility: num(0, -10, 10, 'utility', 'pull of buying from suppliers elsewhere (not this economy’s SMEs), the third option beside the two channels'),
      orderCost: z
        .strictObject({
          platform: num(0.00016, 1e-7, 1e4, 'k USD per order', 'K_platform: a buyer’s fixed cost of placing one platform order (checkout, parcel clearance), × (1 + platform.searchCost × distance), cut by pilotZoneCustoms from an open pilot zone'),
          direct: num(5, 1e-7, 1e4, 'k USD per order', 'K_direct: a buyer’s fixed cost of one direct offline order (negotiation, payment instruments, customs formalities), × (1 + buyers.searchCost × distance)'),
          indirect: num(2.5, 1e-7, 1e4, 'k USD per order', 'K_indirect: a buyer’s fixed cost of one order from the trading company (which does the search, so no distance term)'),
        })
        .prefault({}),
      demandRate: num(0.2, 0.001, 1e4, 'k USD/tick', 'D: what one buyer buys of one seller’s goods per tick, the demand rate of its ordering problem'),
      holdingCost: num(0.02, 0.0001, 1, 'share of value/tick', 'h: a buyer’s cost of holding stock (capital, storage, obsolescence) per tick, as a share of its value'),
    })
    .prefault({}),

  firm: z
    .strictObject({
      productivityShape: num(5, 1.1, 20, 'Pareto shape', 'shape of the productivity distribution (minimum 1)'),
      markups: perStage([0.08, 0.2, 0.45, 0.55], 0, 5, 'share of unit cost', 'markup over unit cost by stage: the smile curve'),
      stageQuality: perStage([1, 1.35, 2, 2.6], 0.1, 10, 'multiplier', 'product quality multiplier by stage'),
      initialStageShares: perStage([0.8, 0.15, 0.05, 0], 0, 1, 'share', 'initial share of firms at each stage (normalised)'),
      absorptiveMean: num(0.5, 0.01, 0.99, 'index 0–1', 'mean absorptive capacity (Beta distributed)'),
      opportunistShare: num(0.15, 0, 1, 'share', 'share of firms that would sell counterfeit or low quality when it pays'),
      domesticSales: num(200, 0, 1e4, 'k USD/tick', 'domestic sales of a firm of average productivity'),
      domesticMarginScale: num(0.135, 0, 2, 'share of the stage margin', 'operating margin at home as a share of the stage’s markup margin μ/(1+μ): the smile curve holds at home too'),
      overhead: num(1.5, 0, 1e3, 'k USD/tick', 'fixed overhead every firm pays'),
      demandShockSd: num(0.08, 0, 2, 'log points/tick', 'standard deviation of the monthly shock to a firm’s domestic demand (AR(1) in logs)'),
      demandShockPersistence: num(0.95, 0, 0.999, 'AR(1) coefficient', 'persistence of domestic demand shocks'),
      initialCashMonths: num(0.15, 0, 120, 'months of domestic sales', 'initial cash holdings'),
      cashBufferMonths: num(0.075, 0, 120, 'months of sales', 'cash kept as a buffer; a share of cash above it is paid out'),
      payoutRate: num(0.2, 0, 1, 'share/tick', 'share of cash above the buffer paid out each tick'),
      exitAfterTicks: int(6, 1, 120, 'ticks', 'a firm insolvent this many ticks in a row exits'),
      reconsiderRate: num(0.15, 0, 1, 'probability/tick', 'chance a firm reviews its channels, markets and categories in a tick (inertia)'),
      expectationWeight: num(0.1, 0, 1, 'weight', 'adaptive expectations: weight of the newest observation'),
      planningHorizon: num(48, 1, 600, 'ticks', 'horizon over which firms amortise entry costs and value upgrades'),
      demonstrationBase: num(0.35, 0, 1, 'share', 'how much of platform potential a firm sees when no regional peer uses it (demonstration effect)'),
      categoryElasticity: num(0.3, 0, 1, 'elasticity', 'demand grows as categories^elasticity'),
      categoryCost: num(0.1, 0, 1e3, 'k USD/tick', 'unit cost of product lines: the k-th line costs k units per tick'),
      maxCategories: int(20, 1, 255, 'categories', 'most product lines a firm can carry'),
      marketFitSd: num(1.69, 0, 5, 'log points', 'spread of firm × market demand: buyers in market m like firm i’s goods exp(σz − σ²/2) times as much as the mean, z drawn once per firm and market (Eaton, Kortum & Kramarz 2011 estimate about 1.7 for French exporters)'),
      marketFitRedraw: num(0.05, 0, 1, 'probability/tick', 'chance per tick that buyers in a market take to or tire of a firm’s goods: its draw for that market is made anew (destination demand shocks, so exporters enter and leave markets over time)'),
      digitalLearning: num(0.01, 0, 1, 'share/tick', 'gain in digital capability per tick of platform use (toward 1)'),
    })
    .prefault({}),

  channels: z
    .strictObject({
      onboardingCost: num(1.5, 0, 1e4, 'k USD', 'one-off cost of listing on the platform (falls with digital capability)'),
      fairEntryCost: num(30, 0, 1e5, 'k USD per market', 'one-off cost of entering a market directly (fairs, agents), × (1 + searchCost × distance)'),
      directMarketCost: num(3, 0, 1e4, 'k USD/tick per market', 'running cost of direct offline presence in a market'),
      platformScope: num(0.5, 0, 10, 'share per further market', 'coordination cost of market scope on the platform: with n markets served, every market’s running cost is × (1 + platformScope · (n − 1))'),
      platformMarketCost: num(1, 0, 1e4, 'k USD per market', 'one-off cost of opening a new market on the platform (localised listings, compliance)'),
      platformMarketUpkeep: num(0.9, 0, 1e4, 'k USD/tick per market at distance 1', 'running cost of selling in one more market on the platform (destination compliance, listings in its language, returns), × the market’s distance'),
      intermediaryAdminCost: num(0.15, 0, 1e3, 'k USD/tick', 'running cost of supplying an intermediary'),
      serviceNetworkMarkets: int(3, 1, 16, 'markets', 'direct offline markets needed to count as an own service network (stage 3 without platform ecosystem)'),
    })
    .prefault({}),

  intermediary: z
    .strictObject({
      margin: num(0.45, 0, 3, 'share of ex-factory price', 'the trading company’s resale margin'),
      reach: num(0.9, 0, 5, 'distance index', 'the farthest market intermediaries serve'),
      squeeze: num(0.05, 0, 0.9, 'share of ex-factory price', 'buyer power: the trading company pays its suppliers this much below their ex-factory price'),
    })
    .prefault({}),

  logistics: z
    .strictObject({
      shippingRate: num(0.08, 0, 2, 'share of price per distance', 'traditional shipping cost per unit distance, × region logisticsCost'),
      platformShippingRate: num(0.06, 0, 2, 'share of price per distance', 'platform logistics shipping rate per distance (stage ≥ 1), the same for every region'),
      pilotZoneDiscount: num(0.3, 0, 1, 'share', 'cut in compliance and onboarding cost inside an open pilot zone'),
      pilotZoneCustoms: num(0.5, 0, 1, 'share', 'cut in the shipping cost and in the fixed clearance cost per order of platform exports from an open pilot zone (cross-border e-commerce customs facilitation)'),
    })
    .prefault({}),

  platform: z
    .strictObject({
      enabled: flag(true, 'whether the cross-border e-commerce platform exists'),
      stage: int(1, 0, 2, 'stage', '0 information matching, 1 functional integration, 2 ecosystem'),
      stageEvolution: z.enum(['fixed', 'gmv']).default('fixed').meta({ unit: 'policy', description: 'fixed stage, or evolve when platform GMV share passes gmvThresholds' }),
      gmvThresholds: z.array(z.number().min(0).max(1)).length(2).default([0.15, 0.35]).meta({ unit: 'GMV share', description: 'platform GMV shares at which stage 1 and stage 2 are reached (stageEvolution: gmv)' }),
      searchCost: num(0.5, 0, 10, 'utility', 'buyers’ search friction on the platform; raises the fixed cost of a platform order × (1 + searchCost × distance)'),
      commission: num(0.1, 0, 0.9, 'share of GMV', 'commission τ on gross merchandise value'),
      passThrough: num(0.8, 0, 1, 'share', 'share of the commission sellers pass on in their list price'),
      subscription: num(0.01, 0, 1e3, 'k USD/tick', 'seller subscription fee per tick'),
      adPrice: num(1, 0.01, 1e3, 'k USD per ad unit', 'price of one unit of pay-to-rank advertising'),
      adDecay: num(0.3, 0.01, 1, 'share/tick', 'share of the ad stock that wears off each tick'),
      feePolicy,
      traffic: z
        .strictObject({
          rule: z.enum(TRAFFIC_RULES).default('relevance').meta({ unit: 'preset', description: 'ranking preset; custom uses weights as given' }),
          weights: trafficWeights.partial().default({}).meta({ unit: 'score weights', description: 'explicit score weights; override the preset’s' }),
          concentration: num(0.7, 0, 20, 'inverse temperature', 'how sharply exposure concentrates on high scores'),
          coldStartTicks: int(6, 0, 120, 'ticks', 'how long a new seller counts as new'),
        })
        .prefault({}),
      governance: z
        .strictObject({
          oversight: num(0.3, 0, 1, 'probability', 'probability a counterfeit sale is caught'),
          fineMonths: num(3, 0, 120, 'months of revenue', 'fine on a caught seller'),
          delistTicks: int(12, 0, 600, 'ticks', 'how long a caught seller stays delisted'),
          complianceCost: num(1.2, 0, 1e3, 'k USD/tick at full oversight', 'seller compliance cost, × oversight^complianceCurvature, less institution quality'),
          complianceCurvature: num(2, 0.5, 4, 'exponent', 'how compliance cost rises with oversight: × oversight^complianceCurvature (2: quadratic; 1: in proportion, the ablation of claim B4)'),
          ruleVolatility: num(0.02, 0, 1, 'probability/tick', 'chance the platform redraws its traffic weights in a tick'),
          ruleChangeSize: num(0.1, 0, 3, 'log-sd', 'how far a rule change moves each ranking weight: it is redrawn as the configured weight × exp(size · z)'),
          adaptationCost: num(4, 0, 1e3, 'k USD per rule change', 'cost every seller pays to re-adapt to a rule change'),
          transparency: num(0.8, 0, 1, 'index 0–1', 'how precisely sellers perceive the current ranking weights'),
          escrow: num(0.6, 0, 1, 'share', 'share of fraud harm to trust absorbed by escrow (stage ≥ 1)'),
        })
        .prefault({}),
      reviews: z
        .strictObject({
          rate: num(0.3, 0, 1, 'reviews per order', 'share of orders that leave a review'),
          goodHonest: num(0.95, 0, 1, 'share', 'share of good reviews for honest goods'),
          goodCounterfeit: num(0.35, 0, 1, 'share', 'share of good reviews for counterfeit goods'),
          priorGood: num(2, 0.01, 100, 'pseudo-reviews', 'α₀ of the Beta reputation prior (cold start)'),
          priorBad: num(2, 0.01, 100, 'pseudo-reviews', 'β₀ of the Beta reputation prior'),
          memory: num(0.97, 0, 1, 'share/tick', 'share of past reviews that still count next tick'),
        })
        .prefault({}),
      counterfeitSaving: num(0.3, 0, 1, 'share of unit cost', 'cost saved by selling counterfeit or low quality'),
      supplyChainFinance: flag(true, 'credit from transaction records (needs platform stage ≥ 1)'),
      financeFactor: num(0.5, 0, 10, 'credit per unit trailing GMV', 'supply-chain credit per unit of trailing 12-tick GMV × reputation × financeDepth'),
      dataAccess: flag(true, 'sellers on the platform get buyer data (data tools need stage 2)'),
      dataUpgradeBoost: num(1, 0, 10, 'multiplier', 'extra upgrade hazard from data tools (stage 2)'),
      dataCategoryDiscount: num(0.5, 0, 1, 'share', 'cut in category cost from data tools (stage 2)'),
      platformCategoryDiscount: num(0.6, 0, 1, 'share', 'cut in category cost for platform-only sellers (listing, not samples and catalogues)'),
      saasComplianceDiscount: num(0.4, 0, 1, 'share', 'cut in compliance cost and in each platform market’s running cost (destination compliance, localised listings) from SaaS tools (stage 2)'),
      virtualFairDiscount: num(0.5, 0, 1, 'share', 'cut in platform market-entry cost from virtual fairs (stage 2)'),
      spillover: num(0.004, 0, 1, 'share of gap/tick', 'knowledge spillover from higher-stage platform peers (0: channel off)'),
      rdMatchingBoost: num(1, 0, 10, 'multiplier', 'extra spillover from R&D matching (stage 2)'),
    })
    .prefault({}),

  finance: z
    .strictObject({
      bankLeverage: num(1, 0, 20, 'credit per unit cash', 'bank credit line per unit of cash collateral, × financeDepth'),
      interestRate: num(0.008, 0, 0.2, 'share/tick', 'interest rate on debt'),
      cashCycleTicks: num(3, 0, 24, 'ticks', 'ticks between paying for production and being paid for exports: exports need that much working capital (cash + credit)'),
    })
    .prefault({}),

  upgrading: z
    .strictObject({
      thresholds: z.array(z.number().min(0)).length(3).default([60, 180, 360]).meta({ unit: 'k USD', description: 'cumulative investment needed for stage 1, 2 and 3' }),
      hazard: num(0.08, 0, 1, 'probability/tick', 'chance a step succeeds in a tick once the threshold is passed, × (0.5 + absorptive)'),
      investShare: num(0.5, 0, 1, 'share of profit', 'share of each tick’s profit a firm puts into its next stage, when the step pays'),
      paybackTicks: num(120, 1, 1200, 'ticks', 'horizon over which a firm weighs the gain of the next stage against what is left to invest'),
      investHorizon: num(24, 1, 600, 'ticks', 'pace of a funded step: a firm borrows toward threshold / investHorizon per tick'),
      maxStage: int(3, 0, 3, 'stage', 'highest stage reachable (a cap used by contrasts)'),
      processReturn: num(0.134, 0, 1, 'productivity per unit R&D/(sales + R&D)', 'process upgrading: productivity gain per unit of R&D relative to sales plus R&D (at most this much a tick)'),
      brandShare: num(0.3, 0, 1, 'share', 'share of investment that goes to brand at stage ≥ 1'),
      brandEfficiency: num(0.01, 0, 1, 'brand per k USD', 'brand equity built per k USD of branding, toward 1'),
      brandFromDirect: num(0.0005, 0, 1, 'brand per k USD direct sales', 'brand built by selling directly'),
      brandDecay: num(0.01, 0, 1, 'share/tick', 'brand equity decay per tick'),
      capitalDepreciation: num(0.01, 0, 1, 'share/tick', 'depreciation per tick of knowledge capital (the capital of the return-on-capital metric; the upgrade stock does not depreciate)'),
    })
    .prefault({}),

  policy,

  events: z
    .array(
      z.strictObject({
        at: z.number().int().min(0).meta({ unit: 'tick', description: 'tick at which the event applies' }),
        set: z.record(z.string(), z.unknown()).meta({ description: 'parameter paths and their new values' }),
      }),
    )
    .default([])
    .meta({ unit: 'list', description: 'scheduled changes: at a tick, set parameter paths to new values' }),
}).superRefine((s, ctx) => {
  // Policy entries name markets, which exist only up to markets.count.
  for (const key of ['tariffs', 'deMinimis', 'warehouses'] as const) {
    s.policy[key].forEach((entry, k) => {
      const problem = marketRefProblem(entry.market, s.markets.count);
      if (problem) ctx.addIssue({ code: 'custom', path: ['policy', key, k, 'market'], message: problem });
    });
  }
});

/** Index of a policy entry's market (M3 → 2), `ALL_MARKETS` → -1; undefined when it names no market of `count`. */
export function marketIndex(ref: string | number, count: number): number | undefined {
  if (ref === ALL_MARKETS) return -1;
  const m = /^M([1-9]\d*)$/.exec(String(ref));
  const k = m ? Number(m[1]) : 0;
  return k >= 1 && k <= count ? k - 1 : undefined;
}

function marketRefProblem(ref: string | number, count: number): string | undefined {
  if (marketIndex(ref, count) !== undefined) return undefined;
  const hint = /^\d+$/.test(String(ref)) ? `; write markets by name, e.g. M${Math.min(count, Math.max(1, Number(ref)))}` : '';
  return `unknown market '${ref}': markets are M1 … M${count} (markets.count ${count}) or all${hint}`;
}

/** A fully resolved scenario: every parameter has a value. */
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type TrafficWeights = z.infer<typeof trafficWeights>;
export type FeePolicy = Scenario['platform']['feePolicy'];

/** The scenario with every default filled in. */
export function defaultScenario(): Scenario {
  return ScenarioSchema.parse({});
}
