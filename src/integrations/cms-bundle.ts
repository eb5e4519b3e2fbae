import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changedInput, digestOf, recordDigest, type BuildInputs } from '../lib/build-inputs.ts';
import { isPlainBuild } from './build-mode.ts';
import { linkTree } from './site-files.ts';
import { assertObjectWidgetHolds } from './internals/decap-object-widget.ts';
import { assertStringWidgetHolds } from './internals/decap-string-widget.ts';

/**
 * The admin's script (Decap CMS and src/cms/) is bundled apart from the site's pages and kept until its own sources or
 * the installed packages change. Inside `astro build` it was bundled again on every build, and Vite's native bundler
 * kept the memory it had used for it until the build ended, while the search index was being written beside it
 * (docs/benchmarks.md#admin-bundle). Bundled in a process of its own (src/cli/build-cms.ts), that memory goes back
 * when the process exits, and a build whose admin did not change reuses the last bundle.
 */

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the bundle is served from; the admin's Content-Security-Policy covers everything under /admin/. */
export const CMS_BASE = '/admin/cms/';
/** The bundle's folder in the output. */
export const CMS_FOLDER = CMS_BASE.slice(1, -1);
/** The entry module, as Vite's manifest names it. */
export const CMS_ENTRY = 'src/cms/admin.ts';
const VIRTUAL = 'virtual:czzx/cms-script';
/** Bundles kept side by side, so builds from neighbouring versions of the code do not bundle again in turn. */
const KEEP = 3;

export interface CmsBundle {
  /** Folder holding the bundle: what is served at `CMS_BASE`. */
  dir: string;
  /** URL of the entry script. */
  script: string;
}

/**
 * What the bundle depends on besides the project's own sources (which the bundler lists as it reads them): the
 * installed packages, as npm records them, and the bundling script with its settings.
 */
export function fixedInputs(): Record<string, string> {
  const installed = join(ROOT, 'node_modules/.package-lock.json');
  const lock = existsSync(installed) ? installed : join(ROOT, 'package-lock.json');
  return {
    packages: digestOf(readFileSync(lock)),
    builder: digestOf(readFileSync(join(ROOT, 'src/cli/build-cms.ts'))),
    base: CMS_BASE,
  };
}

/** Cached bundles: `node_modules/.cache/czzx-cms/<digest>/`, the build tool convention, shared by every build here. */
export function cacheRoot(): string {
  return process.env.CMS_CACHE_DIR ?? join(ROOT, 'node_modules/.cache/czzx-cms');
}

function readBundle(dir: string): CmsBundle {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string }
  >;
  const entry = manifest[CMS_ENTRY];
  if (!entry) throw new Error(`${join(dir, '.vite/manifest.json')}: no entry for ${CMS_ENTRY}`);
  return { dir, script: CMS_BASE + entry.file };
}

/** A cached bundle whose inputs are all unchanged, newest first. */
function findFresh(cache: string, fixed: Record<string, string>): string | undefined {
  if (!existsSync(cache)) return undefined;
  const dirs = readdirSync(cache)
    .map((d) => join(cache, d))
    .filter((d) => existsSync(join(d, 'inputs.json')))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return dirs.find(
    (d) =>
      changedInput(ROOT, JSON.parse(readFileSync(join(d, 'inputs.json'), 'utf8')) as BuildInputs, fixed) === undefined,
  );
}

/**
 * The admin bundle for the current sources: the cached one, or a new one bundled in a child process. Builds running at
 * once (the tests build several sites) each bundle into a folder of their own and move it into place; the first to
 * finish wins and the others reuse it.
 */
export function ensureCmsBundle(logger: Pick<AstroIntegrationLogger, 'info'>): CmsBundle {
  const cache = cacheRoot();
  const fixed = fixedInputs();
  const fresh = findFresh(cache, fixed);
  if (fresh) {
    logger.info(`admin bundle reused (${relative(cache, fresh)})`);
    return readBundle(fresh);
  }
  const started = performance.now();
  const work = join(cache, `.work-${process.pid}-${Date.now()}`);
  mkdirSync(cache, { recursive: true });
  // Always a production bundle, whoever builds first: under Vitest NODE_ENV is `test`, which gave React's development
  // build, twice the size.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync(process.execPath, [join(ROOT, 'src/cli/build-cms.ts'), work], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
  });
  if (r.status !== 0) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(
      `The admin (${CMS_ENTRY}) could not be bundled:\n${`${r.stdout}\n${r.stderr}`.trim().slice(-4000)}`,
    );
  }
  const record = JSON.parse(readFileSync(join(work, 'inputs.json'), 'utf8')) as BuildInputs;
  const dir = join(cache, recordDigest(record));
  // Another build may have placed the same bundle meanwhile; a folder of that name with another record is stale.
  if (
    existsSync(dir) &&
    readFileSync(join(dir, 'inputs.json'), 'utf8') !== readFileSync(join(work, 'inputs.json'), 'utf8')
  ) {
    rmSync(dir, { recursive: true, force: true });
  }
  try {
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true });
  }
  // Older bundles beyond the last few, and work folders of builds that were stopped, only fill the disk.
  const kept = readdirSync(cache)
    .map((d) => join(cache, d))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  const hourAgo = Date.now() - 3_600_000;
  for (const old of kept.filter((d) => !basename(d).startsWith('.')).slice(KEEP))
    if (old !== dir) rmSync(old, { recursive: true, force: true });
  for (const old of kept.filter((d) => basename(d).startsWith('.work-') && statSync(d).mtimeMs < hourAgo))
    rmSync(old, { recursive: true, force: true });
  logger.info(`admin bundled in ${Math.round(performance.now() - started)} ms (${relative(cache, dir)})`);
  return readBundle(dir);
}

/** Whether two paths name one file (hard links of each other). */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

/** Serves the bundle under `CMS_BASE` from the dev server, as the built site serves it from `dist/admin/cms/`. */
function serveBundle(bundle: CmsBundle, url: string, res: ServerResponse): boolean {
  if (!url.startsWith(CMS_BASE)) return false;
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0]!);
  } catch {
    return false;
  }
  const file = resolve(bundle.dir, path.slice(CMS_BASE.length));
  if (!file.startsWith(bundle.dir + sep) || !existsSync(file) || !statSync(file).isFile()) return false;
  res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.end(readFileSync(file));
  return true;
}

export function cmsBundle(): AstroIntegration {
  let bundle: CmsBundle | undefined;
  return {
    name: 'czzx-cms-bundle',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        // Only what serves or renders the admin page needs the bundle; `astro sync` and `astro check` do not.
        if (command === 'build' || command === 'dev') {
          assertObjectWidgetHolds();
          assertStringWidgetHolds();
          bundle = ensureCmsBundle(logger);
        }
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'czzx-cms-script',
                resolveId: (id: string) => (id === VIRTUAL ? `\0${VIRTUAL}` : undefined),
                load: (id: string) => {
                  if (id !== `\0${VIRTUAL}`) return undefined;
                  if (!bundle)
                    throw new Error(
                      `${VIRTUAL}: the admin bundle is only prepared for \`astro build\` and \`astro dev\``,
                    );
                  return `export default ${JSON.stringify(bundle.script)};`;
                },
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((req, res, next) => {
          if (!bundle || !req.url || !serveBundle(bundle, req.url, res)) next();
        });
      },
      'astro:build:done': ({ dir }) => {
        if (!bundle) return;
        const to = join(fileURLToPath(dir), CMS_BASE);
        const entry = bundle.script.slice(CMS_BASE.length);
        // Left in place when the output already holds this very bundle: its entry script, linked last, is the cached file.
        if (!isPlainBuild() && sameFile(join(bundle.dir, entry), join(to, entry))) return;
        rmSync(to, { recursive: true, force: true });
        // The record and Vite's manifest are the cache's, not the site's.
        linkTree(bundle.dir, to, (rel) => rel === 'inputs.json' || rel.startsWith('.vite/') || rel === entry);
        linkTree(bundle.dir, to, (rel) => rel !== entry);
      },
    },
  };
}
