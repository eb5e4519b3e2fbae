/**
 * Article areas on a newspaper page image: rectangles in percent of the image (left, top, width, height), so the same
 * numbers place a link on the image at any size. Shared by the content schema, the pages and the CMS area editor.
 */
export interface Area {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Areas are stored to one decimal place: 0.1% of a 2,000-pixel scan is two pixels, finer than a hand can drag. */
export const roundPercent = (n: number): number => Math.round(Math.min(100, Math.max(0, n)) * 10) / 10;

/**
 * The rectangle between two points given in percent (as dragged, in any direction), clamped to the image and rounded.
 */
export function areaBetween(a: { x: number; y: number }, b: { x: number; y: number }): Area {
  const x = roundPercent(Math.min(a.x, b.x));
  const y = roundPercent(Math.min(a.y, b.y));
  return { x, y, w: roundPercent(Math.max(a.x, b.x)) - x, h: roundPercent(Math.max(a.y, b.y)) - y };
}

/** Why an area cannot be shown (in Chinese, for the build error and the CMS), or undefined when it is sound. */
export function areaProblem(a: Area): string | undefined {
  for (const k of ['x', 'y', 'w', 'h'] as const) {
    if (typeof a[k] !== 'number' || !Number.isFinite(a[k])) return `${AREA_LABELS[k]}应为数字`;
    if (a[k] < 0 || a[k] > 100) return `${AREA_LABELS[k]}应在 0 到 100 之间（百分比）`;
  }
  if (a.w <= 0 || a.h <= 0) return '宽和高应大于 0';
  // A tenth of a percent of slack for rounding.
  if (a.x + a.w > 100.05) return `左边距加宽度超出版面（${a.x} + ${a.w} > 100）`;
  if (a.y + a.h > 100.05) return `上边距加高度超出版面（${a.y} + ${a.h} > 100）`;
  return undefined;
}

/** Chinese names of the four numbers, as the CMS fields and error messages show them. */
export const AREA_LABELS = { x: '左边距', y: '上边距', w: '宽度', h: '高度' } as const;

/** The declarations placing an area's link over the image: absolute, in percent. */
export const areaStyle = (a: Area): string => `left:${a.x}%;top:${a.y}%;width:${a.w}%;height:${a.h}%`;

/** The key of the `n`th area on page `page` of an issue, as `data-area` on its link and in the stylesheet. */
export const areaKey = (page: number, n: number): string => `${page}-${n}`;

/** The key of the `n`th story of page `page`, as `data-story` on its entry in the page's list of stories. */
export const storyKey = (page: number, n: number): string => `${page}-${n}`;

/**
 * The stylesheet placing every area of an issue, and outlining a story's areas on the image while the reader points
 * at or tabs to that story in the list beside it. The site's Content-Security-Policy allows no inline styles
 * (`style-src 'self'`), so the positions travel in a small file per issue instead of `style` attributes.
 */
export function areasStylesheet(
  pages: readonly { number: number; stories: readonly { areas: readonly Area[] }[] }[],
): string {
  const rules: string[] = [];
  const lit: string[] = [];
  for (const p of pages) {
    let n = 0;
    p.stories.forEach((story, j) => {
      for (const a of story.areas) rules.push(`[data-area="${areaKey(p.number, n++)}"]{${areaStyle(a)}}`);
      if (story.areas.length)
        lit.push(
          `main:has([data-story="${storyKey(p.number, j)}"]:is(:hover,:focus-visible)) [data-story-of="${storyKey(p.number, j)}"]`,
        );
    });
  }
  if (lit.length) rules.push(`${lit.join(',\n')}{border-color:var(--color-brand-600);background:rgb(179 38 30 / .12)}`);
  return `${rules.join('\n')}\n`;
}
