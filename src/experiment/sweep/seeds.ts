import { createHash } from 'node:crypto';

/**
 * The seed of one run, derived by hashing (sweep seed, design point,
 * replication): independent of worker count, run order and sharding, and
 * unrelated between neighbouring points. A 31-bit integer, the range the
 * scenario schema allows for seeds.
 */
export function runSeed(sweepSeed: number, point: number, replication: number): number {
  const digest = createHash('sha256').update(`gvc-sim sweep run|${sweepSeed}|${point}|${replication}`).digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}
