/**
 * Files written so an interrupted run never leaves one that looks complete:
 * content goes to `<name>.partial` and is renamed to `<name>` only when whole.
 * Rows already written are flushed to the partial file, so a kill loses at
 * most the unflushed buffer, and the partial file says what it is.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';

const FLUSH_BYTES = 1 << 20;

/** Writes `content` to `path` atomically. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const partial = `${path}.partial`;
  writeFileSync(partial, content);
  renameSync(partial, path);
}

/** A CSV file written row by row to `<path>.partial`, renamed to `<path>` on `close()`. */
export class CsvWriter {
  private readonly fd: number;
  private buffer = '';
  private closed = false;

  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(`${path}.partial`, 'w');
    this.buffer = `${header.join(',')}\n`;
  }

  /** Appends one row; numbers are written in their shortest exact form, so output is bit-reproducible. */
  row(cells: ArrayLike<number | string>): void {
    let line = '';
    for (let j = 0; j < cells.length; j++) {
      const c = cells[j]!;
      line += (j ? ',' : '') + (typeof c === 'number' ? String(c) : csvText(c));
    }
    this.buffer += `${line}\n`;
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  /** Pushes buffered rows to the partial file (call at safe points, e.g. after each seed). */
  flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  /** Flushes, syncs and renames the file into place. */
  close(): void {
    if (this.closed) return;
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(`${this.path}.partial`, this.path);
    this.closed = true;
  }

  /** Flushes what is written and leaves the partial file as it is (interrupted run). */
  abandon(): void {
    if (this.closed) return;
    this.flush();
    closeSync(this.fd);
    this.closed = true;
  }
}

function csvText(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
