#!/usr/bin/env bash
# Instructions per firm-tick, counted by valgrind (callgrind), not timed:
# repeatable to ~0.1 % whatever else the machine is doing, so a change of 1–2 %
# shows, where wall and CPU times on a shared machine move by 10–30 %.
#
#   bench/instructions.sh [SMALL=3000] [LARGE=6000] [SEEDS=1]     (after `npm run build`; ≈ 1–2 min a seed)
#
# Runs bench/sim-child.mjs (baseline, 60 burn-in + 120 ticks) at two firm
# counts, side by side, and prints both totals and the marginal count per
# firm-tick, (large − small) / ((large − small) × ticks run): start-up, compilation
# and per-tick work that does not grow with firms cancel out. V8 runs
# single-threaded with fixed hash and random seeds, so the JIT does the same
# work each time. Compare two versions of the code by running this in each.
#
# A change that alters the model's random numbers also alters the run's path,
# and the count moves with the path as well as with the code: compare such
# versions over several seeds (SEEDS > 1 runs seeds 1..SEEDS and prints the
# mean marginal count and its range).
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-3000}
large=${2:-6000}
seeds=${3:-1}
[[ $small =~ ^[0-9]+$ && $large =~ ^[0-9]+$ && $seeds =~ ^[0-9]+$ && $small -ge 1 && $large -gt $small && $seeds -ge 1 ]] ||
  { echo "usage: bench/instructions.sh [SMALL=3000] [LARGE=6000] [SEEDS=1]: whole numbers, LARGE > SMALL, SEEDS ≥ 1" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "valgrind is not installed (Debian: apt-get install valgrind)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Writes the instruction count of FIRMS ($1) with SEED ($3; empty: the scenario's) to $2.count and sim-child's JSON line to $2.json.
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null --smc-check=all-non-file \
    node --single-threaded --hash-seed=1 --random-seed=1 bench/sim-child.mjs "$1" - $3 2>&1 >"$2.json" |
    awk '/Collected/ { print $4 }' >"$2.count"
}
for ((s = 1; s <= seeds; s++)); do
  seed=$([[ $seeds -gt 1 ]] && echo "$s" || true)
  count "$small" "$tmp/small$s" "$seed" &
  count "$large" "$tmp/large$s" "$seed" &
  wait
done
node -e '
const fs = require("fs");
const [small, large, seeds, dir] = process.argv.slice(1);
const read = (f) => fs.readFileSync(`${dir}/${f}`, "utf8");
const per = [];
for (let s = 1; s <= Number(seeds); s++) {
  const a = Number(read(`small${s}.count`));
  const b = Number(read(`large${s}.count`));
  const run = JSON.parse(read(`small${s}.json`));
  const ticks = run.ticks + run.burnInTicks;
  const marginal = (b - a) / ((Number(large) - Number(small)) * ticks);
  per.push(marginal);
  const label = Number(seeds) > 1 ? `seed ${run.seed}, ` : "";
  console.log(`instructions, ${label}${small} firms: ${(a / 1e9).toFixed(3)} G`);
  console.log(`instructions, ${label}${large} firms: ${(b / 1e9).toFixed(3)} G`);
  console.log(`per firm-tick (marginal${Number(seeds) > 1 ? `, seed ${run.seed}` : ""}): ${Math.round(marginal)}`);
}
if (per.length > 1) {
  const mean = per.reduce((x, y) => x + y, 0) / per.length;
  console.log(`per firm-tick (marginal), mean of ${per.length} seeds: ${Math.round(mean)} (range ${Math.round(Math.min(...per))}–${Math.round(Math.max(...per))})`);
}
' "$small" "$large" "$seeds" "$tmp"
