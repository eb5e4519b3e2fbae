import { pinyin } from 'pinyin-pro';

/**
 * ASCII slugs for Chinese labels such as tags, so URLs stay readable and never carry Chinese characters.
 */

/** `委员之家` → `wei-yuan-zhi-jia`; ASCII letters and digits are kept, everything else separates. */
export function slugify(text: string): string {
  const latin = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join(' ')
    .toLowerCase();
  return latin.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/**
 * Slugs for a set of labels, unique even when two labels read the same in pinyin (同音): the label that sorts first
 * keeps the plain slug, the next gets `-2`, and so on, so the mapping is stable from build to build.
 */
export function uniqueSlugs(labels: Iterable<string>): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const label of [...new Set(labels)].sort()) {
    const base = slugify(label);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    out.set(label, slug);
  }
  return out;
}
