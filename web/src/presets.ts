/**
 * The presets, baked into the bundle by web/build.mjs from their scenario
 * YAML files (the lecture scenarios and web/presets/), `extends` merged.
 */
import type { Preset } from '../build.mjs';

export type { Preset };

declare const __PRESETS__: Preset[];

export const PRESETS: readonly Preset[] = __PRESETS__;
