/**
 * Collectors turn a world into rows of named numbers: one row per tick for
 * model reporters, one per tick and entity (region, market, agent) for the
 * others. Reporters are computed by the model; the collector only stores rows
 * column by column, so memory grows with ticks, not with objects.
 */
export class ColumnTable {
  readonly columns: string[];
  private readonly data: Float64Array[];
  private length = 0;

  constructor(columns: readonly string[], initialCapacity = 256) {
    this.columns = [...columns];
    this.data = this.columns.map(() => new Float64Array(initialCapacity));
  }

  get rowCount(): number {
    return this.length;
  }

  push(row: ArrayLike<number>): void {
    if (this.length === this.data[0]?.length) this.grow();
    for (let j = 0; j < this.data.length; j++) this.data[j]![this.length] = row[j]!;
    this.length++;
  }

  column(name: string): Float64Array {
    const j = this.columns.indexOf(name);
    if (j < 0) throw new Error(`no column '${name}'`);
    return this.data[j]!.subarray(0, this.length);
  }

  row(i: number): number[] {
    return this.data.map((c) => c[i]!);
  }

  private grow(): void {
    for (let j = 0; j < this.data.length; j++) {
      const bigger = new Float64Array(Math.max(16, this.data[j]!.length * 2));
      bigger.set(this.data[j]!);
      this.data[j] = bigger;
    }
  }
}
