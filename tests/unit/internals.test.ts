import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertCollectionLoaded } from '../../src/data/store-guard.ts';
import {
  astroVersion,
  dataStoreShapeProblems,
  internalsError,
  storeFileShapeHolds,
} from '../../src/integrations/internals/astro-data-store.ts';
import { packageVersion } from '../../src/integrations/internals/package-version.ts';
import {
  assertBrowserBundleHolds,
  assertChunkSizeHolds,
  browserBundleProblems,
  CHUNK_SIZE_VAR,
  chunkSizeProblems,
  pagefindBinary,
} from '../../src/integrations/internals/pagefind.ts';
import {
  assertAssetsListPages,
  assertOutputFolderHolds,
  outputFolderProblems,
} from '../../src/integrations/internals/astro-output-folder.ts';
import {
  assertPageYearsArrived,
  assertPrerendererHolds,
  prerendererProblems,
} from '../../src/integrations/internals/astro-prerenderer.ts';
import batchedLog from '../../src/integrations/build-log.ts';
import { assertBatchedLogLoaded } from '../../src/integrations/internals/astro-logger.ts';
import { assertObjectWidgetHolds, objectWidgetProblems } from '../../src/integrations/internals/decap-object-widget.ts';
import { assertStringWidgetHolds, stringWidgetProblems } from '../../src/integrations/internals/decap-string-widget.ts';
import { ContentFixture } from '../support/fixture.ts';

/**
 * Canaries of the fast paths that lean on a framework's insides (src/integrations/internals/): each holds for the
 * installed version, and each check does fail, naming the package and version, when the shape it relies on changes.
 */
const ASTRO = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
let temp: string | undefined;
let fixture: ContentFixture | undefined;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  fixture?.dispose();
  temp = fixture = undefined;
});

/** A copy of the folder of one of Astro's files with that file changed, as an upgrade might change it. */
function astroWith(rel: string, change: (text: string) => string): string {
  temp = mkdtempSync(join(tmpdir(), 'czzx-astro-'));
  cpSync(join(ASTRO, 'package.json'), join(temp, 'package.json'));
  cpSync(join(ASTRO, dirname(rel)), join(temp, dirname(rel)), { recursive: true });
  writeFileSync(join(temp, rel), change(readFileSync(join(temp, rel), 'utf8')));
  return temp;
}

describe('content store handed to the pages, from memory or disk (Astro)', () => {
  it('finds the shapes it relies on in the installed Astro', () => {
    expect(dataStoreShapeProblems()).toEqual([]);
  });

  it('stops on a renamed module or a changed reader, naming astro and its version', () => {
    const renamed = astroWith('dist/content/consts.js', (t) =>
      t.replace('"astro:data-layer-content"', '"astro:content-layer-data"'),
    );
    expect(dataStoreShapeProblems(renamed)).toEqual([expect.stringContaining('astro:data-layer-content')]);
    const reader = astroWith('dist/content/data-store.js', (t) =>
      t.replace('devalue.unflatten(data.default)', 'devalue.parse(data.default)'),
    );
    expect(dataStoreShapeProblems(reader)).toEqual([expect.stringContaining('devalue')]);
    const noMap = astroWith('dist/content/data-store.js', (t) =>
      t.replace('data.default instanceof Map', 'data.default instanceof Set'),
    );
    expect(dataStoreShapeProblems(noMap)).toEqual([expect.stringContaining('Map')]);
    const unsorted = astroWith('dist/content/data-store-writer.js', (t) =>
      t.replace('new Map([...collection.entries()].sort(([a], [b]) => a.localeCompare(b)))', 'collection'),
    );
    expect(dataStoreShapeProblems(unsorted)).toEqual([expect.stringContaining('localeCompare')]);
    const error = internalsError('内容存储从磁盘读取', dataStoreShapeProblems(reader), astroVersion(reader));
    expect(error.message).toContain(`astro ${astroVersion()}`);
    expect(error.message).toContain('PLAIN_BUILD=1');
  });

  it('reads a store file of the shape the content sync writes', () => {
    fixture = new ContentFixture();
    const synced = fixture.astro('sync');
    expect(synced.status, synced.output).toBe(0);
    expect(storeFileShapeHolds(readFileSync(join(fixture.dir, 'cache/data-store.json'), 'utf8'))).toBe(true);
    expect(storeFileShapeHolds('{"collections":{}}')).toBe(false);
  });
});

describe('a collection that comes back empty while its folder holds entries', () => {
  it('stops the build naming the folder', () => {
    expect(() => assertCollectionLoaded('news', 0)).toThrow(
      /content\/news\/ 中有 \d+ 个文件，但内容存储中「新闻简报」没有任何条目/,
    );
    expect(() => assertCollectionLoaded('news', 3)).not.toThrow();
  });
});

describe('Pagefind internals (chunk size, the browser bundle the search worker runs)', () => {
  const binary = readFileSync(pagefindBinary());
  // The binary carries pagefind.js as text and writes it into every index.
  const bundle = binary.toString('latin1');

  it('finds the chunk-size variable in the installed binary, and stops naming pagefind when it is gone', () => {
    expect(chunkSizeProblems(binary)).toEqual([]);
    const renamed = Buffer.from(
      binary.toString('latin1').replaceAll(CHUNK_SIZE_VAR, 'PAGEFIND_STABLE_CHUNKS_SIZE_X'),
      'latin1',
    );
    expect(chunkSizeProblems(renamed)).toEqual([expect.stringContaining(CHUNK_SIZE_VAR)]);
    expect(() => assertChunkSizeHolds(renamed)).toThrow(new RegExp(`^pagefind ${packageVersion('pagefind')}：`));
  });

  it('finds the language lookup and the engine file name the search worker relies on in pagefind.js', () => {
    // The copy the sample build wrote is checked by the build itself (indexSite).
    expect(browserBundleProblems(bundle)).toEqual([]);
    const lang = bundle.replaceAll('getAttribute("lang")', 'getAttribute("xml:lang")');
    expect(browserBundleProblems(lang)).toEqual([expect.stringContaining('lang')]);
    const engine = bundle.replaceAll(/wasm\.(?=\$\{language\}\.pagefind)/g, 'engine.');
    expect(() => assertBrowserBundleHolds(engine)).toThrow(/wasm\.<语言>\.pagefind/);
  });
});

describe('output folder kept between builds (Astro)', () => {
  it('finds Astro honouring emptyOutDir: false, and stops naming astro when it no longer does', () => {
    expect(outputFolderProblems()).toEqual([]);
    const ignored = astroWith('dist/core/build/static-build.js', (t) =>
      t.replace('settings.config?.vite?.build?.emptyOutDir !== false', 'true'),
    );
    expect(outputFolderProblems(ignored)).toEqual([expect.stringContaining('emptyOutDir')]);
    expect(() => assertOutputFolderHolds(ignored)).toThrow(
      /^astro \S+：保留输出目录.*\n.*emptyOutDir[\s\S]*PLAIN_BUILD=1/,
    );
  });

  it('refuses to prune when the written files Astro lists are not the pages of this build', () => {
    temp = mkdtempSync(join(tmpdir(), 'czzx-out-'));
    writeFileSync(join(temp, 'index.html'), '<!doctype html>');
    expect(() => assertAssetsListPages(temp!, new Set(['index.html']))).not.toThrow();
    expect(() => assertAssetsListPages(temp!, new Set())).toThrow(/assets 为空/);
    expect(() => assertAssetsListPages(temp!, new Set(['news/index.html']))).toThrow(
      /不含首页[\s\S]*news\/index\.html 不在/,
    );
  });
});

describe('search parts indexed while the pages render (Astro prerenderer, globalThis hand-off)', () => {
  it('finds the static build driving the prerenderer as expected, and stops naming astro when it changes', () => {
    expect(prerendererProblems()).toEqual([]);
    const unset = astroWith('dist/integrations/hooks.js', (t) =>
      t.replace('settings.prerenderer = prerenderer', 'settings.prerenderers.push(prerenderer)'),
    );
    expect(() => assertPrerendererHolds(unset)).toThrow(/^astro \S+：边生成边建索引[\s\S]*setPrerenderer/);
    const perPage = astroWith('dist/core/build/generate.js', (t) =>
      t.replace('await prerenderer.render(request, {', 'await prerenderer.renderAll(request, {'),
    );
    expect(prerendererProblems(perPage)).toContainEqual(expect.stringContaining('逐页调用预渲染器的 render'));
  });

  it('stops when static paths arrive without the years the routes noted', () => {
    expect(() => assertPageYearsArrived(0, 0)).not.toThrow();
    expect(() => assertPageYearsArrived(120, 87)).not.toThrow();
    expect(() => assertPageYearsArrived(120, 0)).toThrow(/globalThis/);
  });
});

describe('the batched build log (Astro logger entrypoint)', () => {
  it('is marked loaded when its factory runs, and the check stops a build whose logger fell back', () => {
    const mark = Symbol.for('czzx.batchedLog.loaded');
    const g = globalThis as { [mark]?: boolean };
    delete g[mark];
    expect(() => assertBatchedLogLoaded()).toThrow(/^astro \S+：分批输出的构建日志[\s\S]*PLAIN_BUILD=1/);
    batchedLog({ level: 'error' });
    expect(() => assertBatchedLogLoaded()).not.toThrow();
  });
});

describe("Decap's object widget, subclassed for optional groups", () => {
  const WIDGET = dirname(createRequire(import.meta.url).resolve('decap-cms-widget-object/package.json'));

  it('finds the shapes the subclass relies on, and stops naming the package when validate changes', () => {
    expect(objectWidgetProblems()).toEqual([]);
    temp = mkdtempSync(join(tmpdir(), 'czzx-decap-'));
    cpSync(WIDGET, temp, { recursive: true });
    const file = join(temp, 'dist/esm/ObjectControl.js');
    writeFileSync(file, readFileSync(file, 'utf8').replace('validate = () => {', 'validate() {'));
    expect(objectWidgetProblems(temp)).toEqual([expect.stringContaining('validate')]);
    expect(() => assertObjectWidgetHolds(temp)).toThrow(/^decap-cms-widget-object \d+\.\d+\.\d+：/);
  });
});

describe("Decap's string and text widgets, wrapped so nothing typed is lost", () => {
  const root = (pkg: string) => dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));

  it('finds the shapes typing.ts relies on, and stops naming the package when the caret fix changes', () => {
    expect(stringWidgetProblems()).toEqual([]);
    temp = mkdtempSync(join(tmpdir(), 'czzx-decap-'));
    cpSync(root('decap-cms-widget-string'), temp, { recursive: true });
    const file = join(temp, 'dist/esm/StringControl.js');
    writeFileSync(file, readFileSync(file, 'utf8').replace('componentDidUpdate() {', 'componentDidUpdate(prev) {'));
    expect(stringWidgetProblems(temp)).toEqual([expect.stringContaining('componentDidUpdate')]);
    expect(() => assertStringWidgetHolds(temp)).toThrow(/^decap-cms-widget-string \d+\.\d+\.\d+：/);
  });
});
