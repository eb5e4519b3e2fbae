import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fenceError, packageRoot, packageVersion } from './package-version.ts';

/**
 * What keeping the output folder between builds (src/integrations/output-folder.ts) relies on in Astro. No public API
 * keeps it: the integration sets Vite's `build.emptyOutDir: false`, which Astro's static build happens to honour
 * before emptying the folder itself, and then deletes what the build did not write, trusting the `assets` list of
 * `astro:build:done` (public) to name every file written. If Astro stopped honouring the flag, the folder would be
 * emptied as usual (slower, not wrong); if `assets` stopped naming the pages, the prune would delete live pages. Both
 * are checked.
 */

const WAY_OUT =
  '可先用 PLAIN_BUILD=1 构建（每次清空输出目录）；按 docs/upgrading.md 更新 src/integrations/output-folder.ts。';

/** Problems with Astro honouring `vite.build.emptyOutDir: false`, in Chinese; empty when it does. */
export function outputFolderProblems(root = packageRoot('astro')): string[] {
  const file = join(root, 'dist/core/build/static-build.js');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  return /vite\?\.build\?\.emptyOutDir !== false\)\s*\{\s*emptyDir\(settings\.config\.outDir/.test(text)
    ? []
    : ['dist/core/build/static-build.js 清空输出目录前不再看 vite.build.emptyOutDir'];
}

/** Stops the build if Astro no longer honours the flag. */
export function assertOutputFolderHolds(root?: string): void {
  const problems = outputFolderProblems(root);
  if (problems.length) throw fenceError('astro', packageVersion('astro'), '保留输出目录', problems, WAY_OUT);
}

/**
 * Stops the build before the prune if the files `astro:build:done` lists as written (`kept`, paths under `outDir`)
 * do not look like this build's pages: none at all, no home page, or one that is not on disk.
 */
export function assertAssetsListPages(outDir: string, kept: ReadonlySet<string>): void {
  const missing = [...kept].find((rel) => !existsSync(join(outDir, rel)));
  const problems = [
    ...(kept.size === 0 ? ['astro:build:done 的 assets 为空'] : []),
    ...(kept.size > 0 && !kept.has('index.html') ? ['astro:build:done 的 assets 不含首页 index.html'] : []),
    ...(missing ? [`astro:build:done 的 assets 列出的 ${missing} 不在输出目录中`] : []),
  ];
  if (problems.length)
    throw fenceError('astro', packageVersion('astro'), '保留输出目录（删除本次未生成的文件之前）', problems, WAY_OUT);
}
