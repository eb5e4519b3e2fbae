import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The code laid out as it reads (docs/architecture.md): files short enough to read whole, and `src/lib`, the plain
 * logic, importing nothing above it, so it stays testable without a build.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const MAX_LINES = 300;

/**
 * Files allowed over the limit, each with why (none now: every file was split by what it holds). A file here that has
 * come under the limit fails the test too, so the list only shrinks.
 */
const LONG_FILES: Record<string, string> = {};

/** Folders above `src/lib`: logic must not reach into them. */
const ABOVE_LIB = [
  'src/data',
  'src/pages',
  'src/components',
  'src/layouts',
  'src/integrations',
  'src/cms',
  'src/scripts',
  'tests',
];

/** A query reading the proposals collection through `all()` (content.ts), which only data/proposals.ts does. */
const LOADS_PROPOSALS = /\ball\s*(?:<[^>]*>)?\(\s*['"]proposals['"]/;

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs|astro|css)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

const lineCount = (file: string) => readFileSync(join(ROOT, file), 'utf8').trimEnd().split('\n').length;

/** The files a module imports by relative path (static, dynamic and side-effect imports), from the project root. */
function relativeImports(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  return specifiers.map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)));
}

describe('the layout of the code', () => {
  const all = [...files('src'), ...files('tests')];

  it(`keeps every file under src/ and tests/ within ${MAX_LINES} lines`, () => {
    const long = all.filter((f) => lineCount(f) > MAX_LINES && !(f in LONG_FILES));
    expect(long.map((f) => `${f} (${lineCount(f)} 行)`)).toEqual([]);
  });

  it('lists only files that are still too long', () => {
    expect(Object.keys(LONG_FILES).filter((f) => !all.includes(f) || lineCount(f) <= MAX_LINES)).toEqual([]);
  });

  it('lets src/lib import nothing from the layers above it or from the tests', () => {
    const reaching = files('src/lib').flatMap((f) =>
      relativeImports(f, readFileSync(join(ROOT, f), 'utf8'))
        .filter((target) => ABOVE_LIB.some((above) => target === above || target.startsWith(`${above}/`)))
        .map((target) => `${f} → ${target}`),
    );
    expect(reaching).toEqual([]);
  });

  it('keeps one home for proposal queries: no data module beside data/proposals.ts named after proposal logic', () => {
    // lib/proposals/stats.ts is fed by data/proposals.ts, never by a data/stats.ts of its own (facets, open data …).
    const logic = files('src/lib/proposals').map((f) => basename(f));
    expect(files('src/data').filter((f) => logic.includes(basename(f)))).toEqual([]);
  });

  it('feeds facets, statistics and open data from data/proposals.ts alone', () => {
    const subjects = ['facets', 'stats', 'opendata'].map((n) => `src/lib/proposals/${n}.ts`);
    const feeding = files('src/data')
      .filter((f) => f !== 'src/data/proposals.ts')
      .filter((f) => relativeImports(f, readFileSync(join(ROOT, f), 'utf8')).some((t) => subjects.includes(t)));
    expect(feeding).toEqual([]);
  });

  it('loads the proposals collection in data/proposals.ts alone', () => {
    const loading = files('src/data').filter(
      (f) => f !== 'src/data/proposals.ts' && LOADS_PROPOSALS.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(loading).toEqual([]);
    expect(LOADS_PROPOSALS.test("await all<ProposalData>('proposals')")).toBe(true);
    expect(LOADS_PROPOSALS.test(readFileSync(join(ROOT, 'src/data/proposals.ts'), 'utf8'))).toBe(true);
  });

  it('finds the imports the layer check relies on', () => {
    const source = `import a from '../data/a.ts';\nimport type { B } from "../../../tests/support/b.ts";\nimport './c.ts';\nconst d = await import('../scripts/d.ts');`;
    expect(relativeImports('src/lib/x/y.ts', source)).toEqual([
      'src/lib/data/a.ts',
      'tests/support/b.ts',
      'src/lib/x/c.ts',
      'src/lib/scripts/d.ts',
    ]);
    expect(relativeImports('src/lib/y.ts', "export { e } from '../pages/e.ts';")).toEqual(['src/pages/e.ts']);
  });
});
