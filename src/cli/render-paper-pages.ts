/**
 * `node src/cli/render-paper-pages.ts [issue-date …]`: renders the page images (and, where an issue names them, the
 * PDFs) of the sample 数字报 from the stories' own layout: each story is set in the rectangle its `paper.areas` give
 * on the page, so the clickable areas on the site match what the image shows. A newsroom uploads its real page scans
 * instead; this makes the sample content reproducible. Writes into public/media/paper/.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import sharp from 'sharp';
import { parse } from 'yaml';
import { contentDir, publicDir } from '../lib/paths.ts';
import { areaStyle, type Area } from '../lib/paper/areas.ts';

const WIDTH = 1000;
const HEIGHT = 1400;

interface Story {
  title: string;
  byline: string;
  paragraphs: string[];
  page: number;
  areas: Area[];
}

function read(file: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file}: no frontmatter`);
  return { data: parse(m[1]!) as Record<string, unknown>, body: m[2]! };
}

const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function stories(issue: string): Story[] {
  const members = new Map(
    readdirSync(join(contentDir(), 'members')).map((f) => [
      f.slice(0, -3),
      String(read(join(contentDir(), 'members', f)).data.name),
    ]),
  );
  return ['news', 'voices'].flatMap((folder) =>
    readdirSync(join(contentDir(), folder))
      .filter((f) => f.endsWith('.md'))
      .flatMap((f) => {
        const { data, body } = read(join(contentDir(), folder, f));
        const paper = data.paper as { issue: unknown; page: number; areas?: Area[] } | undefined;
        if (!paper || day(paper.issue) !== issue) return [];
        const byline = folder === 'news' ? String(data.byline) : `${members.get(String(data.author)) ?? ''}`;
        const paragraphs = body
          .split(/\n\s*\n/)
          .map((p) => p.trim())
          .filter((p) => p && !p.startsWith('!['));
        return [{ title: String(data.title), byline, paragraphs, page: paper.page, areas: paper.areas ?? [] }];
      }),
  );
}

function pageHtml(o: {
  paper: string;
  number: number;
  date: string;
  page: { number: number; name: string };
  pages: number;
  stories: Story[];
}): string {
  const [y, m, d] = o.date.split('-').map(Number);
  const dateText = `${y}年${m}月${d}日`;
  const head =
    o.page.number === 1
      ? `<header class="mast"><div class="name">${esc(o.paper)}</div><div class="line">${dateText}　第${o.number}期　本期${o.pages}版　中国人民政治协商会议长治市委员会主办</div></header>`
      : `<header class="strip"><span>第${o.page.number}版　${esc(o.page.name)}</span><span>${esc(o.paper)}　${dateText}</span></header>`;
  const blocks = o.stories
    .filter((s) => s.page === o.page.number)
    .flatMap((s) =>
      s.areas.map(
        (a, i) =>
          `<article style="${areaStyle(a)}">${i === 0 ? `<h2>${esc(s.title)}</h2><p class="by">${esc(s.byline)}</p>` : ''}<div class="${a.w > 50 ? 'cols' : ''}">${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</div></article>`,
      ),
    );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  html,body{margin:0;width:${WIDTH}px;height:${HEIGHT}px;background:#fbf8f1;font-family:'Noto Sans CJK SC',sans-serif;color:#1c1917}
  .mast{position:absolute;left:3%;right:3%;top:1.5%;height:13%;border-bottom:4px double #b3261e;text-align:center}
  .mast .name{font-size:92px;font-weight:900;color:#b3261e;letter-spacing:18px;line-height:1.25}
  .mast .line{font-size:20px;margin-top:6px}
  .strip{position:absolute;left:3%;right:3%;top:2%;height:5%;display:flex;justify-content:space-between;align-items:center;border-bottom:3px solid #b3261e;font-size:24px;font-weight:700;color:#b3261e}
  article{position:absolute;box-sizing:border-box;padding:10px 12px;overflow:hidden;border:1px solid #d6d3d1}
  h2{margin:0 0 6px;font-size:34px;line-height:1.25;font-weight:900}
  .by{margin:0 0 8px;font-size:17px;color:#57534e}
  .cols{column-count:3;column-gap:18px;column-rule:1px solid #d6d3d1}
  p{margin:0 0 6px;font-size:17px;line-height:1.6;text-indent:2em;text-align:justify}
  .by{text-indent:0}
  </style></head><body>${head}${blocks.join('')}</body></html>`;
}

const out = join(publicDir(), 'media', 'paper');
mkdirSync(out, { recursive: true });
const only = new Set(process.argv.slice(2));
const paperName = String(
  (parse(readFileSync(join(contentDir(), 'settings/site.yml'), 'utf8')) as { newspaper: string }).newspaper,
);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const tab = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
for (const f of readdirSync(join(contentDir(), 'paper')).filter((x) => x.endsWith('.md'))) {
  const { data } = read(join(contentDir(), 'paper', f));
  const date = day(data.date);
  if (only.size && !only.has(date)) continue;
  const pages = data.pages as { number: number; name: string; image: string; pdf?: string }[];
  const all = stories(date);
  for (const page of pages) {
    await tab.setContent(
      pageHtml({ paper: paperName, number: Number(data.number), date, page, pages: pages.length, stories: all }),
    );
    // WebP at quality 40 keeps a page of text legible at a third of the JPEG's bytes (60–90 KB a page).
    await sharp(await tab.screenshot({ type: 'png' }))
      .webp({ quality: 40 })
      .toFile(join(publicDir(), page.image));
    if (page.pdf)
      await tab.pdf({
        path: join(publicDir(), page.pdf),
        width: `${WIDTH}px`,
        height: `${HEIGHT}px`,
        printBackground: true,
        pageRanges: '1',
      });
    console.log(`${date} 第${page.number}版 → ${page.image}${page.pdf ? ` + ${page.pdf}` : ''}`);
  }
}
await browser.close();
