import type { AstroIntegration } from 'astro';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { digestOf } from '../lib/build-inputs.ts';
import {
  MANIFEST_ENV,
  planVariants,
  sourceFormatOf,
  VARIANT_FOLDER,
  type ImageInfo,
  type Manifest,
  type Variant,
} from '../lib/images/plan.ts';
import { mediaUses } from '../lib/images/users.ts';
import { contentDir, publicDir } from '../lib/paths.ts';
import { FileFacts } from './file-facts.ts';

/**
 * Responsive photos, at build: every raster image under public/media/ gets its variants (src/lib/images/plan.ts),
 * made by sharp into a cache (`variantCache()`) and named by the digest of the source's bytes, so a rebuild makes only
 * those of new or replaced photos and finds the rest by a directory listing. The digests are remembered by each file's identity
 * (file-facts.ts), so a rebuild does not read unchanged photos either. The list of photos with their sizes (the
 * manifest) is written before the pages render, which name the variants (src/data/images.ts); when the pages are
 * written, the variants are hard-linked into `<outDir>/_img/`, before the link check reads the pages.
 *
 * A photo sharp cannot read (truncated, corrupt, not what its name says) stops the build, naming the media file and
 * the content files and fields that use it.
 */

const QUALITY = {
  webp: { quality: 74, effort: 4 },
  jpeg: { quality: 78, mozjpeg: true },
  png: { compressionLevel: 9 },
};

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where variants are kept: `node_modules/.cache/czzx-images/<settings>/`, shared by every build on the machine (the
 * tests' and the benchmark's builds have caches of their own, and would each make every photo again). Names carry the
 * source's digest, the folder the encoder settings, so a shared file is always the right one.
 */
export function variantCache(): string {
  const base = process.env.IMAGE_CACHE_DIR ?? join(ROOT, 'node_modules/.cache/czzx-images');
  return join(base, digestOf(JSON.stringify(QUALITY)).slice(0, 8));
}

/**
 * The 数字报's page scans (media/paper/) are left as uploaded: the page zooms them to 3×, and its areas are placed on
 * the whole image.
 */
const WHOLE = ['paper/'];

function mediaFiles(media: string): string[] {
  if (!existsSync(media)) return [];
  return readdirSync(media, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && sourceFormatOf(e.name))
    .map((e) => relative(media, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((rel) => !rel.split('/').some((part) => part.startsWith('.')) && !WHOLE.some((w) => rel.startsWith(w)))
    .sort();
}

/** Every content file naming `/media/<name>`, with the field (see users.ts); read only when a photo is bad. */
function usesOf(name: string): string[] {
  const root = contentDir();
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(mdx?|ya?ml)$/.test(e.name))
    .flatMap((e) => {
      const rel = relative(root, join(e.parentPath, e.name)).split(sep).join('/');
      return mediaUses(rel, readFileSync(join(root, rel), 'utf8'), name);
    });
}

/**
 * Why sharp could not read a photo, in Chinese, naming the media file and where content uses it, on one line: libvips
 * reports each decoder warning on a line of its own, often the same one twice.
 */
export function unreadableMessage(name: string, reason: string, uses: readonly string[]): string {
  const where = uses.length ? `；使用它的内容：${uses.join('、')}` : '';
  const why = [...new Set(reason.split('\n').map((l) => l.trim()))].filter(Boolean).join('；');
  return `图片无法读取：public/media/${name} 不是完好的图片（${why}），请重新上传原图${where}`;
}

async function makeVariants(file: string, wanted: readonly Variant[], dir: string): Promise<void> {
  // rotate(): phones store photos sideways with an orientation tag; the variants are turned upright. sharp writes no
  // metadata unless asked, so a photo's GPS position and camera details stay out of the variants.
  const base = sharp(file).rotate();
  await Promise.all(
    wanted.map(async (v) => {
      const target = join(dir, v.url.split('/').pop()!);
      const temp = `${target}.${process.pid}.tmp`;
      const resized = base.clone().resize({ width: v.width, withoutEnlargement: true });
      await resized[v.format](QUALITY[v.format]).toFile(temp);
      renameSync(temp, target);
    }),
  );
}

async function readInfo(file: string, digest: string): Promise<ImageInfo> {
  const meta = await sharp(file).metadata();
  const format = sourceFormatOf(`x.${meta.format === 'heif' ? 'avif' : meta.format}`);
  if (!format || !meta.width || !meta.height) throw new Error(`无法识别的图片格式 ${meta.format ?? ''}`.trim());
  // Sizes as shown: a photo turned by its orientation tag swaps width and height.
  const turned = (meta.orientation ?? 1) >= 5;
  return {
    width: turned ? meta.height : meta.width,
    height: turned ? meta.width : meta.height,
    format,
    alpha: meta.hasAlpha === true,
    digest,
  };
}

/** Runs `task` over `items`, two at a time: sharp spreads each photo over its own threads, and the machine has two cores. */
async function eachTwo<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) await task(items[i]!);
  };
  await Promise.all([worker(), worker()]);
}

/**
 * Reads every raster photo of `public` (its `media/` folder) and returns the manifest once each photo's size is
 * known (from its header, or from the cache for a digest seen before), and `made`: the variants the cache lacks, made
 * while the pages render (they need only the sizes). Both fail with the Chinese message of `unreadableMessage` for
 * each photo that cannot be read.
 */
export async function prepareImages(
  publicRoot: string,
  cacheDir: string,
  dir = variantCache(),
): Promise<{ manifest: Manifest; made: Promise<number> }> {
  const media = join(publicRoot, 'media');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(cacheDir, 'images'), { recursive: true });
  const facts = new FileFacts<string>(join(cacheDir, 'images', 'digests.json'), 'sha256-20');
  const infoFile = join(dir, 'info.json');
  let known: Record<string, Omit<ImageInfo, 'digest'>> = {};
  try {
    known = JSON.parse(readFileSync(infoFile, 'utf8'));
  } catch {
    known = {};
  }
  const have = new Set(readdirSync(dir));
  const manifest: Manifest = {};
  const problems: string[] = [];
  const unreadable = (rel: string, e: unknown) =>
    problems.push(unreadableMessage(rel, e instanceof Error ? e.message : String(e), usesOf(rel)));
  const work: { rel: string; missing: Variant[] }[] = [];
  await eachTwo(mediaFiles(media), async (rel) => {
    const digest = facts.get(media, rel, (bytes) => digestOf(bytes).slice(0, 20));
    try {
      const info = known[digest] ? { ...known[digest], digest } : await readInfo(join(media, rel), digest);
      const missing = planVariants(`/media/${rel}`, info).filter((v) => !have.has(v.url.split('/').pop()!));
      if (missing.length) work.push({ rel, missing });
      const { digest: _, ...rest } = info;
      known[digest] = rest;
      manifest[`/media/${rel}`] = info;
    } catch (e) {
      unreadable(rel, e);
    }
  });
  facts.save();
  // Written whole under another name, then renamed: builds running side by side share the file.
  writeFileSync(`${infoFile}.${process.pid}`, JSON.stringify(known));
  renameSync(`${infoFile}.${process.pid}`, infoFile);
  if (problems.length) throw new Error(problems.sort().join('\n'));
  const made = eachTwo(work, ({ rel, missing }) =>
    makeVariants(join(media, rel), missing, dir).catch((e) => void unreadable(rel, e)),
  ).then(() => {
    if (problems.length) throw new Error(problems.sort().join('\n'));
    return work.reduce((n, w) => n + w.missing.length, 0);
  });
  // Awaited when the pages are written; until then a failure must not count as unhandled.
  made.catch(() => {});
  return { manifest, made };
}

/**
 * Makes `<outDir>/_img/` hold exactly the variants of `manifest`: hard links to the cache's files (copies where the
 * two are on different file systems), files of replaced or deleted photos removed. Returns how many were linked.
 */
export function placeVariants(manifest: Manifest, outDir: string, dir = variantCache()): number {
  const target = join(outDir, VARIANT_FOLDER);
  mkdirSync(target, { recursive: true });
  const wanted = new Set(
    Object.entries(manifest).flatMap(([src, info]) => planVariants(src, info).map((v) => v.url.split('/').pop()!)),
  );
  const present = new Set(readdirSync(target));
  for (const name of present) if (!wanted.has(name)) unlinkSync(join(target, name));
  let linked = 0;
  for (const name of wanted) {
    if (present.has(name)) continue;
    const from = join(dir, name);
    try {
      linkSync(from, join(target, name));
    } catch {
      copyFileSync(from, join(target, name));
    }
    linked++;
  }
  return linked;
}

export function responsiveImages(): AstroIntegration {
  let cacheDir = '';
  let manifest: Manifest = {};
  let made: Promise<number> = Promise.resolve(0);
  return {
    name: 'czzx-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        ({ manifest, made } = await prepareImages(publicDir(), cacheDir));
        const file = join(cacheDir, 'images', 'manifest.json');
        writeFileSync(file, JSON.stringify(manifest));
        process.env[MANIFEST_ENV] = `${file}?${Date.now()}`;
        logger.info(`${Object.keys(manifest).length} photos read in ${Math.round(performance.now() - started)} ms`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const waited = performance.now();
        const count = await made;
        if (count)
          logger.info(`${count} new variants made (waited ${Math.round(performance.now() - waited)} ms for them)`);
        placeVariants(manifest, fileURLToPath(dir));
      },
    },
  };
}
