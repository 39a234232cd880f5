/**
 * Imports point down only (DESIGN.md §5): the engine knows nothing but itself,
 * the model knows the engine and nothing above it (not scenarios, experiments,
 * files, reports, claims or the CLI), and no two model files import each other
 * in a circle, type imports included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every .ts file under `dir` (relative to the repository, with forward slashes). */
function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

// `import … from '…'`, `export … from '…'`, `import '…'` at the start of a line, and `import('…')`.
const IMPORT = /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The project files `file` imports (relative specifiers resolved to repository paths); packages are left out. */
export function projectImports(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith('.')) continue;
    out.push(relative(root, resolve(root, dirname(file), spec)).split('\\').join('/').replace(/\.js$/, '.ts'));
  }
  return out;
}

/** Imports of files under `from` that leave the allowed places, as `file → target` lines. */
function outside(from: string, allowed: readonly string[]): string[] {
  return sources(from).flatMap((f) =>
    projectImports(f)
      .filter((t) => !allowed.some((a) => (a.endsWith('/') ? t.startsWith(a) : t === a)))
      .map((t) => `${f} → ${t}`),
  );
}

/** Which of `files` each of them imports. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, projectImports(f).filter((t) => files.includes(t))]));
}

/** The import circles of a graph (strongly connected components of more than one file, or a file importing itself). */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of graph.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return found;
}

describe('imports point down only', () => {
  it('the scanner sees imports of every form', () => {
    const text = [
      "import { a } from './a.js';",
      "import type {\n  B,\n  C,\n} from '../model/b.js';",
      "export { d } from './d.js';",
      "import './side-effect.js';",
      "const e = await import('../scenario/e.js');",
      "import { z } from 'zod';",
    ].join('\n');
    expect(projectImports('src/model/x.ts', text)).toEqual(['src/model/a.ts', 'src/model/b.ts', 'src/model/d.ts', 'src/model/side-effect.ts', 'src/scenario/e.ts']);
    expect(projectImports('src/model/simulation.ts')).toContain('src/engine/scheduler.ts');
  });

  it('the engine imports nothing outside src/engine', () => {
    expect(outside('src/engine', ['src/engine/'])).toEqual([]);
  });

  it('the model imports only the model, the engine and the user-error type (never scenario, experiment, cli, report, claims, analysis or output)', () => {
    expect(outside('src/model', ['src/model/', 'src/engine/', 'src/errors.ts'])).toEqual([]);
  });

  it('no model or engine files import each other in a circle', () => {
    expect(circles(importGraph(sources('src/model')))).toEqual([]);
    expect(circles(importGraph(sources('src/engine')))).toEqual([]);
  });

  it('a circle is found when there is one', () => {
    // The shape of the circle this test was written against: costs → world → trade → costs.
    const graph = new Map([['costs', ['world', 'firms']], ['world', ['trade']], ['trade', ['costs']], ['firms', []]]);
    expect(circles(graph)).toEqual([['costs', 'trade', 'world']]);
    expect(circles(new Map([['a', ['a']]]))).toEqual([['a']]);
  });
});
