/**
 * The lever sliders: name, current value and unit on one line, the slider,
 * one line of help. A lever moved away from the preset is marked, so the
 * lecturer sees at a glance what differs from the preset.
 */
import type { Scenario } from '../../../src/model/params.js';
import { formatLever, LEVERS, leverUnit, readLever, type Lever } from '../levers.js';
import { h } from './dom.js';

interface Row {
  lever: Lever;
  row: HTMLElement;
  input: HTMLInputElement;
  output: HTMLOutputElement;
}

export class LeverPanel {
  private readonly rows: Row[];

  constructor(root: HTMLElement, onChange: (lever: Lever, value: number) => void) {
    this.rows = LEVERS.map((lever) => {
      const id = `lever-${lever.id}`;
      const input = h('input', { type: 'range', id, min: lever.min, max: lever.max, step: lever.step, 'data-lever': lever.id, 'aria-describedby': `${id}-help` });
      const output = h('output', { for: id, class: 'value' });
      const row = h(
        'div',
        { class: 'lever' },
        h('label', { for: id }, h('span', { class: 'name' }, lever.label), output, h('span', { class: 'unit' }, leverUnit(lever))),
        input,
        h('p', { class: 'help', id: `${id}-help` }, lever.help),
      );
      input.addEventListener('input', () => (output.value = formatLever(lever, Number(input.value))));
      input.addEventListener('change', () => onChange(lever, Number(input.value)));
      root.append(row);
      return { lever, row, input, output };
    });
  }

  /** Puts every slider at its value in the scenario; marks those the user moved (`overrides`). */
  show(s: Scenario, overrides: Record<string, number>): void {
    for (const { lever, row, input, output } of this.rows) {
      // The slider snaps to its step; the text shows the exact value (a mean over regions need not be on the step).
      const v = readLever(lever, s);
      input.value = String(v);
      output.value = formatLever(lever, v);
      row.classList.toggle('moved', lever.path in overrides);
    }
  }
}
