/** Types of web/build.mjs for the TypeScript code that calls it (the demo command, tests). */

export interface PresetFile {
  id: string;
  label: string;
  /** Scenario file, relative to the project root. */
  file: string;
}
export declare const PRESET_FILES: PresetFile[];

export interface Preset extends PresetFile {
  description: string;
  /** The scenario input with its `extends` chain merged in, before defaults. */
  input: Record<string, unknown>;
}

export declare function loadPresets(): Promise<Preset[]>;
/** Builds into `outDir` (default web/dist) and returns that folder. */
export declare function buildDemo(options?: { outDir?: string }): Promise<string>;
