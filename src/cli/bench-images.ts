/**
 * `node src/cli/bench-images.ts [--photos 300]`: what the photo step of the build (src/integrations/images.ts) costs
 * on an archive with many photos, in a temporary folder: the first build (every variant made), a rebuild with nothing
 * changed (what a one-story edit pays), and a rebuild after one new upload. The synthetic archive of `npm run bench`
 * holds no photos, so this measures the step on its own.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { placeVariants, prepareImages } from '../integrations/images.ts';

const at = process.argv.indexOf('--photos');
const PHOTOS = at > 0 ? Number(process.argv[at + 1]) : 300;

/** A photo-like JPEG (noise over a gradient, so it compresses as a photo does), 2000×1333 as phones upload after the CMS scaled them. */
async function photo(seed: number): Promise<Buffer> {
  const [w, h] = [2000, 1333];
  const px = Buffer.alloc(w * h * 3);
  let s = seed + 1;
  for (let i = 0; i < px.length; i += 3) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const n = (s % 40) - 20;
    const y = Math.floor(i / 3 / w);
    px[i] = Math.max(0, Math.min(255, 90 + (y * 120) / h + n));
    px[i + 1] = Math.max(0, Math.min(255, 130 + ((seed * 7) % 60) + n));
    px[i + 2] = Math.max(0, Math.min(255, 160 - (y * 60) / h + n));
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } })
    .blur(1)
    .jpeg({ quality: 85 })
    .toBuffer();
}

const dir = mkdtempSync(join(tmpdir(), 'czzx-bench-images-'));
const media = join(dir, 'public/media/news');
mkdirSync(media, { recursive: true });
const bytes = await photo(0);
// One photo's bytes with its index appended after the JPEG's end: each file has its own digest, all decode alike.
for (let i = 0; i < PHOTOS; i++)
  writeFileSync(join(media, `photo-${i}.jpg`), Buffer.concat([bytes, Buffer.from(`${i}`)]));
const variants = join(dir, 'variants');

async function timed(label: string): Promise<void> {
  const start = performance.now();
  const { manifest, made } = await prepareImages(join(dir, 'public'), join(dir, 'cache'), variants);
  await made;
  placeVariants(manifest, join(dir, 'dist'), variants);
  const ms = Math.round(performance.now() - start);
  console.log(
    `| ${label} | ${ms} ms | ${readdirSync(variants).filter((f) => !f.endsWith('.json')).length} variants in the cache |`,
  );
}

console.log(`| ${PHOTOS} photos of 2000×1333 (${Math.round(bytes.length / 1024)} KB each) | time | |\n|---|---|---|`);
await timed('first build: every variant made');
// File identities are remembered only for files older than 2 s (file-facts.ts, Git's racy rule).
await new Promise((r) => setTimeout(r, 2100));
await timed('rebuild, no photo changed');
await timed('rebuild, no photo changed (identities remembered)');
writeFileSync(join(media, 'photo-new.jpg'), Buffer.concat([bytes, Buffer.from('new')]));
await timed('rebuild after one new upload');
rmSync(dir, { recursive: true, force: true });
