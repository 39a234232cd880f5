import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.js';
import { examples } from './help.js';

interface DemoArgs {
  port: number;
}

function builder(y: Argv): Argv<DemoArgs> {
  return y
    .options({ port: { type: 'number', default: 5180, describe: 'port on 127.0.0.1 (0: any free port)' } })
    .example(
      examples([
        ['$0 demo', 'build the classroom demo and serve it on http://127.0.0.1:5180/'],
        ['$0 demo --port 8080', 'the same on another port'],
      ]),
    ) as unknown as Argv<DemoArgs>;
}

/** The build and server live in web/ (plain .mjs, shared with `npm run demo`); esbuild is a development dependency. */
async function loadWeb() {
  try {
    const [build, serve] = await Promise.all([import('../../web/build.mjs'), import('../../web/serve.mjs')]);
    return { ...build, ...serve };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    throw new UserError(`the demo cannot be built here: ${(err as Error).message}`, 'run `npm install` in the project folder (the demo needs its development dependencies)');
  }
}

async function handler(a: DemoArgs): Promise<void> {
  if (!Number.isInteger(a.port) || a.port < 0 || a.port > 65535) throw new UserError(`--port must be a whole number from 0 to 65535, got ${a.port}`);
  const web = await loadWeb();
  const dir = await web.buildDemo();
  const server = await web.serveDemo({ dir, port: a.port }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') throw new UserError(`port ${a.port} is in use`, `choose another with --port ${a.port + 1}, or --port 0 for any free port`);
    throw err;
  });
  console.log(`gvc-sim classroom demo: open ${server.url} (Ctrl-C to stop)`);
  // Serve until interrupted; the open server keeps the process alive.
  await new Promise<void>((resolve) => process.once('SIGINT', () => void server.close().then(resolve)));
}

const demo: CommandModule<object, DemoArgs> = {
  command: 'demo',
  describe: 'build and serve the classroom demo (sliders, presets, live charts) on 127.0.0.1',
  builder,
  handler,
};
export default demo;
