/**
 * The lock-in map panel: pick two levers, compute final lock-in over a 5×5
 * grid of them in a second worker (on the page's current settings), watch the
 * heatmap fill in. A new computation cancels the running one.
 */
import { LiveView } from '../charts/live-view.js';
import { pendingCell, shadeCells } from '../charts/map-cells.js';
import { mapSpec } from '../charts/specs.js';
import { formatLever, gridValues, LEVERS, leverById } from '../levers.js';
import { GRID, MAP_FIRMS } from '../map-grid.js';
import type { FromMap, MapAxis, RunSettings, ToMap } from '../protocol.js';
import { h } from './dom.js';

export class MapPanel {
  private readonly xSelect: HTMLSelectElement;
  private readonly ySelect: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly chart: HTMLElement;
  private worker: Worker | undefined;

  constructor(root: HTMLElement, private readonly settings: () => RunSettings) {
    const options = (chosen: string) => LEVERS.map((l) => h('option', { value: l.id, selected: l.id === chosen }, l.label));
    this.xSelect = h('select', { id: 'map-x' }, ...options('commission'));
    this.ySelect = h('select', { id: 'map-y' }, ...options('financeDepth'));
    const go = h('button', { id: 'map-run', type: 'button', class: 'primary' }, 'Compute map');
    this.status = h('span', { class: 'map-status', 'data-part': 'map-status' }, `${GRID}×${GRID} runs of ${MAP_FIRMS.toLocaleString('en')} firms with the current settings`);
    this.chart = h('div', { class: 'view', id: 'view-map' });
    root.append(h('div', { class: 'map-controls' }, h('label', {}, 'across', this.xSelect), h('label', {}, 'up', this.ySelect), go, this.status), this.chart);
    go.addEventListener('click', () => this.compute());
  }

  private compute(): void {
    const [xl, yl] = [leverById(this.xSelect.value), leverById(this.ySelect.value)];
    if (xl === yl) {
      this.status.textContent = 'choose two different levers';
      return;
    }
    this.worker?.terminate();
    const x: MapAxis = { path: xl.path, values: gridValues(xl, GRID) };
    const y: MapAxis = { path: yl.path, values: gridValues(yl, GRID) };
    const cells = y.values.flatMap((yv, j) => x.values.map((xv, i) => pendingCell(i, j, formatLever(xl, xv), formatLever(yl, yv))));
    this.chart.replaceChildren();
    const view = new LiveView(this.chart, mapSpec(xl.label, yl.label), 'cells');
    view.replace(cells);
    this.chart.dataset.done = 'false';
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
      this.status.textContent = m.done < m.total ? `computing ${m.done} / ${m.total}…` : `final-year lock-in share, ${m.total} runs of ${MAP_FIRMS.toLocaleString('en')} firms`;
      if (m.done === m.total) this.chart.dataset.done = 'true';
    };
    worker.postMessage({ type: 'run', run: this.settings(), x, y } satisfies ToMap);
  }
}
