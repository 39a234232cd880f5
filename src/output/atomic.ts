/**
 * Files written so an interrupted run never leaves one that looks complete:
 * content goes to `<name>.partial` and is renamed to `<name>` only when whole.
 * Rows already written are flushed to the partial file, so a kill loses at
 * most the unflushed buffer, and the partial file says what it is.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { machineFault } from '../errors.js';

const FLUSH_BYTES = 1 << 20;

/**
 * Runs a file operation on `path`; a full disk, a missing permission or a
 * read-only file system becomes a SystemError naming the path (printed
 * without a stack trace), anything else is rethrown as it is.
 */
export function onDisk<T>(path: string, op: () => T): T {
  try {
    return op();
  } catch (err) {
    throw machineFault(err, path) ?? err;
  }
}

/** Writes `content` to `path` atomically. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const partial = `${path}.partial`;
  onDisk(partial, () => writeFileSync(partial, content));
  onDisk(path, () => renameSync(partial, path));
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
    this.fd = onDisk(`${path}.partial`, () => openSync(`${path}.partial`, 'w'));
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
    if (this.buffer) onDisk(`${this.path}.partial`, () => writeSync(this.fd, this.buffer));
    this.buffer = '';
  }

  /** Flushes, syncs and renames the file into place. */
  close(): void {
    if (this.closed) return;
    this.flush();
    onDisk(`${this.path}.partial`, () => {
      fsyncSync(this.fd);
      closeSync(this.fd);
    });
    onDisk(this.path, () => renameSync(`${this.path}.partial`, this.path));
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
