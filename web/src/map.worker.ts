/**
 * The lock-in map worker: runs the grid's cells one after another, posting
 * each as it finishes so the heatmap fills in. The page terminates it to
 * cancel (a new map, new settings).
 */
import { finalLockIn } from './lockin-map.js';
import { cellRun } from './map-grid.js';
import type { FromMap, ToMap } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<ToMap>) => {
  const { run, x, y } = e.data;
  const total = x.values.length * y.values.length;
  let done = 0;
  try {
    for (const [j, yv] of y.values.entries()) {
      for (const [i, xv] of x.values.entries()) {
        const value = finalLockIn(cellRun(run, x, y, xv, yv));
        scope.postMessage({ type: 'cell', x: i, y: j, value, done: ++done, total } satisfies FromMap);
      }
    }
  } catch (err) {
    scope.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) } satisfies FromMap);
  }
};
