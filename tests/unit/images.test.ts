import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { placeVariants, prepareImages, unreadableMessage } from '../../src/integrations/images.ts';
import { responsiveBody } from '../../src/lib/images/body.ts';
import {
  feedImageUrl,
  pictureOf,
  planVariants,
  variantFormats,
  variantWidths,
  type ImageInfo,
} from '../../src/lib/images/plan.ts';
import { mediaUses } from '../../src/lib/images/users.ts';

const photo = (width: number, height: number, more: Partial<ImageInfo> = {}): ImageInfo => ({
  width,
  height,
  format: 'jpeg',
  alpha: false,
  digest: 'abc123',
  ...more,
});

describe('which variants a photo gets', () => {
  it('makes the three widths of a large photo and never one wider than the source', () => {
    expect(variantWidths(4000)).toEqual([480, 960, 1600]);
    expect(variantWidths(1600)).toEqual([480, 960, 1600]);
    expect(variantWidths(1200)).toEqual([480, 960, 1200]);
    expect(variantWidths(300)).toEqual([300]);
    for (const w of [1, 100, 479, 480, 500, 959, 1000, 1700, 9000])
      expect(Math.max(...variantWidths(w))).toBeLessThanOrEqual(w);
  });

  it('leaves out a standard width that would be a near copy of the largest', () => {
    expect(variantWidths(1000)).toEqual([480, 1000]);
    expect(variantWidths(520)).toEqual([520]);
  });

  it('keeps the aspect ratio in every variant', () => {
    for (const v of planVariants('/media/a.jpg', photo(2400, 1600))) expect(v.height / v.width).toBeCloseTo(2 / 3, 2);
  });

  it('offers WebP with a JPEG fallback, PNG where the image is transparent, and no fallback for a WebP upload', () => {
    expect(variantFormats({ format: 'jpeg', alpha: false })).toEqual(['webp', 'jpeg']);
    expect(variantFormats({ format: 'png', alpha: true })).toEqual(['webp', 'png']);
    expect(variantFormats({ format: 'png', alpha: false })).toEqual(['webp', 'jpeg']);
    expect(variantFormats({ format: 'webp', alpha: true })).toEqual(['webp']);
  });

  it('names variants by the source, its digest and the width, under /_img/', () => {
    expect(planVariants('/media/topics/a-b.jpg', photo(500, 400)).map((v) => v.url)).toEqual([
      '/_img/a-b.abc123.500.webp',
      '/_img/a-b.abc123.500.jpg',
    ]);
  });

  it('gives the markup its srcsets, the size of the original and a 960 fallback', () => {
    const p = pictureOf('/media/a.jpg', photo(2400, 1600));
    expect(p).toMatchObject({ original: '/media/a.jpg', width: 2400, height: 1600, src: '/_img/a.abc123.960.jpg' });
    expect(p.sources).toEqual([
      {
        type: 'image/webp',
        srcset: '/_img/a.abc123.480.webp 480w, /_img/a.abc123.960.webp 960w, /_img/a.abc123.1600.webp 1600w',
      },
    ]);
    expect(pictureOf('/media/m.webp', photo(300, 400, { format: 'webp' }))).toMatchObject({
      sources: [],
      src: '/_img/m.abc123.300.webp',
      srcset: '/_img/m.abc123.300.webp 300w',
    });
    expect(feedImageUrl('/media/a.jpg', photo(2400, 1600), 'https://www.czzx.gov.cn/')).toBe(
      'https://www.czzx.gov.cn/_img/a.abc123.960.jpg',
    );
  });
});

describe('photos in a Markdown body', () => {
  const known = (src: string) => (src === '/media/a.jpg' ? pictureOf(src, photo(2400, 1600)) : undefined);

  it('turns a known photo into a picture linked to its original, keeping alt and title', () => {
    const html = responsiveBody('<p><img src="/media/a.jpg" alt="委员 &amp; 群众" title="现场"></p>', known, '100vw');
    expect(html).toMatch(/^<p><a href="\/media\/a\.jpg" class="photo-link"><picture><source type="image\/webp"/);
    expect(html).toContain('width="2400" height="1600" alt="委员 &amp; 群众" title="现场" loading="lazy"');
    expect(html).toContain('sizes="100vw"');
  });

  it('does not wrap a photo the author linked, and leaves SVG and outside images alone', () => {
    const linked = responsiveBody('<a href="/news/x/"><img src="/media/a.jpg" alt="甲"></a>', known, '100vw');
    expect(linked).toMatch(/^<a href="\/news\/x\/"><picture>/);
    const other = '<img src="/media/b.svg" alt="乙"><img src="https://example.com/c.jpg" alt="丙">';
    expect(responsiveBody(other, known, '100vw')).toBe(other);
  });
});

describe('naming the content that uses a photo', () => {
  it('says why a photo is unreadable on one line, each of the decoder’s reasons once', () => {
    const reason = 'VipsJpeg: premature end of JPEG image\nVipsJpeg: premature end of JPEG image\n';
    expect(unreadableMessage('a.jpg', reason, ['content/news/x.md「封面图片」（cover.src）'])).toBe(
      '图片无法读取：public/media/a.jpg 不是完好的图片（VipsJpeg: premature end of JPEG image），请重新上传原图；使用它的内容：content/news/x.md「封面图片」（cover.src）',
    );
  });

  it('names a frontmatter field by its label, a flow mapping by its own key, and a body line', () => {
    const news = '---\ntitle: 甲\ncover:\n  src: /media/a.jpg\n  alt: 乙\n---\n\n正文\n\n![丙](/media/a.jpg)\n';
    expect(mediaUses('news/x.md', news, 'a.jpg')).toEqual([
      'content/news/x.md「封面图片」（cover.src）',
      'content/news/x.md 正文第 10 行',
    ]);
    const paper = '---\nnumber: 1\npages:\n  - { number: 1, name: 要闻, image: /media/p.webp }\n---\n';
    expect(mediaUses('paper/2025-01-01.md', paper, 'p.webp')[0]).toMatch(/（pages\.image）$/);
  });
});

describe('making the variants (sharp, real files)', () => {
  const root = mkdtempSync(join(tmpdir(), 'czzx-images-'));
  const pub = join(root, 'public');
  const cache = join(root, 'cache');
  const out = join(root, 'dist');
  const variants = join(root, 'variants');
  /** The build's two steps: the sizes before the pages, the variants while they render. */
  const prepare = async () => {
    const { manifest, made } = await prepareImages(pub, cache, variants);
    await made;
    return manifest;
  };
  mkdirSync(join(pub, 'media'), { recursive: true });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const jpeg = (w: number, h: number) =>
    sharp({ create: { width: w, height: h, channels: 3, background: { r: 90, g: 140, b: 80 } } })
      .jpeg()
      .toBuffer();

  it('makes each variant once, links them into the output and keeps only those still wanted', async () => {
    writeFileSync(join(pub, 'media/big.jpg'), await jpeg(2000, 1000));
    const first = await prepare();
    expect(first['/media/big.jpg']).toMatchObject({ width: 2000, height: 1000, format: 'jpeg' });
    const made = readdirSync(variants).filter((f) => f.startsWith('big.'));
    expect(made).toHaveLength(6);
    const mtimes = made.map((f) => statSync(join(variants, f)).mtimeMs);
    const meta = await sharp(join(variants, made.find((f) => f.endsWith('.480.webp'))!)).metadata();
    expect([meta.width, meta.height, meta.format]).toEqual([480, 240, 'webp']);

    // A second build finds them: nothing is written again.
    await prepare();
    expect(made.map((f) => statSync(join(variants, f)).mtimeMs)).toEqual(mtimes);

    expect(placeVariants(first, out, variants)).toBe(6);
    writeFileSync(join(pub, 'media/big.jpg'), await jpeg(800, 800));
    const second = await prepare();
    placeVariants(second, out, variants);
    expect(readdirSync(join(out, '_img')).sort()).toEqual(
      [`big.${second['/media/big.jpg']!.digest}.480.jpg`, `big.${second['/media/big.jpg']!.digest}.800.jpg`]
        .concat([
          `big.${second['/media/big.jpg']!.digest}.480.webp`,
          `big.${second['/media/big.jpg']!.digest}.800.webp`,
        ])
        .sort(),
    );
  });

  it('stops on a corrupt photo, naming the media file and the content that uses it', async () => {
    const whole = await jpeg(1200, 800);
    writeFileSync(join(pub, 'media/broken.jpg'), whole.subarray(0, Math.floor(whole.length / 3)));
    mkdirSync(join(root, 'content/news'), { recursive: true });
    writeFileSync(
      join(root, 'content/news/x.md'),
      '---\ntitle: 甲\ncover:\n  src: /media/broken.jpg\n  alt: 乙\n---\n',
    );
    const saved = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = join(root, 'content');
    try {
      await expect(prepare()).rejects.toThrow(
        /图片无法读取：public\/media\/broken\.jpg 不是完好的图片（.+），请重新上传原图；使用它的内容：content\/news\/x\.md「封面图片」（cover\.src）/,
      );
    } finally {
      process.env.CONTENT_DIR = saved;
      rmSync(join(pub, 'media/broken.jpg'));
    }
  });
});
