/**
 * Firm-year records: what each firm sold over one year of the recorded run,
 * by market and by channel, with its stage, channels, entry and exit: the
 * panel a census of firms joined to customs records would give. Built from the
 * world after every tick of a run started with `recordMarketSales`.
 */
import { Channel } from '../model/firms.js';
import type { World } from '../model/world.js';

/** One firm in one year. Reused between calls: copy what you keep. */
export interface FirmYear {
  /** Year of the recorded run, from 0. */
  year: number;
  id: number;
  region: number;
  /** Stage, channel flags and productivity at the end of the year (or the firm's last tick before exit). */
  stage: number;
  indirect: number;
  direct: number;
  platform: number;
  productivity: number;
  /** 1 if the firm entered during this year (founding firms did not). */
  entered: number;
  /** 1 if the firm exited during this year; its exit tick's sales are not in the record. */
  exited: number;
  /** Ticks of the year the firm was alive. */
  ticks: number;
  /** What buyers abroad paid for its goods over the year, in k USD (delivered value, all channels). */
  exports: number;
  /** What the firm was paid for exports, in k USD, by channel (ex-factory, after the intermediary's squeeze or the commission). */
  receiptsIndirect: number;
  receiptsDirect: number;
  receiptsPlatform: number;
  domesticSales: number;
  /**
   * Buyers' spending per market over the year on the goods it sold under its own name (direct offline and
   * platform; delivered value, k USD), as customs records see them: the trading company's sales are the company's.
   */
  marketSales: Float64Array;
}

/** Accumulates firm-years slot by slot and hands each finished one to `emit`. */
export class FirmYears {
  private readonly id: Int32Array;
  private readonly ticks: Int32Array;
  private readonly entered: Uint8Array;
  private readonly exports: Float64Array;
  private readonly indirect: Float64Array;
  private readonly direct: Float64Array;
  private readonly platform: Float64Array;
  private readonly domestic: Float64Array;
  private readonly byMarket: Float64Array;
  private readonly row: FirmYear;
  private readonly last = new Map<number, { stage: number; channels: number; productivity: number; region: number }>();

  constructor(private readonly w: World, private readonly emit: (row: FirmYear) => void) {
    if (!w.marketSalesNow) throw new Error('firm-years need a simulation started with recordMarketSales');
    const n = w.firms.capacity;
    this.id = Int32Array.from(w.firms.id);
    this.ticks = new Int32Array(n);
    this.entered = new Uint8Array(n);
    this.exports = new Float64Array(n);
    this.indirect = new Float64Array(n);
    this.direct = new Float64Array(n);
    this.platform = new Float64Array(n);
    this.domestic = new Float64Array(n);
    this.byMarket = new Float64Array(n * w.markets.length);
    this.row = {
      year: 0, id: 0, region: 0, stage: 0, indirect: 0, direct: 0, platform: 0, productivity: 0, entered: 0, exited: 0, ticks: 0,
      exports: 0, receiptsIndirect: 0, receiptsDirect: 0, receiptsPlatform: 0, domesticSales: 0, marketSales: new Float64Array(w.markets.length),
    };
  }

  /** Call after every recorded tick `tick` (0, 1, …): books the tick and emits the year's records at its end. */
  observe(tick: number): void {
    const w = this.w;
    const f = w.firms;
    const M = w.markets.length;
    const sales = w.marketSalesNow!;
    const year = Math.floor(tick / w.scenario.ticksPerYear);
    for (let i = 0; i < f.capacity; i++) {
      if (f.id[i] !== this.id[i]) {
        // The entrant arrived at the end of this tick: its first sales come next tick.
        this.replace(i, year);
        continue;
      }
      this.ticks[i]!++;
      this.exports[i]! += f.exportValue[i]!;
      this.indirect[i]! += f.indirectReceipts[i]!;
      this.direct[i]! += f.directReceipts[i]!;
      this.platform[i]! += f.platformReceipts[i]!;
      this.domestic[i]! += f.domesticSales[i]!;
      for (let m = 0; m < M; m++) this.byMarket[i * M + m]! += sales[i * M + m]!;
    }
    this.remember();
    if ((tick + 1) % w.scenario.ticksPerYear !== 0) return;
    for (let i = 0; i < f.capacity; i++) {
      if (this.ticks[i] === 0) continue; // entered on the year's last tick: its first year is the next
      this.flush(i, year, 0, f.stage[i]!, f.channels[i]!, f.productivity[i]!, f.region[i]!);
      this.entered[i] = 0;
    }
  }

  /**
   * The slot's firm left at the end of this tick and an entrant took its
   * place: the leaver's year ends here, with its state as last seen (its
   * exit tick's sales were cleared with the slot, so they are not in it).
   */
  private replace(i: number, year: number): void {
    const seen = this.last.get(i);
    if (this.ticks[i]! > 0 && seen) this.flush(i, year, 1, seen.stage, seen.channels, seen.productivity, seen.region);
    this.clear(i);
    this.id[i] = this.w.firms.id[i]!;
    this.entered[i] = 1;
  }

  /**
   * Keeps the state of firms that may exit next tick (insolvent now), so a
   * leaver's record shows its last stage and channels, not the entrant's.
   */
  private remember(): void {
    const f = this.w.firms;
    this.last.clear();
    for (let i = 0; i < f.capacity; i++) {
      if (f.cash[i]! < 0) this.last.set(i, { stage: f.stage[i]!, channels: f.channels[i]!, productivity: f.productivity[i]!, region: f.region[i]! });
    }
  }

  private flush(i: number, year: number, exited: number, stage: number, channels: number, productivity: number, region: number): void {
    const M = this.w.markets.length;
    const r = this.row;
    r.year = year;
    r.id = this.id[i]!;
    r.region = region;
    r.stage = stage;
    r.indirect = channels & Channel.indirect ? 1 : 0;
    r.direct = channels & Channel.direct ? 1 : 0;
    r.platform = channels & Channel.platform ? 1 : 0;
    r.productivity = productivity;
    r.entered = this.entered[i]!;
    r.exited = exited;
    r.ticks = this.ticks[i]!;
    r.exports = this.exports[i]!;
    r.receiptsIndirect = this.indirect[i]!;
    r.receiptsDirect = this.direct[i]!;
    r.receiptsPlatform = this.platform[i]!;
    r.domesticSales = this.domestic[i]!;
    r.marketSales.set(this.byMarket.subarray(i * M, (i + 1) * M));
    this.emit(r);
    this.clear(i);
  }

  private clear(i: number): void {
    const M = this.w.markets.length;
    this.ticks[i] = 0;
    this.exports[i] = 0;
    this.indirect[i] = 0;
    this.direct[i] = 0;
    this.platform[i] = 0;
    this.domestic[i] = 0;
    this.byMarket.fill(0, i * M, (i + 1) * M);
  }
}
