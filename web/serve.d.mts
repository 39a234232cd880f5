/** Types of web/serve.mjs for the TypeScript code that calls it (the demo command, tests). */

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1; port 0 picks a free port; a taken port rejects (code EADDRINUSE). */
export declare function serveDemo(options: { dir: string; port?: number }): Promise<RunningServer>;
