import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { runAstro } from '../support/astro-run.ts';
import { CONTENT } from '../support/content.ts';

/**
 * Astro re-parses a stored entry only when its file or content.config.ts changes. A change to the code that makes
 * entries (model, schemas, sanitiser, Markdown plugins) must reach every entry at the next build, not only edited
 * ones. A copy of the project is built, its sanitiser changed, and built again over the same cache.
 */
const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'czzx-code-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function build() {
  const r = runAstro(
    ['build'],
    {
      ...process.env,
      SKIP_SEARCH_INDEX: '1',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: join(dir, 'content'),
      PUBLIC_DIR: join(dir, 'public'),
      OUT_DIR: join(dir, 'dist'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
    },
    { cwd: dir },
  );
  expect(r.status, r.output.slice(-3000)).toBe(0);
}

it('after the sanitiser changes, every stored body is made again, not only edited ones', () => {
  for (const f of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  cpSync(CONTENT, join(dir, 'content'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  build();
  const story = readFileSync(join(dir, 'dist/news/2025-09-18-qinxian-weiyuan-jinjiceng/index.html'), 'utf8');
  expect(story).toContain('本报讯');
  expect(story).not.toContain('sanitised-by-new-code');
  const file = join(dir, 'src/lib/sanitize.ts');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'return sanitizeHtml(html, OPTIONS);',
      "return sanitizeHtml(html, OPTIONS) + '<!--sanitised-by-new-code-->';",
    ),
  );
  build();
  expect(readFileSync(join(dir, 'dist/news/2025-09-18-qinxian-weiyuan-jinjiceng/index.html'), 'utf8')).toContain(
    '本报讯',
  );
  // Comments are not kept in pages, so the new code shows in the content store the pages are made from.
  const store = readFileSync(join(dir, 'cache/data-store.json'), 'utf8');
  expect(store.split('sanitised-by-new-code').length - 1).toBeGreaterThan(10);
}, 600_000);
