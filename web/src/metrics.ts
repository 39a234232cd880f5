/** The model reporters the page shows, and where each sits in `reporters.model`. */
import { MODEL_METRICS, type ModelMetric } from '../../src/model/reporters.js';

export const SHOWN_METRICS = [
  'stageShare0', 'stageShare1', 'stageShare2', 'stageShare3',
  'indirectShare', 'directOfflineShare', 'platformSellerShare',
  'smeValueShare', 'intermediaryValueShare', 'platformValueShare',
  'lockInShare', 'exporterShare',
] as const satisfies readonly ModelMetric[];

export type ShownMetric = (typeof SHOWN_METRICS)[number];

const INDEX = SHOWN_METRICS.map((m) => MODEL_METRICS.indexOf(m));

/** The shown metrics out of one tick's model reporters. */
export function pickShown(model: Float64Array): Record<ShownMetric, number> {
  return Object.fromEntries(SHOWN_METRICS.map((m, k) => [m, model[INDEX[k]!]!])) as Record<ShownMetric, number>;
}
