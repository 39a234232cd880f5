/**
 * Sorting many numbers every tick (a Gini coefficient over every seller)
 * without comparisons: a least-significant-digit radix sort on the numbers'
 * bit patterns, O(n) where a comparison sort is O(n log n) with a call per
 * comparison. Selecting one (a median over every firm) by the same bit
 * patterns: a count by their top bits, then a selection among the few that
 * share the wanted one's.
 */

/** Bits of a Float64 as two 32-bit words, the low word first, on every platform Node runs on (little-endian). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

const PASSES = 8; // one per byte of a double
const BUCKETS = 256;
/** Below this many values the built-in comparison sort is faster (eight passes have a fixed cost). */
const SMALL = 1000;

/** 2n words of a Float64Array: value i is words 2i (low) and 2i + 1 (high). */
const wordsOf = (a: Float64Array, n: number) => new Uint32Array(a.buffer, a.byteOffset, 2 * n);

/**
 * Sorts the first n values of `a` ascending, in place: the order
 * `a.subarray(0, n).sort()` gives, for any values but NaN (−0 and +0 may
 * trade places). `spare` (at least n long) is overwritten. A pass whose byte
 * is the same for every value moves nothing and is skipped.
 */
export function radixSort(a: Float64Array, n: number, spare: Float64Array): void {
  if (n < SMALL || !LITTLE_ENDIAN) {
    a.subarray(0, n).sort();
    return;
  }
  const keys = wordsOf(a, n);
  const counts = toKeys(keys, n);
  let src = keys;
  let dst = wordsOf(spare, n);
  for (let p = 0; p < PASSES; p++) {
    const count = counts.subarray(p * BUCKETS, (p + 1) * BUCKETS);
    if (count.includes(n)) continue; // every value has the same byte here
    scatter(src, dst, n, p, count);
    [src, dst] = [dst, src];
  }
  if (src !== keys) keys.set(src);
  fromKeys(keys, n);
}

/**
 * The high word of a value's sort key, from the high word of its bits: the
 * sign bit flipped for x ≥ 0, every bit flipped for x < 0 (whose low word is
 * flipped too), so keys compare as unsigned integers in the order the numbers do.
 */
function highKey(hi: number): number {
  return (hi >>> 31 ? ~hi : hi ^ 0x80000000) >>> 0;
}

/**
 * Turns each value's bits into its sort key, in place (see `highKey`). Counts
 * each byte value of the keys, for every pass, on the way.
 */
function toKeys(words: Uint32Array, n: number): Uint32Array {
  const counts = new Uint32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    const bits = words[2 * i + 1]!;
    const lo = bits >>> 31 ? ~words[2 * i]! >>> 0 : words[2 * i]!;
    const hi = highKey(bits);
    words[2 * i] = lo;
    words[2 * i + 1] = hi;
    for (let b = 0; b < 4; b++) {
      counts[b * BUCKETS + ((lo >>> (8 * b)) & 0xff)]!++;
      counts[(b + 4) * BUCKETS + ((hi >>> (8 * b)) & 0xff)]!++;
    }
  }
  return counts;
}

/** Sort keys back to the values they came from. */
function fromKeys(words: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + 1]!;
    if (hi >>> 31) words[2 * i + 1] = (hi ^ 0x80000000) >>> 0;
    else {
      words[2 * i] = ~words[2 * i]! >>> 0;
      words[2 * i + 1] = ~hi >>> 0;
    }
  }
}

/** One stable pass: moves the keys from src to dst in order of their byte p (0 = lowest). */
function scatter(src: Uint32Array, dst: Uint32Array, n: number, p: number, count: Uint32Array): void {
  const next = new Uint32Array(BUCKETS);
  for (let b = 1; b < BUCKETS; b++) next[b] = next[b - 1]! + count[b - 1]!;
  const word = p >> 2; // 0: the low word holds byte p, 1: the high word
  const shift = 8 * (p & 3);
  for (let i = 0; i < n; i++) {
    const j = next[(src[2 * i + word]! >>> shift) & 0xff]!++;
    dst[2 * j] = src[2 * i]!;
    dst[2 * j + 1] = src[2 * i + 1]!;
  }
}

/** Below this many values a selection on a copy is faster than counting by bits (measured: ≈ 15,000–20,000). */
const SMALL_SELECT = 20000;

/** Counts by the top 16 bits of the keys; only the range a selection used is cleared after it. */
const topCounts = new Uint32Array(1 << 16);

/** The top 16 bits of a value's sort key, from the high word of its bits. */
function topOfKey(hi: number): number {
  return highKey(hi) >>> 16;
}

/**
 * The k-th smallest (from 0) of the first n values of `a`, which are left as
 * they were: the value `a.subarray(0, n).sort()[k]` holds, for any values but
 * NaN. `spare` (at least n long) is overwritten. Counts the values by the top
 * 16 bits of their sort keys and selects among those in the bucket that holds
 * rank k: two passes over the values and a selection among a few.
 */
export function radixSelect(a: Float64Array, n: number, k: number, spare: Float64Array): number {
  if (n < SMALL_SELECT || !LITTLE_ENDIAN) {
    spare.set(a.subarray(0, n));
    return select(spare, n, k);
  }
  const words = wordsOf(a, n);
  const span = countTops(words, n);
  const lowest = span & 0xffff;
  const highest = span >>> 16;
  const counts = topCounts;
  let below = 0;
  let bucket = lowest;
  while (below + counts[bucket]! <= k) below += counts[bucket++]!;
  counts.fill(0, lowest, highest + 1);
  return select(spare, gatherBucket(a, words, n, bucket, spare), k - below);
}

/*
 * The two passes over the values are functions of their own: as loops inside
 * radixSelect, V8 compiled them on-stack before the code after them had run,
 * and that code then left the compiled version on every call (a deoptimization
 * each tick, the rest of the call interpreted).
 */

/** Counts the values by the top 16 bits of their keys into `topCounts`; returns the lowest and highest used, packed (lowest | highest << 16). */
function countTops(words: Uint32Array, n: number): number {
  const counts = topCounts;
  let lowest = counts.length - 1;
  let highest = 0;
  for (let i = 0; i < n; i++) {
    const top = topOfKey(words[2 * i + 1]!);
    counts[top]!++;
    if (top < lowest) lowest = top;
    if (top > highest) highest = top;
  }
  return (lowest | (highest << 16)) >>> 0;
}

/** Copies the values whose keys' top 16 bits are `bucket` into `spare`; returns how many. */
function gatherBucket(a: Float64Array, words: Uint32Array, n: number, bucket: number, spare: Float64Array): number {
  let m = 0;
  for (let i = 0; i < n; i++) if (topOfKey(words[2 * i + 1]!) === bucket) spare[m++] = a[i]!;
  return m;
}

/** k-th smallest of the first n values (Hoare's selection, in place). */
function select(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
