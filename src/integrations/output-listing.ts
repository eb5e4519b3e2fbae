import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Kept like Astro keeps it: an output folder may be a checkout that a deploy pushes. */
export const KEEP = new Set(['.git']);

/** What the output folder holds, paths relative to it with forward slashes; `empty`: folders holding nothing. */
export interface OutputListing {
  files: string[];
  dirs: string[];
  empty: string[];
}

/**
 * Every file and folder of the output folder but those of `leave` (folders a later step of the build owns and makes
 * exact: `pagefind`, `admin/cms`) and `.git`.
 */
export function listOutput(outDir: string, leave: readonly string[] = []): OutputListing {
  const listing: OutputListing = { files: [], dirs: [], empty: [] };
  if (!existsSync(outDir)) return listing;
  const holding = new Set<string>();
  const skip = new Set([...KEEP, ...leave.filter((l) => !l.includes('/'))]);
  const deeper = leave.filter((l) => l.includes('/'));
  const visit = (e: Dirent): void => {
    const rel = relative(outDir, join(e.parentPath, e.name)).split(sep).join('/');
    holding.add(rel.slice(0, Math.max(0, rel.lastIndexOf('/'))));
    if (deeper.some((l) => rel === l || rel.startsWith(`${l}/`))) return;
    (e.isDirectory() ? listing.dirs : listing.files).push(rel);
  };
  for (const top of readdirSync(outDir, { withFileTypes: true })) {
    if (skip.has(top.name)) continue;
    visit(top);
    if (top.isDirectory())
      for (const e of readdirSync(join(outDir, top.name), { withFileTypes: true, recursive: true })) visit(e);
  }
  listing.empty = listing.dirs.filter((d) => !holding.has(d));
  return listing;
}
