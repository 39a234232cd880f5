/**
 * Shards: slice I of N (1-based) of a sweep's runs, for clusters. Run `id`
 * belongs to shard (id mod N) + 1, so every shard gets an even mix of design
 * points (and of the slow and fast runs among them). The slice comes from
 * `--shard I/N`, else from a Slurm job array, else from a Kubernetes Indexed Job.
 */
import { UserError } from '../../errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export const WHOLE: Shard = { index: 1, count: 1 };

export const formatShard = (s: Shard): string => `${s.index}/${s.count}`;

/** Whether run `id` is in the shard. */
export const inShard = (id: number, s: Shard): boolean => id % s.count === s.index - 1;

function checked(index: number, count: number, source: string): Shard {
  if (!Number.isInteger(count) || count < 1) throw new UserError(`${source}: the shard count must be a whole number ≥ 1 (got ${count})`);
  if (!Number.isInteger(index) || index < 1 || index > count) throw new UserError(`${source}: the shard must be between 1 and ${count} (got ${index})`);
  return { index, count };
}

/** `I/N` as given to --shard. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UserError(`--shard: expected I/N, e.g. --shard 2/8 (got '${text}')`);
  return checked(Number(m[1]), Number(m[2]), '--shard');
}

function envInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UserError(`${name}=${v} is not a whole number`);
  return n;
}

/**
 * Slurm job array: task ids run from SLURM_ARRAY_TASK_MIN in steps of
 * SLURM_ARRAY_TASK_STEP (1 unless given), so `--array=0-7` and `--array=1-8`
 * both make shards 1/8 … 8/8.
 */
function slurmShard(env: NodeJS.ProcessEnv): Shard | undefined {
  const id = envInt(env, 'SLURM_ARRAY_TASK_ID');
  if (id === undefined) return undefined;
  const count = envInt(env, 'SLURM_ARRAY_TASK_COUNT');
  if (count === undefined) throw new UserError('SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not', 'pass --shard I/N explicitly');
  const min = envInt(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
  const step = envInt(env, 'SLURM_ARRAY_TASK_STEP') ?? 1;
  return checked((id - min) / step + 1, count, `Slurm array task ${id} (min ${min}, step ${step}, count ${count})`);
}

/** Kubernetes Indexed Job: JOB_COMPLETION_INDEX is 0-based; the count comes from GVC_SHARD_COUNT (set it to the Job's completions). */
function kubernetesShard(env: NodeJS.ProcessEnv): Shard | undefined {
  const index = envInt(env, 'JOB_COMPLETION_INDEX');
  if (index === undefined) return undefined;
  const count = envInt(env, 'GVC_SHARD_COUNT');
  if (count === undefined) throw new UserError('JOB_COMPLETION_INDEX is set but GVC_SHARD_COUNT is not', 'set GVC_SHARD_COUNT to the Job’s completions (see docs/cluster.md)');
  return checked(index + 1, count, `JOB_COMPLETION_INDEX=${index} with GVC_SHARD_COUNT=${count}`);
}

/** The shard to run: --shard, else Slurm, else Kubernetes, else the whole sweep. */
export function resolveShard(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Shard {
  if (option !== undefined) return parseShard(option);
  return slurmShard(env) ?? kubernetesShard(env) ?? WHOLE;
}
