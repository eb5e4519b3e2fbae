import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of an installed package, found as Node finds it (some packages' `exports` hide their package.json). */
export function packageRoot(pkg: string): string {
  const found = require.resolve
    .paths(pkg)
    ?.map((dir) => join(dir, pkg))
    .find((dir) => existsSync(join(dir, 'package.json')));
  if (!found) throw new Error(`找不到已安装的 ${pkg}：请先运行 npm ci`);
  return found;
}

/** The installed version of a package, for the messages that name it. */
export function packageVersion(pkg: string, root = packageRoot(pkg)): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The error that stops a build when a fenced internal no longer holds: the package and version, what relies on it,
 * each problem, and the way out (`PLAIN_BUILD=1` where the piece has a plain path, else the file to repair).
 */
export function fenceError(pkg: string, version: string, what: string, problems: string[], wayOut: string): Error {
  return new Error(
    [`${pkg} ${version}：${what}依赖的内部接口已改变，构建停止：`, ...problems.map((p) => `  - ${p}`), wayOut].join(
      '\n',
    ),
  );
}
