/**
 * Ctrl-C (SIGINT) and SIGTERM (what Slurm and Kubernetes send before killing
 * a job) for a sweep: the first signal stops dispatching and lets runs under
 * way finish and be recorded; a second abandons them too.
 */

export interface Interrupts {
  /** Aborted on the first signal. */
  stop: AbortSignal;
  /** Aborted on the second. */
  abandon: AbortSignal;
  /** The first signal received, if any. */
  received(): NodeJS.Signals | undefined;
  /** Removes the handlers. */
  dispose(): void;
}

/** Installs the handlers; `notify` is told of each step (to print what happens next). */
export function handleInterrupts(notify: (step: 'stop' | 'abandon', signal: NodeJS.Signals) => void): Interrupts {
  const stop = new AbortController();
  const abandon = new AbortController();
  let first: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (!stop.signal.aborted) {
      first = signal;
      stop.abort();
      notify('stop', signal);
    } else if (!abandon.signal.aborted) {
      abandon.abort();
      notify('abandon', signal);
    }
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const s of signals) process.on(s, handler);
  return {
    stop: stop.signal,
    abandon: abandon.signal,
    received: () => first,
    dispose: () => signals.forEach((s) => process.off(s, handler)),
  };
}

/** Conventional exit code after a signal: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export const signalExitCode = (signal: NodeJS.Signals): number => (signal === 'SIGTERM' ? 143 : 130);
