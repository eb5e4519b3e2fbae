import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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
