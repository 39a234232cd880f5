/**
 * The header's live readout: run clock, lock-in share and the speed actually
 * reached. Its data attributes carry the same numbers for scripts and tests
 * (data-tick, data-ticks, data-done, data-playing, data-lockin, data-tps; data-engine-tps:
 * what the model alone reached in its worker, without drawing).
 */

/** Ticks per second over the last couple of seconds of frames. */
class RateMeter {
  private samples: { t: number; tick: number }[] = [];

  clear(): void {
    this.samples = [];
  }

  add(tick: number, t = performance.now()): number | undefined {
    this.samples.push({ t, tick });
    while (this.samples.length > 2 && t - this.samples[0]!.t > 2000) this.samples.shift();
    const first = this.samples[0]!;
    const span = t - first.t;
    return span >= 300 ? ((tick - first.tick) * 1000) / span : undefined;
  }
}

export class Readout {
  private readonly rate = new RateMeter();

  constructor(
    private readonly root: HTMLElement,
    private readonly ticksPerYear: () => number,
  ) {}

  /** A new run or a new play: the speed is measured afresh. */
  restartMeter(): void {
    this.rate.clear();
  }

  /** `lockIn`: the latest share; null for a run not started (clears it); undefined keeps the last one. */
  show(f: { tick: number; ticks: number; playing: boolean; lockIn: number | null | undefined; engineTicksPerSecond?: number }): void {
    const tpy = this.ticksPerYear();
    const d = this.root.dataset;
    d.tick = String(f.tick);
    d.ticks = String(f.ticks);
    d.done = String(f.tick >= f.ticks);
    d.playing = String(f.playing);
    if (f.lockIn === null) delete d.lockin;
    else if (f.lockIn !== undefined) d.lockin = String(f.lockIn);
    const tps = f.playing ? this.rate.add(f.tick) : undefined;
    if (tps !== undefined) d.tps = tps.toFixed(1);
    if (f.engineTicksPerSecond !== undefined) d.engineTps = f.engineTicksPerSecond.toFixed(1);
    const [years, months] = [Math.floor(f.tick / tpy), f.tick % tpy];
    this.set('clock', `${years} y ${months} m`);
    this.set('ticks', `tick ${f.tick} / ${f.ticks}`);
    if (f.lockIn !== undefined) this.set('lockin', f.lockIn === null ? '–' : `${(f.lockIn * 100).toFixed(1)}%`);
    if (tps !== undefined) this.set('tps', `${Math.round(tps)} months/s`);
  }

  private set(part: string, text: string): void {
    const el = this.root.querySelector(`[data-part="${part}"]`);
    if (el) el.textContent = text;
  }
}
