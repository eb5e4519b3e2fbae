import { SyntaxValidator } from 'fast-xml-validator';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files without which the site is not a site: the home page, the error page and the search index's entry points. */
const REQUIRED: readonly [string, string][] = [
  ['index.html', '首页'],
  ['404.html', '404 页面'],
  ['pagefind/pagefind.js', '站内搜索索引'],
  ['pagefind/pagefind-entry.json', '站内搜索索引'],
];

/**
 * Checks a finished release before it goes live (the build has already checked every link): the pages and search
 * index it must have, and every feed and sitemap (`files`: the release's files) parsed as XML, but those `checked`
 * already: the same bytes as in the live release, which passed this check (a 24,000-page sitemap need not be parsed
 * again after a one-story edit). Returns the problems, in Chinese, each naming the file; none means it may go live.
 */
export function checkRelease(
  dir: string,
  files: readonly string[],
  checked: (file: string) => boolean = () => false,
): string[] {
  const problems: string[] = [];
  for (const [file, what] of REQUIRED) if (!existsSync(join(dir, file))) problems.push(`缺少${what}：${file}`);
  if (existsSync(join(dir, 'pagefind/pagefind-entry.json'))) {
    try {
      const entry = JSON.parse(readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8')) as {
        languages?: Record<string, { page_count?: number }>;
      };
      const pages = Object.values(entry.languages ?? {}).reduce((n, l) => n + (l.page_count ?? 0), 0);
      if (pages === 0) problems.push('站内搜索索引是空的：pagefind/pagefind-entry.json 未收录任何页面');
    } catch (e) {
      problems.push(`站内搜索索引无法读取：pagefind/pagefind-entry.json（${(e as Error).message}）`);
    }
  }
  const xml = files.filter((f) => f.endsWith('.xml'));
  if (!xml.some((f) => /(^|\/)rss\.xml$/.test(f))) problems.push('缺少订阅源：rss.xml');
  if (!xml.some((f) => /^sitemap[^/]*\.xml$/.test(f))) problems.push('缺少网站地图：sitemap-index.xml');
  for (const f of xml) {
    if (checked(f)) continue;
    try {
      SyntaxValidator.validate(readFileSync(join(dir, f), 'utf8'));
    } catch (e) {
      const { line, col, message } = e as Error & { line?: number; col?: number };
      problems.push(`${f} 不是合格的 XML：第 ${line} 行第 ${col} 列，${message}`);
    }
  }
  return problems;
}
