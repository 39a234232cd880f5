/**
 * The live charts together: the four time series and the firm cloud, redrawn
 * at a steady pace however fast frames arrive, so drawing never competes with
 * the simulation for the processor more than it must.
 */
import type { FirmSample, TickRow } from '../protocol.js';
import { h } from '../ui/dom.js';
import { legend } from '../ui/legend.js';
import { firmPoints } from './firm-points.js';
import { LiveView } from './live-view.js';
import { SERIES_CHARTS, seriesRows, type SeriesChart } from './series.js';
import { CHANNEL_COLORS, firmSpec, seriesSpec } from './specs.js';

/** Time series redraw at most this often while playing (ms). */
const SERIES_MS = 100;
/** The firm cloud (3,000 dots, the costliest drawing) at most this often (ms). */
const FIRMS_MS = 250;

export class Dashboard {
  private readonly series: { chart: SeriesChart; view: LiveView }[];
  private readonly firms: LiveView;
  private pending: TickRow[] = [];
  private latestFirms: FirmSample | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFirms = 0;

  /** Series charts go into `grid` before `before`; the firm cloud into `firmContainer`. */
  constructor(grid: HTMLElement, before: HTMLElement, firmContainer: HTMLElement, years: number, private readonly ticksPerYear: () => number) {
    this.series = SERIES_CHARTS.map((chart) => {
      const container = h('div', { class: 'view', id: `view-${chart.id}` });
      const caption = h('figcaption', {}, h('strong', {}, chart.title), h('span', {}, chart.note));
      const kind = chart.kind === 'stack' ? 'area' : 'line';
      if (chart.series.length > 1) caption.append(legend(chart.series.map((s) => ({ label: s.label, color: s.color, kind }))));
      grid.insertBefore(h('figure', { class: 'chart' }, caption, container), before);
      return { chart, view: new LiveView(container, seriesSpec(chart, years), 'rows') };
    });
    this.firms = new LiveView(firmContainer, firmSpec(), 'firms');
    const channels = Object.entries(CHANNEL_COLORS).map(([label, color]) => ({ label, color, kind: 'dot' as const }));
    const locked = { label: 'locked in at assembly', color: CHANNEL_COLORS['not exporting'], kind: 'ring' as const };
    firmContainer.closest('figure')?.querySelector('figcaption')?.append(legend([...channels, locked]));
  }

  /** A new run: empty the series. */
  clear(): void {
    this.pending = [];
    for (const s of this.series) s.view.replace([]);
  }

  /** New ticks and the current firm sample; drawn now when paused, soon when playing. */
  add(rows: TickRow[], firms: FirmSample, playing: boolean): void {
    this.pending.push(...rows);
    this.latestFirms = firms;
    if (!playing) return this.draw(true);
    this.timer ??= setTimeout(() => this.draw(false), SERIES_MS);
  }

  private draw(force: boolean): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const rows = this.pending;
    this.pending = [];
    for (const s of this.series) s.view.append(seriesRows(s.chart, rows, this.ticksPerYear()));
    const now = performance.now();
    if (this.latestFirms && (force || now - this.lastFirms >= FIRMS_MS)) {
      this.firms.replace(firmPoints(this.latestFirms));
      this.lastFirms = now;
    }
  }
}
