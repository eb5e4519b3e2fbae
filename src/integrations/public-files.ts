import {
  copyFileSync,
  type Dirent,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  type Stats,
  statSync,
  utimesSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Vite copies the whole public folder (the editors' uploads under `media/`: every photo and PDF of the archive) into
 * the output folder at the start of every build, each file a new copy with a new time, so `npm run publish` then read
 * and compared every upload again to find it unchanged. With the output folder kept between builds
 * (src/integrations/output-folder.ts), this plugin turns that copy off (Vite's `configEnvironment` hook, for the
 * client build, which Astro sets to copy) and `syncPublic` puts in only what changed, with the source's time.
 */
export function noPublicCopy(): Plugin {
  return {
    name: 'czzx-no-public-copy',
    apply: 'build',
    configEnvironment(name) {
      return name === 'client' ? { build: { copyPublicDir: false } } : undefined;
    },
  };
}

/**
 * Makes every file of `publicDir` present in `outDir` as Vite's copy would, unless `written` holds its path (a page of
 * this build at the same place wins, as it does over Vite's copy, which comes first). A file whose size and time are
 * its source's is left in place; any other is replaced by a new copy (a new file, never written through) given the
 * source's time. Returns the paths under `outDir`, forward slashes, of every public file, copied or left.
 */
export function syncPublic(publicDir: string, outDir: string, written: ReadonlySet<string>): string[] {
  const root = resolve(publicDir);
  const out = resolve(outDir);
  const files: string[] = [];
  if (!existsSync(root)) return files;
  const entries: Dirent[] = readdirSync(root, { withFileTypes: true, recursive: true });
  const made = new Set<string>();
  for (const e of entries) {
    const from = join(e.parentPath, e.name);
    // Like Vite's copy, which follows links.
    if (e.isDirectory() || from === out || from.startsWith(`${out}/`)) continue;
    const src = statSync(from);
    if (src.isDirectory()) continue;
    const rel = from
      .slice(root.length + 1)
      .split('\\')
      .join('/');
    if (written.has(rel)) continue;
    files.push(rel);
    const to = join(out, rel);
    let dest: Stats | undefined;
    try {
      dest = statSync(to);
    } catch {
      dest = undefined;
    }
    // Within a millisecond: a time set from a number of seconds need not come back to the nanosecond.
    if (dest?.isFile() && dest.size === src.size && Math.abs(dest.mtimeMs - src.mtimeMs) < 1) continue;
    if (!made.has(dirname(to))) {
      mkdirSync(dirname(to), { recursive: true });
      made.add(dirname(to));
    }
    rmSync(to, { force: true });
    copyFileSync(from, to);
    utimesSync(to, src.atimeMs / 1000, src.mtimeMs / 1000);
  }
  return files;
}
