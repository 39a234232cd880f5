/**
 * A Vega view fed as the run goes: compiled once from Vega-Lite, then only its
 * named data set changes. The container's `data-rows` and `data-version` say
 * what it currently shows, so a browser test can check a chart without pixels.
 */
import { changeset, parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export class LiveView {
  private readonly view: View;
  private rows = 0;
  private version = 0;

  constructor(
    private readonly container: HTMLElement,
    spec: TopLevelSpec,
    private readonly dataName: string,
  ) {
    this.view = new View(parse(compile(spec).spec), { renderer: 'canvas', container, hover: false });
    void this.view.runAsync();
  }

  /** Adds points (a time series growing tick by tick). */
  append(points: object[]): void {
    if (points.length === 0) return;
    this.view.change(this.dataName, changeset().insert(points));
    this.commit(this.rows + points.length);
  }

  /** Replaces every point (the firm cloud, the map). */
  replace(points: object[]): void {
    this.view.change(this.dataName, changeset().remove(() => true).insert(points));
    this.commit(points.length);
  }

  private commit(rows: number): void {
    this.rows = rows;
    this.container.dataset.rows = String(rows);
    this.container.dataset.version = String(++this.version);
    void this.view.runAsync();
  }
}
