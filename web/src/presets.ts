/**
 * The presets, baked into the bundle by web/build.mjs from their scenario
 * YAML files (the lecture scenarios and web/presets/), `extends` merged.
 */
export interface Preset {
  id: string;
  label: string;
  /** Scenario file the preset was read from, relative to the project root. */
  file: string;
  description: string;
  /** Scenario input before defaults. */
  input: Record<string, unknown>;
}

declare const __PRESETS__: Preset[];

export const PRESETS: readonly Preset[] = __PRESETS__;
