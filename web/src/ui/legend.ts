/**
 * Chart legends in HTML, in the chart's caption: they wrap on narrow screens
 * (a Vega legend is cut off) and read at the page's type size.
 */
import { h } from './dom.js';

export interface LegendItem {
  label: string;
  color: string;
  /** Swatch shape: a line, a filled square (areas), a dot, or a dot with a dark ring (locked-in firms). */
  kind: 'line' | 'area' | 'dot' | 'ring';
}

export function legend(items: LegendItem[]): HTMLElement {
  return h('ul', { class: 'legend' }, ...items.map((i) => h('li', {}, h('span', { class: `swatch ${i.kind}`, style: `--c: ${i.color}` }), i.label)));
}
