import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fenceError, packageRoot, packageVersion } from './package-version.ts';

/**
 * What indexing search parts while the pages render (src/integrations/search-preindex.ts) relies on in Astro.
 * `setPrerenderer` is Astro's public hook for adapters; what is not promised is how the static build calls the
 * prerenderer it is given: the static paths once, before any page, then `render` per page before writing it. The page
 * routes also hand each page's year to the build step through `globalThis` (src/lib/search/render-order.ts), which
 * holds only while Astro renders in the process that runs the integrations. If either changed, parts would simply be
 * indexed after the build (slower, never wrong), so the checks stop the build to say the fast path is gone.
 */

const WAY_OUT =
  '可先用 PLAIN_BUILD=1 构建（搜索索引在页面生成后建立）；按 docs/upgrading.md 更新 src/integrations/search-preindex.ts。';

/** Problems with how Astro's build hands pages to a prerenderer, in Chinese; empty when it is as this relies on. */
export function prerendererProblems(root = packageRoot('astro')): string[] {
  const read = (rel: string) => (existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : '');
  const problems: string[] = [];
  if (
    !/setPrerenderer\(prerenderer\)\s*\{\s*settings\.prerenderer = prerenderer/.test(read('dist/integrations/hooks.js'))
  )
    problems.push('dist/integrations/hooks.js 的 astro:build:start 不再以 setPrerenderer 设置预渲染器');
  const generate = read('dist/core/build/generate.js');
  if (!generate.includes('options.settings.prerenderer') || !generate.includes('await prerenderer.getStaticPaths()'))
    problems.push('dist/core/build/generate.js 不再先向预渲染器取全部静态路径');
  if (!/await prerenderer\.render\(request, \{/.test(generate))
    problems.push('dist/core/build/generate.js 不再逐页调用预渲染器的 render');
  return problems;
}

/** Stops the build if Astro's static build no longer drives a prerenderer as the pre-indexer expects. */
export function assertPrerendererHolds(root?: string): void {
  const problems = prerendererProblems(root);
  if (problems.length) throw fenceError('astro', packageVersion('astro'), '边生成边建索引', problems, WAY_OUT);
}

/**
 * Stops the build when the prerenderer's static paths arrive without any page year noted by the routes: the
 * `globalThis` hand-off between Astro's bundle of the site and the build step no longer holds.
 */
export function assertPageYearsArrived(paths: number, years: number): void {
  if (paths === 0 || years > 0) return;
  throw fenceError(
    'astro',
    packageVersion('astro'),
    '边生成边建索引',
    [
      `${paths} 个静态路径中没有一个带有页面路由记下的年份：globalThis 上的交接（src/lib/search/render-order.ts）已失效`,
    ],
    WAY_OUT,
  );
}
