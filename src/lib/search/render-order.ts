import { planParts, type IndexedPage, type Part } from './parts.ts';

/**
 * The month each searchable page is indexed under (`2025-03`, as its sort key gives it), known before any page is rendered, so the build can render the
 * pages one index part after another and index a finished part while it renders the next (src/integrations/
 * search-preindex.ts). The page routes note their pages while Astro collects the static paths; they run in Astro's
 * bundle of the site, the build step in Astro's own modules, so the notes are kept on `globalThis`.
 */
const NOTES = Symbol.for('czzx.search.pageMonths');

type Notes = Map<string, string>;
const notes = (): Notes => ((globalThis as { [NOTES]?: Notes })[NOTES] ??= new Map());

/** A page path as a request's pathname or a static path gives it: `/news/x/`, `/news/x`, percent-encoded or not. */
function normalise(path: string): string {
  let p = path;
  try {
    p = decodeURI(path);
  } catch {
    // Left as given: a malformed escape is compared as it is.
  }
  return p.endsWith('/') ? p : `${p}/`;
}

/** Records the search month (`2025-03`) of each page path (a route's pages), for `renderOrder`. */
export function notePageMonths(entries: Iterable<readonly [path: string, month: string]>): void {
  const n = notes();
  for (const [path, month] of entries) n.set(normalise(path), month);
}

/** The months noted so far, and forgets them (a build reads them once). */
export function takePageMonths(): Map<string, string> {
  const n = new Map(notes());
  notes().clear();
  return n;
}

/** The output file of a page path in the `directory` build format: `/news/x/` → `news/x/index.html`. */
export function pageFile(path: string): string {
  return `${normalise(path).slice(1)}index.html`;
}

/** A run of pages that together make one part of the search index. */
export interface RenderGroup {
  /** The part's id, as `planParts` names it. */
  id: string;
  /** Output files of the part's pages (`news/x/index.html`). */
  files: string[];
}

/**
 * Orders the static paths for rendering: the pages of each index part together, the smallest part first (so indexing
 * starts early), then every page that is not searchable (lists, feeds), which the build renders while parts are
 * indexed. Parts are planned as the index plans them (`plan`, or `planParts` with that cap), from the noted months; paths keep Astro's order
 * within a group. Returns the paths and the groups in rendering order.
 */
export function renderOrder<T extends { pathname: string }>(
  paths: readonly T[],
  months: ReadonlyMap<string, string>,
  plan: number | ((pages: IndexedPage[]) => Part[]),
): { ordered: T[]; groups: RenderGroup[] } {
  const noted: IndexedPage[] = [];
  for (const p of paths) {
    const month = months.get(normalise(p.pathname));
    if (month !== undefined) noted.push({ file: pageFile(p.pathname), month, digest: '' });
  }
  const parts = (typeof plan === 'number' ? planParts(noted, plan) : plan(noted)).sort(
    (a, b) => a.pages.length - b.pages.length,
  );
  const groupOf = new Map<string, number>();
  for (const [i, part] of parts.entries()) for (const page of part.pages) groupOf.set(page.file, i);
  const rank = new Map(paths.map((p) => [p, groupOf.get(pageFile(p.pathname)) ?? parts.length]));
  // Array.prototype.sort is stable, so each group keeps Astro's order.
  const ordered = [...paths].sort((a, b) => rank.get(a)! - rank.get(b)!);
  return { ordered, groups: parts.map((part) => ({ id: part.id, files: part.pages.map((p) => p.file) })) };
}
