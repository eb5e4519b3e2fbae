import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { type Manifest, type PageRecord, pageUrl } from './manifest.ts';

/** What materialising a release produced and how much of the previous release it shared. */
export interface Materialised {
  files: Manifest['files'];
  /** Pages with their hash; source and title are filled in later. */
  pages: Record<string, PageRecord>;
  linked: number;
  copied: number;
}

/**
 * Files named by their content (Astro's hashed assets, the admin bundle, Pagefind's index, fragment, filter and
 * metadata files, which nginx caches for a year): the same name holds the same bytes, even when a build wrote the file
 * again (Pagefind rewrites every file of a part it indexes anew).
 */
export function namedByContent(rel: string): boolean {
  return /^(_astro|admin\/cms\/assets)\//.test(rel) || /\.pf_(fragment|index|filter|meta)$/.test(rel);
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) files.push(relative(dir, join(e.parentPath, e.name)).split(sep).join('/'));
  }
  return files.sort();
}

/** Hex SHA-256 of a file's bytes. */
export function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Makes `release` a copy of the staging build `build`. A file whose size and modification time are those the
 * previous release recorded for it (the build left it in place) is hard-linked to the previous release's copy; any
 * file named by its content is linked when its size matches; any other file is copied, never linked to the staging folder, since the next build may rewrite a staging file in place,
 * and a release must never change once made. Page hashes are carried over for linked pages and computed for the rest.
 */
export function materialise(build: string, release: string, previous?: { dir: string; manifest: Manifest }): Materialised {
  const files: Manifest['files'] = {};
  const pages: Record<string, PageRecord> = {};
  const prevHash = new Map<string, string>();
  if (previous) for (const [url, p] of Object.entries(previous.manifest.pages)) prevHash.set(url, p.hash);
  let linked = 0;
  let copied = 0;
  const made = new Set<string>();
  for (const rel of listFiles(build)) {
    const from = join(build, rel);
    const to = join(release, rel);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const st = statSync(from);
    const stamp: [number, number] = [st.size, st.mtimeMs];
    files[rel] = stamp;
    const old = previous?.manifest.files[rel];
    let reused = false;
    if (previous && old && old[0] === stamp[0] && (old[1] === stamp[1] || namedByContent(rel))) {
      try {
        linkSync(join(previous.dir, rel), to);
        reused = true;
        linked++;
      } catch {
        // The previous release lost the file (pruned while we ran, or another file system): copy instead.
      }
    }
    if (!reused) {
      copyFileSync(from, to);
      utimesSync(to, st.atime, st.mtime);
      copied++;
    }
    const url = pageUrl(rel);
    if (url !== undefined) {
      const hash = reused ? prevHash.get(url) : undefined;
      pages[url] = { hash: hash ?? hashFile(to) };
    }
  }
  return { files, pages, linked, copied };
}
