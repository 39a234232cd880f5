import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { examples } from './help.js';

interface Args {
  only?: string;
  seeds: number;
  'seed-base': number;
  scale: number;
  format: 'table' | 'md' | 'json';
  out: string;
  workers?: number;
  ablate: boolean;
  set: string[];
  vary?: string;
}

function builder(y: Argv): Argv<Args> {
  return y
    .options({
      only: { type: 'string', describe: 'comma-separated claim ids to run (default: all), e.g. X1,B4' },
      seeds: { type: 'number', default: 20, describe: 'seeds per variant (the same seeds on every side)' },
      'seed-base': { type: 'number', default: 1, describe: 'first seed' },
      scale: { type: 'number', default: 1, describe: 'multiply every variant’s firm population by this' },
      format: { choices: ['table', 'md', 'json'] as const, default: 'table' as const, describe: 'what to print' },
      out: { type: 'string', default: 'results/claims', describe: 'folder for claims.md, claims.json and claims.html' },
      workers: { type: 'number', describe: 'worker threads (default: one per core)' },
      ablate: { type: 'boolean', default: false, describe: 'neutralise the input that could encode each claim and judge it again (writes ablations.md and ablations.json)' },
      vary: { type: 'string', describe: 'judge the claims once per value of one parameter, set in every variant: --vary platform.governance.adaptationCost=0,1,2,4 (writes claims-vary.md and claims-vary.json)' },
      set: { type: 'string', array: true, default: [], describe: 'override a parameter in every variant: --set platform.governance.adaptationCost=1 (repeatable; refused where a claim\'s variants differ)' },
    })
    .example(
      examples([
        ['$0 claims', 'judge every claim on 20 seeds'],
        ['$0 claims --only L1 --seeds 10', 'the lock-in lecture claim'],
        ['$0 claims --ablate --scale 0.5', 'each claim with the input that could encode it neutralised'],
        ['$0 claims --only X5 --set platform.governance.adaptationCost=1', 'a claim judged again under another value of a parameter'],
        ['$0 claims --only X5 --vary platform.governance.adaptationCost=0,1,2,4', 'a claim across values of a parameter, a table per claim'],
      ]),
    ) as unknown as Argv<Args>;
}

async function handler(a: Args): Promise<void> {
  if (!Number.isInteger(a.seeds) || a.seeds < 2) throw new UserError(`--seeds must be a whole number ≥ 2 (a CI needs two), got ${a.seeds}`);
  if (!(a.scale > 0)) throw new UserError(`--scale must be positive, got ${a.scale}`);
  if (a.vary !== undefined && a.ablate) throw new UserError('--vary and --ablate go separately', 'run --ablate with --set for one value at a time');
  const { runAblations, runClaims, runClaimsAcross } = await import('../claims/run.js');
  const { parseVariation } = await import('../claims/overrides.js');
  const o = { only: a.only, seeds: a.seeds, seedBase: a['seed-base'], scale: a.scale, format: a.format, out: a.out, workers: a.workers, set: a.set };
  if (a.vary !== undefined) await runClaimsAcross(o, parseVariation(a.vary));
  else await (a.ablate ? runAblations(o) : runClaims(o));
}

const command: CommandModule<object, Args> = {
  command: 'claims',
  describe: 'run the claim catalog and judge each claim of the source papers',
  builder,
  handler,
};
export default command;
