/**
 * "Did you mean …?" for misspelt keys, enum values and region names. Reusable
 * by anything that checks a word against a known list (CLI options, metric
 * names, sweep factors).
 */

/**
 * Edit distance between two strings: insertions, deletions, substitutions and
 * swaps of two neighbouring characters each cost 1 (Levenshtein plus
 * transpositions, so `platfrom` is one step from `platform`).
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word` (case-insensitive), or undefined when none is
 * close enough to be a plausible typo: at most 40% of the longer word may
 * change, so `pay2rank` finds `pay-to-rank` but `middle` does not find `central`.
 * Ties go to the earlier candidate.
 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const distance = editDistance(w, c.toLowerCase());
    const allowed = Math.max(1, Math.ceil(0.4 * Math.max(w.length, c.length)));
    if (distance <= allowed && distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** `; did you mean 'x'?` when a suggestion exists, else the empty string: ready to append to a message. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s === undefined || s === word ? '' : `; did you mean '${s}'?`;
}

/** A stand-alone hint for an unknown name: `did you mean "x"?` when a suggestion exists, else the list of valid names. */
export function suggestionHint(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s === undefined ? `available: ${candidates.join(', ')}` : `did you mean "${s}"?`;
}
