import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
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

/**
 * A file's fingerprint for telling whether a release differs from the one before: the SHA-256 of its bytes, except
 * that in data files (JSON, XML, CSV) UTC time stamps are left out, since builds stamp those with their own time
 * (`"generated": "…Z"` in proposals.json) and a run that changed nothing else must not make a release.
 */
export function fingerprint(rel: string, bytes: Buffer): string {
  const h = createHash('sha256');
  if (/\.(json|xml|csv)$/.test(rel))
    h.update(bytes.toString('utf8').replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, ''));
  else h.update(bytes);
  return h.digest('hex');
}

/**
 * Makes `release` a copy of the staging build `build`. A file whose size and modification time are those the
 * previous release recorded for it (the build left it in place), or that is named by its content, or that holds the
 * same bytes, is hard-linked to the previous release's copy. Any other file is copied, never linked to the staging
 * folder, since the next build may rewrite a staging file in place, and a release must never change once made.
 * Fingerprints are carried over for files left in place and computed for the rest.
 */
export function materialise(
  build: string,
  release: string,
  previous?: { dir: string; manifest: Manifest },
): Materialised {
  const files: Manifest['files'] = {};
  const pages: Record<string, PageRecord> = {};
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
    const old = previous?.manifest.files[rel];
    const before = previous && join(previous.dir, rel);
    let hash = old?.[2] && old[0] === st.size && (old[1] === st.mtimeMs || namedByContent(rel)) ? old[2] : undefined;
    let bytes: Buffer | undefined;
    if (!hash) {
      bytes = readFileSync(from);
      hash = fingerprint(rel, bytes);
    }
    // Left in place, named by its content, or written again with the same bytes (the pages every build renders).
    let reused = false;
    if (before && old && old[0] === st.size && (!bytes || sameBytes(bytes, before))) {
      try {
        linkSync(before, to);
        reused = true;
        linked++;
      } catch {
        // The previous release lost the file (pruned while we ran, or another file system): copy instead.
      }
    }
    if (!reused) {
      if (bytes) writeFileSync(to, bytes);
      else copyFileSync(from, to);
      utimesSync(to, st.atime, st.mtime);
      copied++;
    }
    files[rel] = [st.size, st.mtimeMs, hash];
    const url = pageUrl(rel);
    if (url !== undefined) pages[url] = { hash };
  }
  return { files, pages, linked, copied };
}

function sameBytes(bytes: Buffer, file: string): boolean {
  try {
    return bytes.equals(readFileSync(file));
  } catch {
    return false;
  }
}
