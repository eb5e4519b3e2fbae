import { resolve } from 'node:path';

/**
 * Folder holding the site's content. `CONTENT_DIR` lets the benchmark and the fixture tests build the real site code
 * over another folder without touching `content/`.
 */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR ?? 'content');
}

/** Folder served at the site root; uploaded media live in its `media/` folder. */
export function publicDir(): string {
  return resolve(process.env.PUBLIC_DIR ?? 'public');
}
