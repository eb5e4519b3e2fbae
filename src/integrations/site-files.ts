import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

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
