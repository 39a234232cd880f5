/**
 * Scheduled scenario events: at a tick, set parameter paths to new values.
 * The scenario module applies and validates them (the same code that checked
 * them at load time); here the model rebuilds whatever it derives from them.
 */
import { applyEvent } from '../scenario/events.js';
import { buildMarkets } from './markets.js';
import { refreshWeights } from './platform.js';
import { resolveRegions } from './regions.js';
import type { World } from './world.js';

export function applyEvents(w: World): void {
  for (const event of w.scenario.events) {
    if (event.at !== w.tick) continue;
    w.scenario = applyEvent(w.scenario, event.set);
    const paths = Object.keys(event.set);
    if (paths.some((p) => p.startsWith('regions.'))) w.regions = resolveRegions(w.scenario);
    if (paths.some((p) => p.startsWith('markets.'))) w.markets = buildMarkets(w.scenario.markets);
    if (paths.some((p) => p.startsWith('platform.traffic.'))) refreshWeights(w);
  }
}
