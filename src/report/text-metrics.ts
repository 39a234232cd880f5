/**
 * Text widths for headless Vega layout.
 *
 * Without a canvas Vega guesses every glyph at 0.8 em, which is ~35% too wide:
 * legends spread out, labels truncate early and charts get a blank margin on
 * the right. We know the font the SVG names first (see style.ts), so we size
 * text with its real advance widths; the fallback fonts are narrower, so text
 * never overflows the space laid out for it.
 */
import * as vega from 'vega';
import { textWidth } from './text-width.js';

export { textWidth };

type TextItem = { fontSize?: number; fontWeight?: string | number };
type TextMetrics = { width: (item: TextItem, text: unknown) => number };

function isBold(weight: TextItem['fontWeight']): boolean {
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600);
}

/**
 * Points Vega's (process-wide) text measurement at `textWidth`. Vega documents
 * replacing `textMetrics.width` for headless use; its typings omit the object.
 */
export function installTextMetrics(): void {
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => textWidth(text == null ? '' : String(text), item.fontSize ?? 11, isBold(item.fontWeight));
}
