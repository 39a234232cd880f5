/** `gvc-sim merge DIR... --out DIR`: shard results into one database, reporting missing runs. */
import type { Argv, CommandModule } from 'yargs';
import { mergeSweeps, type MergeResult } from '../experiment/sweep/index.js';
import { formatTable } from '../report/table.js';
import { examples } from './help.js';

interface MergeArgs {
  dirs: string[];
  out: string;
}

function builder(y: Argv): Argv<MergeArgs> {
  return y
    .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'shard output folders (each holds a results.duckdb)' })
    .option('out', { type: 'string', demandOption: true, describe: 'new folder for the merged results' })
    .example(
      examples([
        ['$0 merge results/big/shard-* --out results/big/merged', 'merge every shard of a sweep'],
      ]),
    ) as unknown as Argv<MergeArgs>;
}

/** Runs ids as short ranges: 3–7, 12. */
function ranges(ids: number[], limit = 10): string {
  const parts: string[] = [];
  for (let i = 0; i < ids.length && parts.length < limit; ) {
    let j = i;
    while (j + 1 < ids.length && ids[j + 1] === ids[j]! + 1) j++;
    parts.push(i === j ? `${ids[i]}` : `${ids[i]}–${ids[j]}`);
    i = j + 1;
  }
  return parts.join(', ') + (parts.length === limit ? ', …' : '');
}

function report(r: MergeResult, out: string): void {
  console.log(formatTable(['shard folder', 'shard', 'runs', 'failed'], r.shards.map((s) => [s.dir, s.shard, s.runs, s.failed])));
  console.log(`\nmerged ${r.recorded} of ${r.total} runs (${r.failed} failed) → ${r.dbFile}`);
  if (r.missing.length === 0) return;
  console.error(`warning: ${r.missing.length} runs are missing (run ids ${ranges(r.missing)})`);
  console.error(`finish them in the merged folder with: gvc-sim sweep SPEC --resume --out ${out}`);
}

const merge: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'merge the results folders of a sharded sweep into one database',
  builder,
  handler: async (a) => report(await mergeSweeps(a.dirs, a.out), a.out),
};
export default merge;
