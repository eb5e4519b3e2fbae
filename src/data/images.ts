import { readFileSync } from 'node:fs';
import { responsiveBody } from '../lib/images/body.ts';
import { MANIFEST_ENV, pictureOf, type Manifest, type Picture } from '../lib/images/plan.ts';
import { mediaNames } from '../lib/unused-media.ts';

/**
 * The photos the build prepared (src/integrations/images.ts), as pages use them. Outside a build (`astro dev`, unit
 * tests) there is no manifest: photos are shown as uploaded.
 */

let loaded: { key: string; manifest: Manifest } | undefined;
function manifest(): Manifest {
  const key = process.env[MANIFEST_ENV];
  if (!key) return {};
  if (loaded?.key !== key) loaded = { key, manifest: JSON.parse(readFileSync(key.replace(/\?[^?]*$/, ''), 'utf8')) };
  return loaded.manifest;
}

/** `sizes` of a photo as wide as the article column (max-w-3xl, 768 px, less the page's padding on a phone). */
export const ARTICLE_SIZES = '(min-width: 800px) 768px, calc(100vw - 2rem)';
/** A card of the 专题 list or the home page's lead story: a third or two thirds of the page on a desktop. */
export const CARD_SIZES = '(min-width: 1024px) 360px, (min-width: 640px) 50vw, calc(100vw - 2rem)';
export const LEAD_SIZES = '(min-width: 1024px) 740px, calc(100vw - 2rem)';
/** A gallery photo in a 专题: two or three to a row on wider screens. */
export const GALLERY_SIZES = '(min-width: 800px) 376px, (min-width: 640px) 50vw, calc(100vw - 2rem)';

/** The responsive picture of a photo at `src` (`/media/…`), or undefined for one without variants (SVG, GIF). */
export function picture(src: string): Picture | undefined {
  const info = manifest()[src];
  return info && pictureOf(src, info);
}

/** A Markdown body with its photos responsive, each linked to its original (src/lib/images/body.ts). */
export function responsiveHtml(html: string, sizes = ARTICLE_SIZES): string {
  return responsiveBody(html, picture, sizes);
}

/** The address of a photo for Open Graph and feeds: its fallback variant (960 px at most), else the upload itself. */
export function shareImage(src: string): string {
  return picture(src)?.src ?? src;
}

/**
 * Digests of the photos a text (an entry's data as JSON and its body) names, for page cache keys
 * (src/data/cache-keys.ts): a photo replaced under the same name gets new variants, so every page showing it is
 * rendered again.
 */
export function photoDigests(text: string): string[] {
  if (!text.includes('/media/')) return [];
  const all = manifest();
  return mediaNames(text).flatMap((n) => all[`/media/${n}`]?.digest ?? []);
}
