#!/usr/bin/env node
// Runs a TypeScript example against the built library (`npm run build` first):
//
//   npm run example -- examples/second-platform/main.ts [args]
//
// Node 20 cannot run TypeScript itself: esbuild strips the types and bundles
// the example's own files, leaving `gvc-sim` and other packages to Node,
// which finds `gvc-sim` as this package (its `exports`). In your own project,
// run TypeScript as you usually do (tsx, ts-node, Node ≥ 22.6).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [file, ...args] = process.argv.slice(2);
if (!file || file === '--help' || file === '-h') {
  console.error('usage: node examples/run.mjs FILE.ts [args]');
  process.exit(file ? 0 : 2);
}
const source = resolve(file);
const out = join(dirname(source), `.${basename(source, '.ts')}.${process.pid}.mjs`);
await build({ entryPoints: [source], outfile: out, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
process.argv = [process.argv[0], source, ...args];
try {
  await import(pathToFileURL(out).href);
} finally {
  rmSync(out, { force: true });
}
