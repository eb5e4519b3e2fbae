import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Top-level folders of a built site that hold no pages: the search index and the CMS. */
const NOT_PAGES = new Set(['pagefind', 'admin']);

/**
 * Every file of a built site as a path under it with forward slashes (`news/x/index.html`), leaving out the search
 * index and the CMS, which are not the site's pages. Their folders are not even entered: the link check walks the
 * site while the index step moves regrouped parts away, and a walk into a moved part failed the build.
 */
export function siteFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((top) => !(top.isDirectory() && NOT_PAGES.has(top.name)))
    .flatMap((top) =>
      top.isDirectory() ? readdirSync(join(root, top.name), { withFileTypes: true, recursive: true }) : [top],
    )
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'));
}

/**
 * The files `astro:build:done` lists as written (its `assets`: every page of every route, rendered or kept by the
 * incremental build), as paths under the output folder `root` with forward slashes. The output folder's prune deletes
 * every other file the build did not write (output-folder.ts), so this is the site's pages without walking its folder:
 * 230,000 entries at 100,000 documents.
 */
export function assetFiles(root: string, assets: ReadonlyMap<string, readonly URL[]>): string[] {
  const files: string[] = [];
  for (const urls of assets.values()) {
    // The output folder's prune and the search index both ask. Astro hands each integration a map of its own, but
    // of the same lists of URLs, one per route.
    let known = listed.get(urls);
    if (known?.root !== root || known.files.length !== urls.length) {
      known = { root, files: urls.map((url) => relative(root, fileURLToPath(url)).split(sep).join('/')) };
      listed.set(urls, known);
    }
    for (const f of known.files) files.push(f);
  }
  return files;
}
const listed = new WeakMap<readonly URL[], { root: string; files: readonly string[] }>();

/** Makes the folder of each file about to be written, each folder once: an index part or a staged part is thousands of files. */
export function folderMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
  };
}

/** Places hard links (copies across file systems; neither the build nor Pagefind rewrites a file in place). */
function linker(): (from: string, to: string) => void {
  const folderOf = folderMaker();
  return (from, to) => {
    folderOf(to);
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  };
}

/**
 * Puts every file under `from` at the same place under `to`, as hard links: copying an index part's thousands of small
 * files to and from the build cache took half of a re-index (docs/benchmarks.md#search-index-files). `skip` leaves out files by their
 * path under `from` (forward slashes).
 */
export function linkTree(from: string, to: string, skip: (rel: string) => boolean = () => false): void {
  const link = linker();
  for (const e of readdirSync(from, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = relative(from, join(e.parentPath, e.name));
    if (!skip(rel.split(sep).join('/'))) link(join(from, rel), join(to, rel));
  }
}
