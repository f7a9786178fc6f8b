// Imports point back along the pipeline only: no stage imports a later one (README, "Layout of the repository").
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers.js';

/**
 * The stages of src/ in pipeline order: a stage may import itself and the stages before it, never one after it.
 * Where the two off the main line sit was read from what imports them and what they import:
 * - preflight checks any PDF against a plant (it imports core and plant); publish runs it on the plant file it has
 *   just written and cli runs it alone, and it needs nothing of export, so it comes after export, before publish.
 * - plant is beside the main line, not on it: a profile is read with ingest's YAML readers, so it may import core
 *   and ingest (and itself) only; export (the plant files), preflight, publish, preview and cli use it, so it may be
 *   imported by export and every later stage — not by template or layout, which take the page geometry as data.
 * - queue (editions as BullMQ jobs for workers on other machines) uses core and ingest's paths; only cli uses it, and
 *   the build a worker runs is cli's own, handed to it as a module to start, so it comes just before cli.
 * src/types holds ambient declarations for untyped packages and imports nothing.
 * Export is narrower still (STYLE.md: exporters import just core types): it draws frames, and reads the plant's
 * settings, so besides itself it imports core and plant only — not layout, template or ingest, earlier as they are.
 */
const PIPELINE = ['core', 'ingest', 'template', 'layout', 'export', 'preflight', 'publish', 'preview', 'queue', 'cli'] as const;
/** Side stages: the last pipeline stage each may import, and the first that may import it. */
const SIDE: Record<string, { importsUpTo: (typeof PIPELINE)[number]; importedFrom: (typeof PIPELINE)[number] }> = {
  plant: { importsUpTo: 'ingest', importedFrom: 'export' },
};
const NOT_STAGES = new Set(['types']);
/** Stages that may import only these others, whatever the order allows. */
const ONLY: Record<string, readonly string[]> = { export: ['core', 'plant'] };

/** True when code in stage `from` may import stage `to`. */
function allowed(from: string, to: string): boolean {
  if (from === to) return true;
  if (ONLY[from] && !ONLY[from]!.includes(to)) return false;
  const rank = (s: string) => PIPELINE.indexOf(s as (typeof PIPELINE)[number]);
  const side = SIDE[from];
  if (side) return !(to in SIDE) && rank(to) <= rank(side.importsUpTo);
  const target = SIDE[to];
  if (target) return rank(from) >= rank(target.importedFrom);
  return rank(to) < rank(from);
}

/** Every .ts file under a folder (declaration files too: they may not import forward either). */
function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Relative module specifiers of a source file: static imports and re-exports (`import … from`, `export … from`, `import '…'`) and dynamic `import('…')`. */
export function relativeImports(source: string): string[] {
  // Comments out first, so an example in a doc comment is not taken for an import ('//' inside a URL string stays).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const specs = [
    ...code.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1]!);
  return specs.filter((s) => s.startsWith('./') || s.startsWith('../'));
}

/** Every import in `srcDir` that points forward along the pipeline, as `file → specifier (from → to)`. */
function forwardImports(srcDir: string): string[] {
  const stageOf = (file: string) => relative(srcDir, file).split(sep)[0]!;
  const bad: string[] = [];
  for (const file of tsFiles(srcDir)) {
    const from = stageOf(file);
    if (NOT_STAGES.has(from)) continue;
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const target = resolve(dirname(file), spec);
      const rel = relative(srcDir, target);
      if (rel.startsWith('..')) {
        bad.push(`${relative(srcDir, file)} → ${spec} (outside src/)`);
        continue;
      }
      const to = rel.split(sep)[0]!;
      if (!allowed(from, to)) bad.push(`${relative(srcDir, file)} → ${spec} (${from} imports ${to})`);
    }
  }
  return bad;
}

/**
 * The import circles in `srcDir` (files that import each other, directly or round a loop, type imports too), each
 * as its files relative to `srcDir`, sorted: Tarjan's strongly connected components of the import graph.
 */
function importCircles(srcDir: string): string[][] {
  const graph = new Map<string, string[]>();
  for (const file of tsFiles(srcDir)) graph.set(file, relativeImports(readFileSync(file, 'utf8')).map((spec) => resolve(dirname(file), spec).replace(/\.js$/, '.ts')));
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const circle: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      circle.push(relative(srcDir, w));
    } while (w !== v);
    if (circle.length > 1) circles.push(circle.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return circles;
}

describe('import direction', () => {
  const src = join(REPO, 'src');

  it('knows every folder of src/ (a new stage must be placed in the order here)', () => {
    const stages = readdirSync(src).filter((n) => statSync(join(src, n)).isDirectory());
    const known = new Set<string>([...PIPELINE, ...Object.keys(SIDE), ...NOT_STAGES]);
    expect(stages.filter((s) => !known.has(s))).toEqual([]);
  });

  it('no file in src/ imports a later stage: cli → queue → preview → publish → preflight → export → layout → template → ingest → core, plant beside, export only core and plant', () => {
    expect(forwardImports(src)).toEqual([]);
  });

  it('core imports nothing of ours but core', () => {
    const outside = tsFiles(join(src, 'core')).flatMap((f) => relativeImports(readFileSync(f, 'utf8')).filter((s) => !s.startsWith('./')).map((s) => `${relative(src, f)} → ${s}`));
    expect(outside).toEqual([]);
  });

  it('the check itself catches forward imports, static, re-exported and dynamic, and passes backward ones', () => {
    const dir = tempDir({
      'src/core/a.ts': "export const a = 1;\n",
      'src/plant/profile.ts': "import type { PageGeometry } from '../layout/geometry.js';\nimport { a } from '../core/a.js';\n",
      'src/export/eedition/index.ts': "import {\n  longDate,\n} from '../../template/view.js';\n",
      'src/template/view.ts': "export { x } from '../layout/index.js';\n// import { y } from '../cli/main.js';\n/* import('../publish/index.js') */\n",
      'src/layout/index.ts': "import { p } from '../plant/index.js';\nimport { t } from '../template/index.js';\n",
      'src/ingest/read.ts': "const m = await import('../publish/index.js');\nconst url = 'http://example.com/'; // import('../cli/main.js')\n",
      'src/cli/main.ts': "import '../preview/server.js';\nimport { b } from '../plant/index.js';\n",
    });
    expect(forwardImports(join(dir, 'src'))).toEqual(
      expect.arrayContaining([
        'plant/profile.ts → ../layout/geometry.js (plant imports layout)',
        'template/view.ts → ../layout/index.js (template imports layout)',
        'layout/index.ts → ../plant/index.js (layout imports plant)',
        'ingest/read.ts → ../publish/index.js (ingest imports publish)',
        'export/eedition/index.ts → ../../template/view.js (export imports template)',
      ]),
    );
    // Backward imports (layout → template, plant → core, cli → plant), commented-out ones and a URL are fine.
    expect(forwardImports(join(dir, 'src'))).toHaveLength(5);
  });

  it('no import circle anywhere in src/: the composer depends on the layout (its desk, layout/desk.ts), never the reverse', () => {
    expect(importCircles(src)).toEqual([]);
  });

  it('the circle check finds a loop of three files, type imports included, and leaves a chain alone', () => {
    const dir = tempDir({
      'src/layout/context.ts': "import type { JumpDesk } from './compose/index.js';\n",
      'src/layout/compose/index.ts': "import { layoutStory } from '../story.js';\nimport { a } from '../../core/a.js';\n",
      'src/layout/story.ts': "import type { LayoutContext } from './context.js';\n",
      'src/core/a.ts': "export const a = 1;\n",
    });
    expect(importCircles(join(dir, 'src'))).toEqual([['layout/compose/index.ts', 'layout/context.ts', 'layout/story.ts']]);
  });
});
