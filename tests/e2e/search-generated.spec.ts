import { expect, test } from '@playwright/test';
import { collections } from '../../src/content/model.ts';
import { publishedEntries } from '../support/content.ts';
import { searchFor } from './search-support.ts';

/**
 * Queries made from the content itself: for every detail page, four characters from the middle of its title must
 * find that page in the top 3, not counting pages whose titles hold the same four characters. New content is covered
 * without touching this file.
 */
const HAN4 = /\p{Script=Han}{4}/u;

function middleSubstring(title: string): string | undefined {
  const chars = [...title];
  const start = Math.max(0, Math.floor(chars.length / 2) - 2);
  for (let i = start; i + 4 <= chars.length; i++) {
    const s = chars.slice(i, i + 4).join('');
    if (HAN4.test(s)) return s;
  }
  for (let i = 0; i + 4 <= chars.length; i++) {
    const s = chars.slice(i, i + 4).join('');
    if (HAN4.test(s)) return s;
  }
  return undefined;
}

/** Every page with a title, of every kind: a piece shared by several titles may rank any of them first. */
const titled = ['news', 'notices', 'reviews', 'voices', 'proposals', 'topics'].flatMap((name) =>
  publishedEntries(collections.find((c) => c.name === name)!)
    .filter((e) => e.data.public !== false)
    .map((e) => ({ url: `/${name}/${e.id}/`, title: String(e.data.title) })),
);
const pages = titled.filter((p) => !/^\/(notices|topics)\//.test(p.url));

test.describe('a four-character piece of every title finds its page in the top 3', () => {
  for (const p of pages) {
    const q = middleSubstring(p.title);
    if (!q) continue;
    // Where more titles hold the same four characters, those may stand above it, and nothing else may.
    const sharing = new Set(titled.filter((o) => o.url !== p.url && o.title.includes(q)).map((o) => o.url));
    test(`${q} → ${p.url}`, async ({ page }) => {
      const results = await searchFor(page, { q });
      const at = results.indexOf(p.url);
      expect(at, `“${q}” from “${p.title}”`).toBeGreaterThanOrEqual(0);
      const above = results.slice(0, at).filter((u) => !sharing.has(u));
      expect(above.length, `“${q}” from “${p.title}”: above it ${results.slice(0, at).join(' ')}`).toBeLessThan(3);
    });
  }
});
