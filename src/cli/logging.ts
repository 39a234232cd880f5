/**
 * The CLI's logger: pino, to stderr at the chosen level, or as JSON lines to a
 * file with --log-file. Library code never logs; commands do.
 */
import { pino, type Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface LogOptions {
  logLevel?: string;
  logFile?: string;
}

export function createLogger(o: LogOptions): Logger {
  const level = o.logLevel ?? 'warn';
  return o.logFile ? pino({ level }, pino.destination({ dest: o.logFile, sync: true, mkdir: true })) : pino({ level }, pino.destination(2));
}

/** yargs options shared by every command that logs. */
export const logOptions = {
  'log-level': { type: 'string', choices: LOG_LEVELS, default: 'warn', describe: 'how much to log (to stderr, or to --log-file)' },
  'log-file': { type: 'string', describe: 'write logs as JSON lines to this file instead of stderr' },
} as const;
