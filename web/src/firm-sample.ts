/**
 * The firm view's dots: a fixed, evenly spread sample of firm slots. Slots are
 * reused by entrants, so a dot is "whoever occupies this slot", which keeps the
 * cloud steady from frame to frame.
 */
import { inLockInCohort } from '../../src/model/reporters.js';
import type { World } from '../../src/model/world.js';
import type { FirmSample } from './protocol.js';

const MAX_DOTS = 3000;

export function sampleFirms(w: World, max = MAX_DOTS): FirmSample {
  const f = w.firms;
  const n = Math.min(max, f.capacity);
  const out: FirmSample = {
    slot: new Uint32Array(n),
    productivity: new Float32Array(n),
    stage: new Uint8Array(n),
    channels: new Uint8Array(n),
    locked: new Uint8Array(n),
  };
  for (let k = 0; k < n; k++) {
    const i = Math.floor((k * f.capacity) / n);
    out.slot[k] = i;
    out.productivity[k] = f.productivity[i]!;
    out.stage[k] = f.stage[i]!;
    out.channels[k] = f.channels[i]!;
    // The lockInShare reporter's definition (src/model/reporters.ts), firm by firm.
    // As of the last tick run, as the lockInShare reporter counted it.
    out.locked[k] = inLockInCohort(w, i, w.tick - 1) && f.stage[i] === 0 ? 1 : 0;
  }
  return out;
}

/** The typed arrays' buffers, to transfer rather than copy. */
export function sampleBuffers(s: FirmSample): ArrayBuffer[] {
  return [s.slot, s.productivity, s.stage, s.channels, s.locked].map((a) => a.buffer as ArrayBuffer);
}
