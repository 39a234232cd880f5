/** Where a worker thread's module is: worker threads load plain JavaScript. */
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The compiled file `name` beside the module at `moduleUrl`: in dist/ beside
 * it when it runs compiled; in dist/'s mirror of its folder when it runs from
 * the TypeScript sources (tests), since worker threads cannot load .ts.
 */
export function compiledSibling(moduleUrl: string, name: string): string {
  const file = fileURLToPath(moduleUrl);
  const here = dirname(file);
  const src = `${sep}src${sep}`;
  const at = here.lastIndexOf(src);
  const compiled = file.endsWith('.ts') && at >= 0 ? `${here.slice(0, at)}${sep}dist${sep}${here.slice(at + src.length)}` : here;
  return join(compiled, name);
}
