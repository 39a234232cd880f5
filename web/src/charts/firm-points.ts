/** The firm view's points from a firm sample: one dot per sampled firm. */
import { Channel } from '../../../src/model/firms.js';
import type { FirmSample } from '../protocol.js';
import type { CHANNEL_COLORS } from './specs.js';

type ChannelName = keyof typeof CHANNEL_COLORS;

/** A firm's most "direct" channel: platform over direct offline over indirect. */
function channelName(flags: number): ChannelName {
  if (flags & Channel.platform) return 'platform';
  if (flags & Channel.direct) return 'direct offline';
  if (flags & Channel.indirect) return 'indirect';
  return 'not exporting';
}

/** A fixed offset per slot within ±0.35 of its stage row, so dots spread out but do not wander. */
function jitter(slot: number): number {
  const h = Math.imul(slot ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  return ((h % 1000) / 1000 - 0.5) * 0.7;
}

export function firmPoints(s: FirmSample) {
  return Array.from(s.slot, (slot, k) => ({
    productivity: s.productivity[k]!,
    y: s.stage[k]! + jitter(slot),
    channel: channelName(s.channels[k]!),
    locked: s.locked[k] === 1,
  }));
}
