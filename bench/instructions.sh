#!/usr/bin/env bash
# Instructions per firm-tick, counted by valgrind (callgrind), not timed:
# repeatable to ~0.1 % whatever else the machine is doing, so a change of 1–2 %
# shows, where wall and CPU times on a shared machine move by 10–30 %.
#
#   bench/instructions.sh [SMALL=3000] [LARGE=6000]     (after `npm run build`; ≈ 1–2 min)
#
# Runs bench/sim-child.mjs (baseline, 60 burn-in + 120 ticks) at two firm
# counts, side by side, and prints both totals and the marginal count per
# firm-tick, (large − small) / ((large − small) × ticks run): start-up, compilation
# and per-tick work that does not grow with firms cancel out. V8 runs
# single-threaded with fixed hash and random seeds, so the JIT does the same
# work each time. Compare two versions of the code by running this in each.
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-3000}
large=${2:-6000}
[[ $small =~ ^[0-9]+$ && $large =~ ^[0-9]+$ && $small -ge 1 && $large -gt $small ]] ||
  { echo "usage: bench/instructions.sh [SMALL=3000] [LARGE=6000]: firm counts, whole numbers, LARGE > SMALL" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (Debian: apt-get install valgrind)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Writes the instruction count to $2.count and sim-child's JSON line (with its tick counts) to $2.json.
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
    node --single-threaded --hash-seed=1 --random-seed=1 bench/sim-child.mjs "$1" 2>&1 >"$2.json" |
    awk '/Collected/ { print $4 }' >"$2.count"
}
count "$small" "$tmp/small" &
count "$large" "$tmp/large" &
wait
a=$(cat "$tmp/small.count")
b=$(cat "$tmp/large.count")
ticks=$(node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(r.ticks + r.burnInTicks)' "$tmp/small.json")
node -e '
const [small, large, a, b, ticks] = process.argv.slice(1).map(Number);
console.log(`instructions, ${small} firms: ${(a / 1e9).toFixed(3)} G`);
console.log(`instructions, ${large} firms: ${(b / 1e9).toFixed(3)} G`);
console.log(`per firm-tick (marginal): ${Math.round((b - a) / ((large - small) * ticks))}`);
' "$small" "$large" "$a" "$b" "$ticks"
