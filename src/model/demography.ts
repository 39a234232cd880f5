/**
 * Firm creation, exit and entry. Insolvent firms (negative cash that credit
 * cannot cover) exit after `exitAfterTicks` ticks in a row; an entrant takes
 * the slot, so the population stays at its target. Entrants start at stage 0.
 */
import type { Rng } from '../engine/rng.js';
import { normalQuantile } from '../engine/normal-quantile.js';
import { NEVER, type Firms } from './firms.js';
import { domesticSalesAt } from './settlement.js';
import type { World } from './world.js';

/** Index drawn from cumulative weights. */
function drawIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let x = rng.uniform() * total;
  for (let k = 0; k < weights.length; k++) {
    x -= weights[k]!;
    if (x < 0) return k;
  }
  return weights.length - 1;
}

/** Beta draw with a given mean and concentration (a + b). */
function betaMean(rng: Rng, mean: number, concentration: number): number {
  const m = Math.min(0.99, Math.max(0.01, mean));
  return rng.beta(m * concentration, (1 - m) * concentration);
}

const DIGITAL_CONCENTRATION = 8; // spread of digital capability around the region's infrastructure
const ABSORPTIVE_CONCENTRATION = 6;
const CASH_DISPERSION = 0.8; // log-sd of initial cash

/**
 * Draws a new firm into slot i: region, productivity, stage (`founding` firms
 * from the initial shares, entrants at 0), capabilities, cash. `regionShares`
 * are the regions' firm shares, gathered once by the caller.
 */
function drawFirm(w: World, i: number, founding: boolean, regionShares: readonly number[]): void {
  const f = w.firms;
  const s = w.scenario;
  const rng = w.rng.get('demography');
  const region = drawIndex(rng, regionShares);
  const phi = rng.pareto(s.firm.productivityShape);
  const z = rng.normal();
  f.id[i] = w.nextId++;
  f.region[i] = region;
  f.productivity[i] = phi;
  f.stage[i] = founding ? Math.min(s.upgrading.maxStage, drawIndex(rng, s.firm.initialStageShares)) : 0;
  f.digital[i] = betaMean(rng, w.regions[region]!.digitalInfra, DIGITAL_CONCENTRATION);
  f.digitalAtEntry[i] = f.digital[i]!;
  f.absorptive[i] = betaMean(rng, s.firm.absorptiveMean, ABSORPTIVE_CONCENTRATION);
  const monthlySales = domesticSalesAt(s.firm, phi);
  f.cash[i] = s.firm.initialCashMonths * monthlySales * Math.exp(CASH_DISPERSION * z);
  f.lowInitialCash[i] = z < 0 ? 1 : 0;
  f.opportunist[i] = rng.chance(s.firm.opportunistShare) ? 1 : 0;
  f.categories[i] = 1;
  drawMarketFit(w, i);
}

/**
 * Firm × market demand: buyers in each market like the firm's goods
 * exp(σz − σ²/2) times as much as the average firm's (mean 1), so firms differ
 * in which markets pay, not only in how much they can sell (Eaton, Kortum &
 * Kramarz 2011). Drawn from a stream of its own at entry, and anew by
 * destination demand shocks (`shiftMarketFit`).
 */
function drawMarketFit(w: World, i: number): void {
  const M = w.firms.markets;
  const table = fitTable(w.scenario.firm.marketFitSd);
  const rng = w.rng.get('marketFit');
  for (let m = 0; m < M; m++) w.firms.marketFit[i * M + m] = table[Math.floor(rng.uniform() * FIT_LEVELS)]!;
}

/** Equally likely levels of the fit distribution: a draw is one uniform, not a normal and an exponential. */
const FIT_LEVELS = 4096;
const fitTables = new Map<number, Float64Array>();

/**
 * The FIT_LEVELS quantiles of exp(σz − σ²/2) at probabilities (k + ½)/FIT_LEVELS,
 * scaled so their mean is exactly 1 (with σ = 0, all are 1).
 */
function fitTable(sd: number): Float64Array {
  let t = fitTables.get(sd);
  if (t) return t;
  t = Float64Array.from({ length: FIT_LEVELS }, (_, k) => Math.exp(sd * normalQuantile((k + 0.5) / FIT_LEVELS)));
  const mean = t.reduce((a, b) => a + b, 0) / FIT_LEVELS;
  for (let k = 0; k < FIT_LEVELS; k++) t[k] = t[k]! / mean;
  fitTables.set(sd, t);
  return t;
}

/**
 * Destination demand shocks: each firm × market draw is made anew with
 * probability `marketFitRedraw` per tick. The number of redraws is one
 * Poisson count and the cells are picked at random, so the cost follows the
 * redraws, not firms × markets.
 */
export function shiftMarketFit(w: World): void {
  const p = w.scenario.firm.marketFitRedraw;
  if (p <= 0) return;
  const fit = w.firms.marketFit;
  const cells = fit.length;
  const table = fitTable(w.scenario.firm.marketFitSd);
  const rng = w.rng.get('marketFit');
  for (let k = rng.poisson(cells * p); k > 0; k--) fit[Math.floor(rng.uniform() * cells)] = table[Math.floor(rng.uniform() * FIT_LEVELS)]!;
}

/**
 * The columns an entrant starts at 0 in, gathered once per population rather
 * than as two array literals per entrant; the double columns apart from the
 * integer ones, so each loop stores into one kind of array.
 */
interface ZeroedColumns {
  doubles: Float64Array[];
  integers: { [i: number]: number }[];
}

const zeroedColumns = new WeakMap<Firms, ZeroedColumns>();

function zeroedColumnsOf(f: Firms): ZeroedColumns {
  let columns = zeroedColumns.get(f);
  if (!columns) {
    columns = {
      doubles: [f.debt, f.demandShock, f.goodReviews, f.badReviews, f.brand, f.upgradeStock, f.adStock, f.expectedPlatform, f.expectedDirect, f.expectedIndirect,
        f.profitPlatform, f.profitDirect, f.profitIndirect, f.exportReceipts, f.platformReceipts, f.platformOrders, f.directReceipts,
        f.indirectReceipts, f.exportValue, f.domesticSales, f.salesByMarketSum, f.salesByMarketSquares, f.platformGmvTrail, f.profit, f.investment, f.rdSpend, f.adSpend, f.capital],
      integers: [f.channels, f.directMarkets, f.platformMarkets, f.warehouseMarkets, f.cheating, f.age, f.ticksAtStage, f.platformAge, f.insolventTicks, f.creditConstrained],
    };
    zeroedColumns.set(f, columns);
  }
  return columns;
}

/**
 * Resets what the slot's previous firm left: an entrant starts with no debt,
 * channels, reviews, history or sales. (A new population's arrays start this
 * way already, so founding firms skip it.)
 */
function clearSlot(w: World, i: number): void {
  const f = w.firms;
  f.delistedUntil[i] = -1_000_000;
  f.firstAssemblyExport[i] = NEVER;
  f.adWeightMisread[i] = 1;
  const columns = zeroedColumnsOf(f);
  for (const a of columns.doubles) a[i] = 0;
  for (const a of columns.integers) a[i] = 0;
  f.exportRing.fill(0, i * w.scenario.ticksPerYear, (i + 1) * w.scenario.ticksPerYear);
  f.salesByMarket.fill(0, i * f.markets, (i + 1) * f.markets);
}

const regionSharesOf = (w: World) => w.regions.map((r) => r.firmShare);

/** The founding population, into the fresh arrays of `createFirms`. */
export function populate(w: World): void {
  const shares = regionSharesOf(w);
  for (let i = 0; i < w.firms.capacity; i++) drawFirm(w, i, true, shares);
}

/** Exit of firms insolvent too long, each replaced by an entrant. */
export function exitAndEntry(w: World): void {
  const f = w.firms;
  const L = w.ledger;
  const limit = w.scenario.firm.exitAfterTicks;
  const shares = regionSharesOf(w);
  for (let i = 0; i < f.capacity; i++) {
    f.insolventTicks[i] = f.cash[i]! < 0 ? Math.min(255, f.insolventTicks[i]! + 1) : 0;
    if (f.insolventTicks[i]! < limit) continue;
    L.exits++;
    L.exitNetWorth += f.cash[i]! - f.debt[i]!;
    clearSlot(w, i);
    drawFirm(w, i, false, shares);
    L.entries++;
    L.entryNetWorth += f.cash[i]! - f.debt[i]!;
  }
}
