/**
 * The classroom demo page: wires presets, levers and run controls to the
 * simulation worker, and the worker's frames to the charts. The page owns the
 * settings (preset + moved levers + population + seed); the worker owns the run.
 */
import { Dashboard } from './charts/dashboard.js';
import type { Lever } from './levers.js';
import { PRESETS, type Preset } from './presets.js';
import type { FromSim, RunSettings, ToSim } from './protocol.js';
import { resolveRun } from './settings.js';
import { byId } from './ui/dom.js';
import { ErrorBanner } from './ui/error-banner.js';
import { LeverPanel } from './ui/lever-panel.js';
import { MapPanel } from './ui/map-panel.js';
import { PresetList } from './ui/preset-list.js';
import { Readout } from './ui/readout.js';
import { RunControls } from './ui/run-controls.js';

const state = {
  preset: PRESETS[0]!,
  overrides: {} as Record<string, number>,
  firms: 10000,
  seed: 1,
  speed: 10,
};

function settings(): RunSettings {
  return { presetLabel: state.preset.label, preset: state.preset.input, overrides: { ...state.overrides }, firms: state.firms, seed: state.seed };
}

let scenario = resolveRun(settings());
const errors = new ErrorBanner(byId('error'));
const readout = new Readout(byId('readout'), () => scenario.ticksPerYear);
const sim = new Worker(new URL('./sim.worker.js', import.meta.url), { type: 'module' });
const send = (msg: ToSim) => sim.postMessage(msg);

const years = scenario.ticks / scenario.ticksPerYear;
const dashboard = new Dashboard(byId('charts'), byId('firm-figure'), byId('view-firms'), years, () => scenario.ticksPerYear);

const presets = new PresetList(byId('presets'), PRESETS, (p) => pickPreset(p));
const levers = new LeverPanel(byId('levers'), (lever, value) => moveLever(lever, value));
const controls = new RunControls(byId('run'), {
  play: () => (readout.restartMeter(), send({ type: 'play' })),
  pause: () => send({ type: 'pause' }),
  step: () => send({ type: 'step' }),
  reset: () => restart(),
  speed: (tps) => ((state.speed = tps), readout.restartMeter(), send({ type: 'speed', ticksPerSecond: tps })),
  seed: (seed) => ((state.seed = seed), restart()),
  firms: (firms) => ((state.firms = firms), restart()),
}, state);
const map = new MapPanel(byId('map'), settings);

/** Starts the run again from year 0 with the current settings. */
function restart(): void {
  try {
    scenario = resolveRun(settings());
  } catch (err) {
    errors.show(String((err as Error).message));
    return;
  }
  errors.clear();
  levers.show(scenario, state.overrides);
  presets.show(state.preset);
  byId('preset-name').textContent = state.preset.label;
  readout.restartMeter();
  send({ type: 'reset', run: settings() });
}

function pickPreset(p: Preset): void {
  const changed = p !== state.preset;
  state.preset = p;
  state.overrides = {};
  if (changed) map.clear();
  restart();
}

/** A lever moved: the running simulation takes it from the next month; Reset replays from year 0 with it. */
function moveLever(lever: Lever, value: number): void {
  state.overrides[lever.path] = value;
  try {
    scenario = resolveRun(settings());
  } catch (err) {
    delete state.overrides[lever.path];
    errors.show(String((err as Error).message));
    return;
  }
  levers.show(scenario, state.overrides);
  send({ type: 'set', set: { [lever.path]: value } });
}

function onFrame(f: Extract<FromSim, { type: 'frame' }>): void {
  if (f.fresh) dashboard.clear();
  dashboard.add(f.rows, f.firms, f.playing);
  const last = f.rows.at(-1);
  readout.show({ tick: f.tick, ticks: f.ticks, playing: f.playing, lockIn: f.fresh ? null : last?.values.lockInShare, engineTicksPerSecond: f.engineTicksPerSecond });
  controls.show(f.playing, f.tick >= f.ticks);
}

sim.onmessage = (e: MessageEvent<FromSim>) => {
  const m = e.data;
  if (m.type === 'error') {
    errors.show(m.message);
    controls.show(false, false);
  } else onFrame(m);
};
sim.onerror = (e) => errors.show(`the simulation stopped: ${e.message}`);

send({ type: 'speed', ticksPerSecond: state.speed });
restart();
