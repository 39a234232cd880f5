/**
 * Streams finished runs into the store: runs that finish while a commit is
 * under way are written together in the next one, so commits keep up with
 * any number of workers and nothing piles up in memory.
 */
import type { RunRecord, SweepStore } from './store.js';

/** Most runs per transaction. */
const MAX_BATCH = 256;

export class BatchWriter {
  private queue: RunRecord[] = [];
  private running: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly store: SweepStore,
    /** Called after each batch is committed. */
    private readonly onCommitted: (batch: readonly RunRecord[]) => void,
  ) {}

  /** Queues a finished run (dropped once a commit has failed: `drain` reports that failure). */
  push(r: RunRecord): void {
    if (this.failed) return;
    this.queue.push(r);
    this.running ??= this.loop();
  }

  /** Whether a commit failed; nothing more is written then. */
  get failed(): boolean {
    return this.failure !== undefined;
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        await this.store.write(batch);
        this.onCommitted(batch);
      }
    } catch (err) {
      this.failure = err;
    } finally {
      this.running = undefined;
    }
  }

  /** Waits until everything queued is committed; throws if a commit failed. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    if (this.failure !== undefined) throw this.failure;
  }
}
