import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a cached build product was made from, so it is reused only while every one of those inputs is unchanged (the
 * way `make` reads a dependency file): the project's own source files, each with the digest of its content, and
 * fixed values that stand for the rest (the installed packages, the builder's version).
 */
export interface BuildInputs {
  /** Digests of fixed inputs, by name: `{ packages: …, builder: … }`. */
  fixed: Record<string, string>;
  /** Digest of each source file, by its path under the project root, with forward slashes. */
  files: Record<string, string>;
}

export function digestOf(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** Records the current content of `files` (paths under `root`) with the fixed inputs. */
export function recordInputs(root: string, files: Iterable<string>, fixed: Record<string, string>): BuildInputs {
  const digests: Record<string, string> = {};
  for (const f of [...files].sort()) digests[f] = digestOf(readFileSync(join(root, f)));
  return { fixed, files: digests };
}

/**
 * The first input that differs from the record (`'src/cms/config.ts'`, `'packages'`), or undefined when the product
 * can be reused. A deleted file counts as changed.
 */
export function changedInput(root: string, record: BuildInputs, fixed: Record<string, string>): string | undefined {
  const names = new Set([...Object.keys(record.fixed), ...Object.keys(fixed)]);
  for (const name of names) if (record.fixed[name] !== fixed[name]) return name;
  for (const [file, digest] of Object.entries(record.files)) {
    const path = join(root, file);
    if (!existsSync(path) || digestOf(readFileSync(path)) !== digest) return file;
  }
  return undefined;
}

/** One digest naming a whole record, for the folder that holds its product. */
export function recordDigest(record: BuildInputs): string {
  return digestOf(JSON.stringify([Object.entries(record.fixed).sort(), Object.entries(record.files).sort()])).slice(
    0,
    16,
  );
}
