import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';

/** Checks over the built files in dist/: what every deployed page must satisfy. */
const DIST = process.env.OUT_DIR ?? join(import.meta.dirname, '../../dist');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(DIST).map((f) => relative(DIST, f));
const pages = files.filter((f) => f.endsWith('.html'));

test('every URL is ASCII, lowercase and free of spaces', () => {
  expect(pages.length).toBeGreaterThan(50);
  for (const f of files) expect(f, f).toMatch(/^[a-z0-9/_.-]+$/i);
  // A withdrawal notice (`_gone/news/x/index.html`) is served at the URL it stands for (`/news/x/`).
  for (const f of pages) expect(f.replace(/^_gone\//, ''), f).toMatch(/^[a-z0-9/.-]+$/);
});

test('no page loads a script, style, image or font from another origin', () => {
  for (const f of pages) {
    const html = readFileSync(join(DIST, f), 'utf8');
    const loads = [
      ...html.matchAll(/<(?:script|img|link|iframe|source|video|audio)\b[^>]*?\b(?:src|href)="([^"]+)"/g),
    ].map((m) => m[1]!);
    const foreign = loads.filter((u) => /^(?:https?:)?\/\//.test(u) && !u.startsWith('https://www.czzx.gov.cn/'));
    expect(foreign, f).toEqual([]);
    expect(html, f).not.toMatch(/url\((?:https?:)?\/\//);
  }
});

test('every page is Simplified Chinese and has exactly one h1', () => {
  for (const f of pages.filter((p) => !p.startsWith('admin/'))) {
    const html = readFileSync(join(DIST, f), 'utf8');
    expect(html, f).toContain('<html lang="zh-CN"');
    expect(html.match(/<h1\b/g)?.length, f).toBe(1);
  }
});
