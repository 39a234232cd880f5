/**
 * Messages between the page and its workers. The page owns the settings;
 * workers own the simulations and answer with numbers only.
 */

/** What a run is made of: a preset's scenario input, the levers moved away from it, population and seed. */
export interface RunSettings {
  /** Shown in validation errors. */
  presetLabel: string;
  /** Scenario input (a preset), before defaults. */
  preset: Record<string, unknown>;
  /** Parameter path → value, `regions.*.x` for every region; applied over the preset. */
  overrides: Record<string, number>;
  firms: number;
  seed: number;
}

/** One tick's reporters the page charts, by metric name. */
export interface TickRow {
  tick: number;
  values: Record<string, number>;
}

/** A fixed sample of firm slots (the same slots every frame, so dots move rather than jump). */
export interface FirmSample {
  slot: Uint32Array;
  productivity: Float32Array;
  stage: Uint8Array;
  channels: Uint8Array;
  /** 1: an exporter still at stage 0 after lockInYears. */
  locked: Uint8Array;
}

export type ToSim =
  | { type: 'reset'; run: RunSettings }
  | { type: 'set'; set: Record<string, number> }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  /** 0: as fast as the machine allows. */
  | { type: 'speed'; ticksPerSecond: number };

export type FromSim =
  | {
      type: 'frame';
      /** True when the run was (re)started: the page clears its charts first. */
      fresh: boolean;
      rows: TickRow[];
      firms: FirmSample;
      tick: number;
      ticks: number;
      playing: boolean;
      /** Ticks per second of pure stepping since the last play (undefined before any tick). */
      engineTicksPerSecond: number | undefined;
    }
  | { type: 'error'; message: string };

/** One axis of the lock-in map: a parameter path and the values it takes. */
export interface MapAxis {
  path: string;
  values: number[];
}

export type ToMap = { type: 'run'; run: RunSettings; x: MapAxis; y: MapAxis };

export type FromMap =
  | { type: 'cell'; x: number; y: number; value: number; done: number; total: number }
  | { type: 'error'; message: string };
