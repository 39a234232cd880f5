// CPU time (user + system: steadier than wall time on a shared machine) per
// model phase, for one in-process run of the baseline. A diagnostic for
// profiling, not one of the benchmark's figures.
//
//   node bench/phases.mjs [firms=100000] [ticks=120]     (after `npm run build`)
//
// Phases run inside `new Simulation()` too (population + burn-in); their time
// there is counted in the phase rows and in "construct+burn-in".
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const imp = (p) => import(pathToFileURL(resolve(root, 'dist', p)).href);
const { PHASES, Simulation } = await imp('model/simulation.js');
const { loadScenario } = await imp('scenario/index.js');
const firms = Number(process.argv[2] ?? 100000);
const ticks = Number(process.argv[3] ?? 120);
if (![firms, ticks].every((n) => Number.isInteger(n) && n >= 1)) {
  console.error('usage: node bench/phases.mjs [firms=100000] [ticks=120] (whole numbers ≥ 1)');
  process.exit(2);
}
const { scenario } = await loadScenario(resolve(root, 'scenarios/baseline.yaml'), { overrides: [`firms=${firms}`, `ticks=${ticks}`] });

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const spent = new Map();
for (const p of PHASES) {
  const run = p.run;
  spent.set(p.name, 0);
  p.run = (w) => {
    const t0 = cpu();
    run(w);
    spent.set(p.name, spent.get(p.name) + cpu() - t0);
  };
}
let collect = 0;
const t0 = cpu();
const sim = new Simulation(scenario, { seed: scenario.seed });
const tInit = cpu() - t0;
const origCollect = sim.reporters.collect.bind(sim.reporters);
sim.reporters.collect = (w) => {
  const a = cpu();
  origCollect(w);
  collect += cpu() - a;
};
while (!sim.done) sim.step();
const total = cpu() - t0;
const rows = [...spent, ['reporters (after burn-in)', collect]];
for (const [name, ms] of rows) console.log(name.padEnd(28), (ms / 1000).toFixed(3).padStart(8), 's', ((100 * ms) / total).toFixed(1).padStart(6), '%');
console.log('construct+burn-in'.padEnd(28), (tInit / 1000).toFixed(3).padStart(8), 's');
console.log('total'.padEnd(28), (total / 1000).toFixed(3).padStart(8), 's');
