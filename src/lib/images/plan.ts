/**
 * Which smaller copies (variants) of an uploaded photo the build makes, and how a page offers them. Plain TypeScript:
 * the build step (src/integrations/images.ts) makes the files, pages and bodies (src/data/images.ts) name them.
 *
 * Readers are mostly on phones and often on slow mobile data, so a page offers each photo in a few widths and lets the
 * browser pick by its screen; the original stays one tap away.
 */

/** Widths made of every photo wider than them: a phone (480), a phone at 2× or a tablet (960), a desktop (1600). */
export const VARIANT_WIDTHS = [480, 960, 1600] as const;

/** Raster formats the build reads; GIF is left as uploaded (it may be animated) and SVG needs no variants. */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'avif';
export type VariantFormat = 'webp' | 'jpeg' | 'png';

/** What the build knows of a source image: size, format, transparency and the digest of its bytes. */
export interface ImageInfo {
  width: number;
  height: number;
  format: SourceFormat;
  alpha: boolean;
  /** Hex digest of the file's bytes: variants are named by it, so a replaced photo gets new names. */
  digest: string;
}

export interface Variant {
  width: number;
  height: number;
  format: VariantFormat;
  /** Address under the site's root, `/_img/<name>.<digest>.<width>.<ext>`. */
  url: string;
}

/** The folder of the built site (and of the build cache) holding the variants; nginx caches it for a year. */
export const VARIANT_FOLDER = '_img';

/** File extension of a raster source, by name; undefined for what gets no variants (SVG, GIF, anything else). */
export function sourceFormatOf(path: string): SourceFormat | undefined {
  const ext = path.split('.').pop()?.toLowerCase();
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  if (ext === 'png' || ext === 'webp' || ext === 'avif') return ext;
  return undefined;
}

/**
 * The widths made of a source `width` pixels wide: each standard width clearly smaller than it (under 90%, so no
 * variant is a near copy of the next), and the largest the source allows, up to 1600. Never wider than the source.
 */
export function variantWidths(width: number): number[] {
  const top = Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1]!);
  const below = VARIANT_WIDTHS.filter((w) => w < top * 0.9);
  return [...below, top];
}

/**
 * The formats made: WebP for every browser of the last years (about a third smaller than JPEG at the same look;
 * AVIF is smaller still but took ten times as long to encode on the build machine's two cores), and a fallback in
 * the source's own kind for the old phones that lack WebP: PNG where the image has transparency, else JPEG. A WebP
 * source needs no fallback: a browser without WebP could not show the original either.
 */
export function variantFormats(info: Pick<ImageInfo, 'format' | 'alpha'>): VariantFormat[] {
  if (info.format === 'webp') return ['webp'];
  return ['webp', info.alpha ? 'png' : 'jpeg'];
}

const EXT: Record<VariantFormat, string> = { webp: 'webp', jpeg: 'jpg', png: 'png' };

/** File name of a variant, from the source's name (readable when saved) and its digest (new bytes, new name). */
export function variantName(src: string, digest: string, width: number, format: VariantFormat): string {
  const stem = (src.split('/').pop() ?? 'image').replace(/\.[^.]+$/, '');
  return `${stem}.${digest}.${width}.${EXT[format]}`;
}

/** Every variant of a source at `src` (`/media/…`), smallest first within each format. */
export function planVariants(src: string, info: ImageInfo): Variant[] {
  const widths = variantWidths(info.width);
  return variantFormats(info).flatMap((format) =>
    widths.map((width) => ({
      width,
      height: Math.max(1, Math.round((info.height * width) / info.width)),
      format,
      url: `/${VARIANT_FOLDER}/${variantName(src, info.digest, width, format)}`,
    })),
  );
}

/** What a page writes for a photo: `<picture>` with a WebP `<source>` and an `<img>` in the fallback format. */
export interface Picture {
  /** The photo as uploaded, for the link that opens it whole. */
  original: string;
  width: number;
  height: number;
  /** `<source type srcset>` before the `<img>`; empty when the fallback is WebP itself. */
  sources: { type: string; srcset: string }[];
  src: string;
  srcset: string;
}

const srcset = (vs: readonly Variant[]) => vs.map((v) => `${v.url} ${v.width}w`).join(', ');

/** Width of the `src` a browser without `srcset` loads: 960 when made (sharp enough at any size), else the largest. */
const DEFAULT_WIDTH = 960;

/** The markup's values for a source: variants by format, the `<img>` in the fallback format at a middle width. */
export function pictureOf(src: string, info: ImageInfo): Picture {
  const variants = planVariants(src, info);
  const [modern, fallback = modern] = variantFormats(info);
  const of = (f: VariantFormat | undefined) => variants.filter((v) => v.format === f);
  const img = of(fallback);
  const chosen = img.find((v) => v.width === DEFAULT_WIDTH) ?? img[img.length - 1]!;
  return {
    original: src,
    width: info.width,
    height: info.height,
    sources: fallback === modern ? [] : [{ type: `image/${modern}`, srcset: srcset(of(modern)) }],
    src: chosen.url,
    srcset: srcset(img),
  };
}

/** The variant a feed reader gets: absolute, in the fallback format (any reader shows it), 960 wide or less. */
export function feedImageUrl(src: string, info: ImageInfo, site: string): string {
  return new URL(pictureOf(src, info).src, site).href;
}

/** Every photo the build prepared, by its address (`/media/…`). */
export type Manifest = Record<string, ImageInfo>;

/**
 * Where the pages find the manifest while they render (the build and the pages share one process): the file's path,
 * then `?` and the build's start, so a second build in one process reads the new one.
 */
export const MANIFEST_ENV = 'CZZX_IMAGE_MANIFEST';
