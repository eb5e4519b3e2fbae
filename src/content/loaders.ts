import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { isPlainBuild } from '../integrations/build-mode.ts';
import { FileFacts } from '../integrations/file-facts.ts';
import { assertKept, keepingUnchanged } from '../integrations/internals/astro-glob-loader.ts';
import { assertSanitised, sanitizingStore } from '../integrations/internals/sanitizing-store.ts';
import { bodyOf, frontmatterLines, guardMdx } from '../lib/mdx-guard.ts';
import { parseMdxForBuild } from '../lib/mdx-parse.ts';
import { contentDir } from '../lib/paths.ts';
import { holdStore } from './held-stores.ts';
import { resetRegistry } from './registry.ts';
import { entryCodeDigest } from './code-digest.ts';
import { changedPattern, planFolder, recordLoaded } from './unchanged-files.ts';
import { ContentError, parseYaml, shown } from './errors.ts';
import {
  FILE_POSITION,
  ID_PATTERN,
  type FolderCollection,
  type SettingsCollection,
  type TaxonomyCollection,
} from './model.ts';

const ID_RE = new RegExp(ID_PATTERN);

/**
 * Ids an entry of `folder` must not take: the names of the site's own pages beside the entries' (`/news/tags/`), read
 * from `src/pages/<folder>/`. Astro gives such a URL to the page and only warns, so the entry would silently be missing.
 */
function reservedIds(folder: string): Set<string> {
  const dir = resolve('src/pages', folder);
  if (!existsSync(dir)) return new Set();
  const names = readdirSync(dir).filter((f) => !/^[[_.]/.test(f));
  return new Set(names.map((f) => f.replace(/\.(astro|ts|md)$/, '')).filter((f) => f !== 'index'));
}

/**
 * A folder of Markdown entries. Ids come from the file name, which must be ASCII so URLs stay stable and readable;
 * after loading, proposal numbers are checked to be unique across files.
 */
export function folderLoader(c: FolderCollection): Loader {
  const base = join(contentDir(), c.folder);
  const reserved = reservedIds(c.folder);
  const ext = c.format === 'mdx' ? '.mdx' : '.md';
  const idOf = (entry: string) => entry.slice(0, -ext.length);
  const globOf = (pattern: string | string[]) =>
    glob({
      base,
      // Markdown only, except in a collection declared MDX: MDX runs code from content and its output bypasses the
      // sanitiser, so those files pass the guard first (`guardMdxFiles`).
      pattern,
      // The pages show the rendered body and search reads its text (`Entry` in src/data/content.ts): the Markdown kept
      // beside it was a third of the content store (docs/benchmarks.md#store-from-disk), serialised, read and parsed by
      // every build for nothing.
      retainBody: false,
      generateId: ({ entry }) => {
        const id = idOf(entry);
        if (!ID_RE.test(id)) {
          throw new ContentError(
            join(base, entry),
            '文件名只能用小写英文字母、数字和连字符（如 2025-02-23-weiyuan-zhijia.md），不能用中文或空格',
          );
        }
        if (reserved.has(id)) {
          throw new ContentError(
            join(base, entry),
            `文件名“${id}”与网站页面 /${c.folder}/${id}/ 重名，此文将无法显示；请换一个文件名`,
          );
        }
        return id;
      },
    });
  const whole = globOf(`**/*${ext}`);
  return {
    name: `${c.name}-loader`,
    load: async (ctx: LoaderContext) => {
      resetRegistry();
      holdStore(ctx);
      // Entries parsed by other code than this build's are parsed again (see code-digest.ts).
      const code = entryCodeDigest();
      if (ctx.meta.get('entry-code') !== code) {
        ctx.store.clear();
        ctx.meta.set('entry-code', code);
      }
      // Until every folder's entries are in and checked, the store is not saved (see holdingSave).
      await holdingSave(ctx.meta, 'entry-code', async () => {
        if (c.format === 'mdx') guardMdxFiles(base);
        // The files unchanged since the entries the store holds are not read again (unchanged-files.ts): the glob
        // loader reads and parses every file to find the changed ones, 5 s of a one-story rebuild at 100,000
        // documents. Not in dev, where the loader's patterns also choose what its watcher reloads, nor for MDX, whose
        // entries render later.
        const facts =
          ctx.watcher || c.format === 'mdx' || isPlainBuild()
            ? undefined
            : new FileFacts<string>(join(fileURLToPath(ctx.config.cacheDir), 'entry-files', `${c.name}.json`), code);
        const plan = facts && planFolder(base, ext, idOf, ctx.store, facts);
        const store = sanitizingStore(ctx.store);
        const [loader, seen] = plan?.partial
          ? [globOf(changedPattern(plan.changed)), keepingUnchanged(store, plan.unchanged)]
          : [whole, store];
        // A folder whose files are all unchanged is left as the store holds it, but for entries of deleted files.
        if (plan?.partial && plan.changed.length === 0) {
          for (const id of [...ctx.store.keys()]) if (!plan.unchanged.has(id)) ctx.store.delete(id);
        } else await loader.load({ ...ctx, store: seen });
        if (plan?.partial) {
          assertKept(ctx.store, plan.unchanged, c.label);
          ctx.logger.info(
            `${plan.changed.length} changed file(s) read, ${plan.unchanged.size} unchanged left as stored`,
          );
        }
        if (plan && facts) recordLoaded(plan, idOf, ctx.store, facts);
        // MDX bodies are never stored rendered: they compile to components when a page renders, so what keeps them
        // safe is the guard above (only the site's own components, no HTML, imports or expressions), not the sanitiser.
        if (c.format !== 'mdx') assertSanitised(ctx.store, c.label);
        if (c.name === 'proposals') assertUniqueNumbers(ctx);
        if (c.name === 'paper') assertIssuesNamedByDate(ctx);
      });
    },
  };
}

/** Below Astro's 500 ms delay before it saves the content store after a change. */
const HOLD_EVERY_MS = 200;

/** Loads under way that hold the save, and the timer that holds it while any is (one for all of them). */
let holding = 0;
let holdTimer: ReturnType<typeof setInterval> | undefined;

/**
 * Runs `load` while setting the meta entry `key` to its own value every 200 ms, so that Astro's content store is not
 * saved in the middle of the sync. Astro saves the whole store (tens of MB of devalue at 20,000 documents) 500 ms
 * after the last change; the glob loader changes nothing for unchanged files, so while it reads thousands of them the
 * timer fired after the first change and the store was serialised a second time, on the thread doing the sync
 * (docs/benchmarks.md#store-saved-once). Re-setting a value leaves the store as it was, so the one save at the end of
 * the sync writes the same file; if Astro stops deferring its save on `meta.set`, the build is only slower. Off in the
 * plain build (build-mode.ts).
 *
 * Astro runs the collections' loaders side by side, and a loader's checks after its entries are in (a few hundred ms
 * over 100,000 entries) let the timer fire between them: so the hold lasts while any folder loader is still loading,
 * with one timer for all of them.
 */
export async function holdingSave<T>(meta: LoaderContext['meta'], key: string, load: () => Promise<T>): Promise<T> {
  const value = meta.get(key);
  if (value === undefined || isPlainBuild()) return load();
  holding++;
  holdTimer ??= setInterval(() => meta.set(key, value), HOLD_EVERY_MS);
  try {
    return await load();
  } finally {
    if (--holding === 0) {
      clearInterval(holdTimer);
      holdTimer = undefined;
    }
  }
}

/**
 * Every MDX file of a folder passes the guard (`src/lib/mdx-guard.ts`) before Astro compiles any of them: an `import`,
 * an expression or a component not on the list would otherwise run in the build. (In dev, an edit is compiled by the
 * MDX plugin as it happens; the guard runs again on the next build.)
 */
function guardMdxFiles(base: string): void {
  if (!existsSync(base)) return;
  for (const name of readdirSync(base, { recursive: true }) as string[]) {
    if (!name.endsWith('.mdx')) continue;
    const file = join(base, name);
    const text = readFileSync(file, 'utf8');
    const { problems } = guardMdx(bodyOf(text), parseMdxForBuild, frontmatterLines(text));
    if (problems.length) throw new ContentError(file, problems.join('；'));
  }
}

function assertUniqueNumbers(ctx: LoaderContext): void {
  const seen = new Map<string, string>();
  for (const entry of ctx.store.values()) {
    const number = String(entry.data.number);
    const file = entry.filePath ?? entry.id;
    const other = seen.get(number);
    if (other) throw new ContentError(file, `number（提案编号）“${number}”重复，已用于 ${other}`);
    seen.set(number, file);
  }
}

/** An issue's file is named by its date, which is its address; no two issues share a number. */
function assertIssuesNamedByDate(ctx: LoaderContext): void {
  const numbers = new Map<number, string>();
  for (const entry of ctx.store.values()) {
    const file = entry.filePath ?? entry.id;
    const { date, number } = entry.data as { date: string; number: number };
    if (date !== entry.id)
      throw new ContentError(file, `date（出版日期）“${date}”与文件名不符：文件应命名为 ${date}.md`);
    const other = numbers.get(number);
    if (other) throw new ContentError(file, `number（期号）“${number}”重复，已用于 ${other}`);
    numbers.set(number, file);
  }
}

async function readYaml(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ContentError(file, '文件不存在或无法读取');
  }
  return parseYaml(text, file);
}

/** Load items from a YAML file into the store, watching the file in dev so edits in the CMS show up. */
function yamlLoader(
  name: string,
  file: string,
  items: (data: unknown, file: string) => { id: string; data: Record<string, unknown> }[],
): Loader {
  return {
    name,
    load: async (ctx) => {
      holdStore(ctx);
      const sync = async () => {
        const list = items(await readYaml(file), file);
        ctx.store.clear();
        for (const [position, { id, data }] of list.entries()) {
          const parsed = await ctx.parseData({ id, data, filePath: file });
          // Astro hands a collection back sorted by id; editors order a taxonomy in its file (the 机构设置 page lists
          // committees as the file does), so each item carries its place, which getTaxonomy sorts by and drops.
          ctx.store.set({ id, data: { ...parsed, [FILE_POSITION]: position }, filePath: shown(file) });
        }
      };
      await sync();
      ctx.watcher?.add(file);
      ctx.watcher?.on('change', async (changed) => {
        if (changed === file) {
          resetRegistry();
          await sync();
        }
      });
    },
  };
}

/** A taxonomy file: `items:` holding objects with a unique `id`. */
export function taxonomyLoader(c: TaxonomyCollection): Loader {
  return yamlLoader(`${c.name}-loader`, join(contentDir(), c.file), (data, file) => {
    const list = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(list)) throw new ContentError(file, 'items（条目）缺失，文件应以 “items:” 开头列出各条目');
    const seen = new Set<string>();
    return list.map((raw, i) => {
      const item = (raw ?? {}) as Record<string, unknown>;
      const id = typeof item.id === 'string' ? item.id : '';
      if (!id) throw new ContentError(file, `items[${i}].id（编号）为必填项`);
      if (seen.has(id)) throw new ContentError(file, `items[${i}].id（编号）“${id}”重复`);
      seen.add(id);
      return { id, data: item };
    });
  });
}

/** The single settings file, stored as one entry with id `site`. */
export function settingsLoader(c: SettingsCollection): Loader {
  return yamlLoader('settings-loader', join(contentDir(), c.file), (data, file) => {
    if (!data || typeof data !== 'object') throw new ContentError(file, '网站设置文件为空');
    return [{ id: 'site', data: data as Record<string, unknown> }];
  });
}
