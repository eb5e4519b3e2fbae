import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of an installed package (its package.json's folder). */
export function packageRoot(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
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
