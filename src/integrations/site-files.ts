import { copyFileSync, linkSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Every file of a built site as a path under it with forward slashes (`news/x/index.html`), leaving out the search
 * index and the CMS, which are not the site's pages.
 */
export function siteFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((f) => !f.startsWith('pagefind/') && !f.startsWith('admin/'));
}

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
