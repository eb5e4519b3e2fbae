import type { AstroConfig, AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPlainBuild } from './build-mode.ts';

/** The files @astrojs/sitemap writes into the output's top folder (its default `filenameBase`). */
const SITEMAP_FILE = /^sitemap-[^/]*\.xml$/;

/** The installed @astrojs/sitemap's version: another version may write other bytes from the same pages. */
function sitemapVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = JSON.parse(readFileSync(require.resolve('@astrojs/sitemap/package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * What @astrojs/sitemap makes its files from: the built pages, the static routes, the site's address settings, its
 * own options (`options`: their source text, filter functions included) and its version. The sitemap holds URLs only
 * (no dates), so the same inputs give the same bytes.
 */
export function sitemapKey(
  pages: readonly string[],
  routes: readonly string[],
  config: Pick<AstroConfig, 'site' | 'base' | 'trailingSlash'> & { format: string },
  options: string,
  version = sitemapVersion(),
): string {
  return createHash('sha256')
    .update(JSON.stringify({ pages: [...pages].sort(), routes: [...routes].sort(), config, options, version }))
    .digest('hex');
}

/**
 * Wraps the sitemap integration so that a build whose pages and routes are those of the last build puts the last
 * build's sitemap files back instead of generating them again: @astrojs/sitemap sorts every URL with a locale
 * comparison made anew for each pair, which took seconds at 20,000 pages (docs/benchmarks.md#sitemap-reuse), and a
 * one-story edit changes no URL. The files are kept in the cache folder; any change of an input makes them again.
 * The plain build (build-mode.ts) always runs the integration.
 */
export function sitemapReuse(inner: AstroIntegration, options: unknown): AstroIntegration {
  let config: AstroConfig | undefined;
  let routes: string[] = [];
  const optionsText = JSON.stringify(options, (_k, v) => (typeof v === 'function' ? String(v) : v));
  const innerDone = inner.hooks['astro:build:done'];
  return {
    name: `${inner.name}-reuse`,
    hooks: {
      ...inner.hooks,
      'astro:config:done': async (params) => {
        config = params.config;
        await inner.hooks['astro:config:done']?.(params);
      },
      'astro:routes:resolved': async (params) => {
        routes = params.routes.map((r) => `${r.type} ${r.pattern} ${r.pathname ?? ''} ${r.fallbackRoutes.length}`);
        await inner.hooks['astro:routes:resolved']?.(params);
      },
      'astro:build:done': async (params) => {
        if (!innerDone) return;
        if (isPlainBuild() || !config) return innerDone(params);
        const outDir = fileURLToPath(params.dir);
        const store = join(fileURLToPath(config.cacheDir), 'sitemap-reuse');
        const key = sitemapKey(
          params.pages.map((p) => p.pathname),
          routes,
          { site: config.site, base: config.base, trailingSlash: config.trailingSlash, format: config.build.format },
          optionsText,
        );
        const record = join(store, 'key.json');
        const last = existsSync(record)
          ? (JSON.parse(readFileSync(record, 'utf8')) as { key: string; files: string[] })
          : undefined;
        if (last?.key === key && last.files.length > 0 && last.files.every((f) => existsSync(join(store, f)))) {
          for (const f of last.files) copyFileSync(join(store, f), join(outDir, f));
          params.logger.info(`sitemap unchanged (same pages and routes as the last build): ${last.files.join(', ')}`);
          return;
        }
        const started = Date.now() - 2000;
        rmSync(store, { recursive: true, force: true });
        await innerDone(params);
        const files = readdirSync(outDir).filter(
          (f) => SITEMAP_FILE.test(f) && statSync(join(outDir, f)).mtimeMs >= started,
        );
        mkdirSync(store, { recursive: true });
        for (const f of files) copyFileSync(join(outDir, f), join(store, f));
        writeFileSync(record, JSON.stringify({ key, files }));
      },
    },
  };
}
