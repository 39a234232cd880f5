/**
 * Play / pause, step, reset, speed, seed and population. Speed applies at
 * once; seed and population start the run again (they shape the world).
 */
import { h } from './dom.js';

export const SPEEDS = [1, 2, 5, 10, 30, 60, 0] as const; // ticks per second; 0: as fast as possible
export const POPULATIONS = [1000, 3000, 10000, 30000] as const;

export interface RunHandlers {
  play(): void;
  pause(): void;
  step(): void;
  reset(): void;
  speed(ticksPerSecond: number): void;
  seed(seed: number): void;
  firms(firms: number): void;
}

export class RunControls {
  private readonly playButton: HTMLButtonElement;
  private readonly seedInput: HTMLInputElement;
  private readonly firmsSelect: HTMLSelectElement;
  private playing = false;

  constructor(root: HTMLElement, on: RunHandlers, initial: { speed: number; seed: number; firms: number }) {
    this.playButton = h('button', { id: 'play', class: 'primary', type: 'button' }, '▶ Play');
    const step = h('button', { id: 'step', type: 'button', title: 'run one tick (one month)' }, 'Step');
    const reset = h('button', { id: 'reset', type: 'button', title: 'start again from year 0 with the current settings' }, '↺ Reset');
    const speed = h('select', { id: 'speed' }, ...SPEEDS.map((s) => h('option', { value: s, selected: s === initial.speed }, s === 0 ? 'max' : `${s} / s`)));
    this.seedInput = h('input', { id: 'seed', type: 'number', min: 0, step: 1, value: initial.seed });
    this.firmsSelect = h('select', { id: 'firms' }, ...POPULATIONS.map((n) => h('option', { value: n, selected: n === initial.firms }, n.toLocaleString('en'))));
    root.append(
      h('div', { class: 'buttons' }, this.playButton, step, reset),
      h('div', { class: 'fields' },
        h('label', {}, 'Speed', speed),
        h('label', {}, 'Seed', this.seedInput),
        h('label', {}, 'Firms', this.firmsSelect),
      ),
    );
    this.playButton.addEventListener('click', () => (this.playing ? on.pause() : on.play()));
    step.addEventListener('click', () => on.step());
    reset.addEventListener('click', () => on.reset());
    speed.addEventListener('change', () => on.speed(Number(speed.value)));
    this.seedInput.addEventListener('change', () => {
      const seed = Math.trunc(Number(this.seedInput.value));
      if (Number.isInteger(seed) && seed >= 0) on.seed(seed);
    });
    this.firmsSelect.addEventListener('change', () => on.firms(Number(this.firmsSelect.value)));
    // Keys for a lecturer at a distance (or with a presenter remote): space plays / pauses, → steps.
    // Only when nothing is focused, so sliders keep their arrow keys and buttons their space.
    document.addEventListener('keydown', (e) => {
      if (e.target !== document.body) return;
      if (e.key === ' ') this.playButton.click();
      else if (e.key === 'ArrowRight') step.click();
      else return;
      e.preventDefault();
    });
  }

  /** Shows whether the run is playing and whether it can still play. */
  show(playing: boolean, done: boolean): void {
    this.playing = playing;
    this.playButton.textContent = playing ? '❚❚ Pause' : done ? '■ Finished' : '▶ Play';
    this.playButton.disabled = done && !playing;
  }
}
