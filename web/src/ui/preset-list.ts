/** The preset buttons, with the chosen preset's one-line description under them. */
import type { Preset } from '../presets.js';
import { h } from './dom.js';

export class PresetList {
  private readonly buttons: HTMLButtonElement[];
  private readonly note: HTMLElement;

  constructor(root: HTMLElement, presets: readonly Preset[], onPick: (p: Preset) => void) {
    this.buttons = presets.map((p) => {
      const b = h('button', { type: 'button', 'data-preset': p.id, title: `from ${p.file}` }, p.label);
      b.addEventListener('click', () => onPick(p));
      return b;
    });
    this.note = h('p', { class: 'help' });
    root.append(h('div', { class: 'preset-buttons' }, ...this.buttons), this.note);
  }

  show(p: Preset): void {
    for (const b of this.buttons) b.setAttribute('aria-pressed', String(b.dataset.preset === p.id));
    this.note.textContent = p.description;
  }
}
