/**
 * The lock-in map panel: pick two levers, compute final lock-in over a 5×5
 * grid of them in a second worker (on the page's current settings), watch the
 * heatmap fill in. A new computation cancels the running one. The map says
 * which preset and levers it was computed for, and a new preset clears it:
 * cells from another preset's run would answer a question nobody asked.
 */
import { LiveView } from '../charts/live-view.js';
import { pendingCell, shadeCells } from '../charts/map-cells.js';
import { mapSpec } from '../charts/specs.js';
import { formatLever, gridValues, LEVERS, leverById } from '../levers.js';
import { GRID, MAP_FIRMS, mapCaption } from '../map-grid.js';
import type { FromMap, MapAxis, RunSettings, ToMap } from '../protocol.js';
import { h } from './dom.js';

export class MapPanel {
  private readonly xSelect: HTMLSelectElement;
  private readonly ySelect: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly chart: HTMLElement;
  private worker: Worker | undefined;

  constructor(root: HTMLElement, private readonly settings: () => RunSettings) {
    const options = (chosen: string) => LEVERS.map((l) => h('option', { value: l.id, selected: l.id === chosen }, l.label));
    // The pair that moves lock-in most on the Lock-in preset (docs/demo.md): a property of firms across, the value chain's terms up.
    this.xSelect = h('select', { id: 'map-x' }, ...options('absorptive'));
    this.ySelect = h('select', { id: 'map-y' }, ...options('intermediaryMargin'));
    const go = h('button', { id: 'map-run', type: 'button', class: 'primary' }, 'Compute map');
    this.status = h('span', { class: 'map-status', 'data-part': 'map-status' });
    this.caption = h('p', { class: 'map-caption', id: 'map-caption' });
    this.chart = h('div', { class: 'view', id: 'view-map' });
    root.append(h('div', { class: 'map-controls' }, h('label', {}, 'across', this.xSelect), h('label', {}, 'up', this.ySelect), go, this.status), this.caption, this.chart);
    go.addEventListener('click', () => this.compute());
    this.clear();
  }

  /** Stops any computation and empties the map (a new preset: its cells would belong to another run). */
  clear(): void {
    this.empty();
    this.caption.textContent = `No map for the ${this.settings().presetLabel} preset yet.`;
    this.status.textContent = `${GRID}×${GRID} runs of ${MAP_FIRMS.toLocaleString('en')} firms with the current settings`;
  }

  /** No worker, no cells. */
  private empty(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.chart.replaceChildren();
    for (const key of ['done', 'preset', 'cells']) delete this.chart.dataset[key];
  }

  private compute(): void {
    const [xl, yl] = [leverById(this.xSelect.value), leverById(this.ySelect.value)];
    if (xl === yl) {
      this.status.textContent = 'choose two different levers';
      return;
    }
    this.empty();
    const run = this.settings();
    const x: MapAxis = { path: xl.path, values: gridValues(xl, GRID) };
    const y: MapAxis = { path: yl.path, values: gridValues(yl, GRID) };
    const cells = y.values.flatMap((yv, j) => x.values.map((xv, i) => pendingCell(i, j, formatLever(xl, xv), formatLever(yl, yv))));
    const view = new LiveView(this.chart, mapSpec(xl.label, yl.label), 'cells');
    view.replace(cells);
    this.chart.dataset.done = 'false';
    this.chart.dataset.preset = run.presetLabel;
    this.caption.textContent = `Computed for the ${mapCaption(run, x, y)}.`;
    this.status.textContent = `computing 0 / ${cells.length}…`;
    const worker = new Worker(new URL('./map.worker.js', import.meta.url), { type: 'module' });
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<FromMap>) => {
      const m = e.data;
      if (m.type === 'error') {
        this.status.textContent = `could not compute: ${m.message}`;
        return;
      }
      cells[m.y * x.values.length + m.x]!.value = m.value;
      shadeCells(cells);
      view.replace(cells);
      // For tests and scripts: each cell's share, row by row from the bottom, empty while pending.
      this.chart.dataset.cells = cells.map((c) => c.value ?? '').join(',');
      this.status.textContent = m.done < m.total ? `computing ${m.done} / ${m.total}…` : `final-year lock-in share, ${m.total} runs of ${MAP_FIRMS.toLocaleString('en')} firms`;
      if (m.done === m.total) this.chart.dataset.done = 'true';
    };
    worker.postMessage({ type: 'run', run, x, y } satisfies ToMap);
  }
}
