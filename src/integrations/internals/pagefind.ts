import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fenceError, packageRoot, packageVersion } from './package-version.ts';

/**
 * What the site relies on in Pagefind beyond its documented API, checked so an upgrade stops the build instead of
 * quietly changing the index or breaking search in the browser:
 * - The extended binary's path in `@pagefind/<platform>` (`pagefindBinary`), run without the npm wrapper.
 * - `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`, read by the indexing binary (src/integrations/search-index.ts): smaller
 *   index chunks, so a query downloads less. Pagefind marks it unstable; if the binary no longer reads it, the index
 *   is still right but every query costs four times the transfer, with no error.
 * - The browser bundle `pagefind.js` (src/scripts/search/search-worker.ts runs it in a module worker): it reads the page's
 *   language from `document.querySelector("html").getAttribute("lang")`, which the worker fakes, and it fetches its
 *   engine as `<base>wasm.<language>.pagefind`, which the worker redirects so the engine downloads once. If either
 *   changed, the worker would search without Chinese segmentation or download the engine per part.
 */

/** The environment variable naming the locations per index chunk. */
export const CHUNK_SIZE_VAR = 'PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE';

/**
 * The indexing binary the Node API runs (the extended one: the npm package ships only that for Chinese), which the
 * build runs itself rather than through the npm wrapper (src/integrations/search-index.ts). Where the platform package
 * no longer has it at this path, resolving throws and the build stops.
 */
export function pagefindBinary(): string {
  const require = createRequire(join(packageRoot('pagefind'), 'package.json'));
  return require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
}

/** Problems with the chunk-size variable, in Chinese; empty when the binary still reads it. */
export function chunkSizeProblems(binary: Buffer): string[] {
  return binary.includes(CHUNK_SIZE_VAR)
    ? []
    : [`索引程序不再读取环境变量 ${CHUNK_SIZE_VAR}（索引分块大小），查询下载量将增加约四倍`];
}

/** Problems with what the search worker assumes of `pagefind.js`, in Chinese; empty when both hold. */
export function browserBundleProblems(pagefindJs: string): string[] {
  const problems: string[] = [];
  if (!/document\.querySelector\("html"\)\??\.getAttribute\("lang"\)/.test(pagefindJs))
    problems.push(
      'pagefind.js 不再从 document.querySelector("html").getAttribute("lang") 读取页面语言（搜索线程据此伪造 document）',
    );
  if (!/wasm\.\$\{language\}\.pagefind/.test(pagefindJs))
    problems.push('pagefind.js 不再以 wasm.<语言>.pagefind 命名搜索引擎文件（搜索线程据此只下载一次引擎）');
  return problems;
}

const wayOut = (file: string) => `可先用 PLAIN_BUILD=1 构建；按 docs/upgrading.md 更新 ${file}。`;

/** Stops the build if the indexing binary no longer reads the chunk-size variable. */
export function assertChunkSizeHolds(binary = readFileSync(pagefindBinary())): void {
  const problems = chunkSizeProblems(binary);
  if (problems.length)
    throw fenceError('pagefind', packageVersion('pagefind'), '索引分块大小', problems, wayOut('search-index.ts'));
}

/** Stops the build if the written `pagefind.js` no longer fits the search worker. */
export function assertBrowserBundleHolds(pagefindJs: string): void {
  const problems = browserBundleProblems(pagefindJs);
  if (problems.length)
    throw fenceError(
      'pagefind',
      packageVersion('pagefind'),
      '搜索线程（src/scripts/search/search-worker.ts）',
      problems,
      '按 docs/upgrading.md 更新 src/scripts/search/search-worker.ts。',
    );
}
