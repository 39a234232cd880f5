// Loaded with `node --import` into a benchmarked process: at exit, writes the
// process's own resource usage (peak RSS, CPU time) as JSON to the file named
// by GVC_BENCH_USAGE. Lets the benchmark measure the real `gvc-sim` process
// without /usr/bin/time.
import { writeFileSync } from 'node:fs';

const file = process.env.GVC_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 }));
  });
}
