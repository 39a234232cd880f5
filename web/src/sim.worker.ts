/**
 * The simulation worker: runs one DemoSession at the requested speed and
 * posts frames (the ticks run since the last frame and a firm sample), so the
 * page never blocks on the model.
 */
import type { FromSim, ToSim, TickRow } from './protocol.js';
import { sampleBuffers } from './firm-sample.js';
import { DemoSession } from './session.js';

/** Longest stretch of stepping between two frames: keeps the charts moving at full speed. */
const SLICE_MS = 40;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let session: DemoSession | undefined;
let playing = false;
let ticksPerSecond = 10;
let timer: ReturnType<typeof setTimeout> | undefined;
/** Pacing: ticks run since `origin` (ms) at the current speed. */
let origin = 0;
let ran = 0;
/** Time spent in the model since the last play: what the engine alone achieves. */
let stepMs = 0;
let stepped = 0;

function post(msg: FromSim, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer);
}

function postFrame(rows: TickRow[], fresh = false): void {
  if (!session) return;
  const firms = session.sample();
  const engineTicksPerSecond = stepped > 0 ? (stepped * 1000) / stepMs : undefined;
  post({ type: 'frame', fresh, rows, firms, tick: session.tick, ticks: session.ticks, playing, engineTicksPerSecond }, sampleBuffers(firms));
}

function stop(): void {
  playing = false;
  clearTimeout(timer);
}

function restartPacing(): void {
  origin = performance.now();
  ran = 0;
}

/** Runs the ticks that are due (all it can in one slice at full speed), posts them, and schedules the next slice. */
function slice(): void {
  if (!session || !playing) return;
  const start = performance.now();
  let due = ticksPerSecond === 0 ? Infinity : Math.floor(((start - origin) * ticksPerSecond) / 1000) - ran;
  // Far behind (a slow machine, a huge population): drop the backlog instead of bursting to catch up.
  if (due > ticksPerSecond) {
    restartPacing();
    due = 1;
  }
  const rows: TickRow[] = [];
  while (due-- > 0 && !session.done && performance.now() - start < SLICE_MS) {
    rows.push(session.step());
    ran++;
  }
  stepMs += performance.now() - start;
  stepped += rows.length;
  if (session.done) playing = false;
  postFrame(rows);
  if (!playing) return;
  const wait = ticksPerSecond === 0 ? 0 : Math.max(0, origin + ((ran + 1) * 1000) / ticksPerSecond - performance.now());
  timer = setTimeout(slice, wait);
}

function handle(msg: ToSim): void {
  switch (msg.type) {
    case 'reset':
      stop();
      session = undefined; // a failed reset must not leave the old run looking current
      session = new DemoSession(msg.run);
      postFrame([], true);
      return;
    case 'set':
      session?.apply(msg.set);
      return;
    case 'play':
      if (!session || session.done || playing) return;
      playing = true;
      [stepMs, stepped] = [0, 0];
      restartPacing();
      slice();
      return;
    case 'pause':
      stop();
      postFrame([]);
      return;
    case 'step':
      stop();
      if (session && !session.done) postFrame([session.step()]);
      return;
    case 'speed':
      ticksPerSecond = msg.ticksPerSecond;
      restartPacing();
      return;
  }
}

scope.onmessage = (e: MessageEvent<ToSim>) => {
  try {
    handle(e.data);
  } catch (err) {
    stop();
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
