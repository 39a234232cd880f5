/**
 * Does a cheaper second platform pull sellers into multi-homing, and what
 * does that do to SMEs' share of export value? The baseline with and without
 * the rival, over a few seeds and a few rival commissions.
 *
 *   npm run example -- examples/second-platform/main.ts [firms]
 */
import { replicate, scenario, sweep } from 'gvc-sim';
import { secondPlatform } from './rival.js';

const firms = Number(process.argv[2] ?? 2000);
const base = await scenario('scenarios/baseline.yaml', { set: { firms } });
const rival = secondPlatform({ commission: 0.04 });

const without = replicate(base, { seeds: 3 });
const withRival = replicate(base, { seeds: 3, ...rival });
const mean = (r: typeof without, metric: string) => r.summary.find((m) => m.metric === metric)!.mean.toFixed(4);
console.log(`incumbent commission ${base.platform.commission}; rival ${0.04}, final-year means over 3 seeds:`);
for (const metric of ['smeValueShare', 'platformValueShare', 'platformSellerShare', 'exporterShare']) {
  console.log(`  ${metric.padEnd(20)} ${mean(without, metric)} → ${mean(withRival, metric)}`);
}
console.log(`  rivalSellerShare     ${mean(withRival, 'rivalSellerShare')}, rivalGmvShare ${mean(withRival, 'rivalGmvShare')}`);

// The rival's commission as a factor, two seeds a level: rows carry every reporter, the rival's included.
for (const level of [0.02, 0.06, 0.1]) {
  const r = secondPlatform({ commission: level });
  const rows = sweep(base, { factors: { 'platform.commission': [base.platform.commission] }, replications: 2, ...r });
  const share = rows.reduce((a, row) => a + Number(row.rivalSellerShare), 0) / rows.length;
  console.log(`rival commission ${level}: ${(100 * share).toFixed(1)} % of platform sellers multi-home`);
}
