// @ts-check
/**
 * Serves the built demo (web/dist) on 127.0.0.1 only: a static file server
 * with nothing to configure, so a lecturer's laptop exposes nothing to the
 * room's network.
 *
 *   node web/serve.mjs [--port P]     build, then serve (npm run demo)
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDemo } from './build.mjs';

const DEFAULT_PORT = 5180;
const HOST = '127.0.0.1';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * The file a request path names inside `dir`, or undefined when it would leave it.
 * @param {string} dir @param {string} url
 */
function fileFor(dir, url) {
  const pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  const file = path.resolve(dir, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
  return file.startsWith(dir + path.sep) ? file : undefined;
}

/**
 * Serves `dir` until `close()`. Port 0 picks a free port; a taken port
 * rejects with the listen error (code EADDRINUSE).
 * @param {{ dir: string, port?: number }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function serveDemo({ dir, port = DEFAULT_PORT }) {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(root, req.url ?? '/') : undefined;
      if (!file) throw Object.assign(new Error('not served'), { code: 'ENOENT' });
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://${HOST}:${actual}/`,
        port: actual,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** `--port P` from the command line, or the default. */
function portArg() {
  const i = process.argv.indexOf('--port');
  const port = i < 0 ? DEFAULT_PORT : Number(process.argv[i + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return port;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = portArg();
  const dir = await buildDemo();
  try {
    const { url } = await serveDemo({ dir, port });
    console.log(`gvc-sim classroom demo: open ${url} (Ctrl-C to stop)`);
  } catch (err) {
    const code = /** @type {NodeJS.ErrnoException} */ (err).code;
    console.error(code === 'EADDRINUSE' ? `port ${port} is in use: try npm run demo -- --port ${port + 1}` : String(err));
    process.exit(2);
  }
}
