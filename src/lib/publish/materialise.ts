import { createHash } from 'node:crypto';
import {
  copyFileSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
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
  // Folder by folder, the file types coming with each folder's listing: Node's recursive listing costs more CPU at
  // tens of thousands of files (docs/benchmarks.md#where-a-one-story-rebuild-at-20000-documents-goes-now).
  const walk = (folder: string, prefix: string): void => {
    for (const e of readdirSync(folder, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(folder, e.name), `${prefix}${e.name}/`);
      else if (e.isFile()) files.push(prefix + e.name);
    }
  };
  walk(dir, '');
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
 * Fingerprints are carried over for files left in place and computed for the rest. Files in `prelinked` are links to
 * the previous release's copies made ahead (`prelink`): kept where the rule above links, replaced by a copy where it
 * does not, deleted (with the folders left empty) where the build no longer has them, so the result is the same.
 */
export function materialise(
  build: string,
  release: string,
  previous?: { dir: string; manifest: Manifest },
  prelinked: ReadonlySet<string> = new Set(),
): Materialised {
  const files: Manifest['files'] = {};
  const pages: Record<string, PageRecord> = {};
  let linked = 0;
  let copied = 0;
  const made = new Set<string>();
  const built = listFiles(build);
  dropStale(release, prelinked, new Set(built));
  for (const rel of built) {
    const from = join(build, rel);
    const to = join(release, rel);
    const folder = dirname(to);
    // A file linked ahead has its folder already.
    if (!made.has(folder) && !prelinked.has(rel)) {
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
      if (prelinked.has(rel)) {
        reused = true;
        linked++;
      } else {
        try {
          linkSync(before, to);
          reused = true;
          linked++;
        } catch {
          // The previous release lost the file (pruned while we ran, or another file system): copy instead.
        }
      }
    }
    if (!reused) {
      // Never written through a link into another release.
      rmSync(to, { force: true });
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

/**
 * Hard-links every file of the previous release into `release`, the folder the next release is made in, while the
 * staging build runs (`npm run publish` starts this beside the build; the build is another process). After a
 * one-story edit almost every file of the next release is one of these links, so `materialise` then only checks them
 * and replaces the few the build changed, instead of making tens of thousands of folders and links after the build.
 * Gives way to the event loop every few hundred files, so the build's log keeps flowing. Returns the files linked.
 */
export async function prelink(previous: { dir: string; manifest: Manifest }, release: string): Promise<Set<string>> {
  const done = new Set<string>();
  const made = new Set<string>();
  let n = 0;
  for (const rel of Object.keys(previous.manifest.files)) {
    if (++n % 500 === 0) await new Promise((r) => setImmediate(r));
    const to = join(release, rel);
    const folder = dirname(to);
    try {
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      linkSync(join(previous.dir, rel), to);
      done.add(rel);
    } catch {
      // Missing from the previous release, or a name that is a folder there: `materialise` copies it as usual.
    }
  }
  return done;
}

/** Deletes the files linked ahead that the build no longer has, then the folders that leaves empty. */
function dropStale(release: string, prelinked: ReadonlySet<string>, built: ReadonlySet<string>): void {
  const folders = new Set<string>();
  for (const rel of prelinked) {
    if (built.has(rel)) continue;
    unlinkSync(join(release, rel));
    for (let d = dirname(rel); d !== '.'; d = dirname(d)) folders.add(d);
  }
  // Deepest first, so a folder holding only emptied folders goes too.
  for (const d of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(join(release, d));
    } catch {
      // Not empty: it still holds files of this release.
    }
  }
}
