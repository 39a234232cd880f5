// One in-process simulation, timed: `node bench/sim-child.mjs FIRMS [TICKS|-] [SEED]` (`-`: the scenario's ticks).
// Loads scenarios/baseline.yaml with the firm count (and tick count) overridden,
// builds the Simulation (population + burn-in) and steps it to the end; prints
// one JSON line with wall and CPU times of the two parts and the peak RSS.
// bench/run.mjs spawns it, one fresh process per measurement.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(pathToFileURL(resolve(root, 'dist', p)).href);

const firms = Number(process.argv[2]);
const ticksArg = process.argv[3] === '-' ? undefined : process.argv[3];
const seedArg = process.argv[4];
const wholeAtLeast = (text, min) => text === undefined || (/^\d+$/.test(text) && Number(text) >= min);
if (!Number.isInteger(firms) || firms < 1 || !wholeAtLeast(ticksArg, 1) || !wholeAtLeast(seedArg, 0)) {
  console.error('usage: node bench/sim-child.mjs FIRMS [TICKS|-] [SEED]   (whole numbers; FIRMS and TICKS ≥ 1; `-` and no SEED: the scenario\'s)');
  process.exit(2);
}

const { loadScenario } = await dist('scenario/index.js');
const { Simulation } = await dist('model/simulation.js');
const overrides = [`firms=${firms}`, ...(ticksArg ? [`ticks=${ticksArg}`] : [])];
const { scenario } = await loadScenario(resolve(root, 'scenarios/baseline.yaml'), { overrides });

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const w0 = performance.now();
const c0 = cpuMs();
const seed = seedArg === undefined ? scenario.seed : Number(seedArg);
const sim = new Simulation(scenario, { seed });
const w1 = performance.now();
const c1 = cpuMs();
while (!sim.done) sim.step();
const w2 = performance.now();
const c2 = cpuMs();

console.log(
  JSON.stringify({
    firms,
    seed,
    ticks: scenario.ticks,
    burnInTicks: scenario.burnInTicks,
    setupMs: w1 - w0, // population + burn-in
    recordedMs: w2 - w1, // the recorded ticks, reporters included
    totalMs: w2 - w0,
    setupCpuMs: c1 - c0,
    recordedCpuMs: c2 - c1,
    totalCpuMs: c2 - c0,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
