import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The code that turns a Markdown file into a stored entry: the model, schemas, rules and loaders, the sanitiser and
 * the Markdown plugins. Astro re-parses a stored entry only when its file or `src/content.config.ts` itself changes,
 * not when a module that file imports changes, so without this a new field, default or rule would leave every
 * unchanged entry parsed by the old code (a build that fails on an old shape, or pages missing a new default).
 */
const SOURCES = [
  'src/content.config.ts',
  'src/content',
  'src/lib',
  'src/integrations/section-ids.ts',
  'src/integrations/footnote-labels.ts',
  'src/integrations/internals/sanitizing-store.ts',
];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

let cached: string | undefined;

/** Digest of the entry-making code under `root` (the project folder), once per process. */
export function entryCodeDigest(root = resolve('.')): string {
  if (cached !== undefined && root === resolve('.')) return cached;
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap((s) => files(join(root, s))))
    hash.update(file.slice(root.length)).update(readFileSync(file));
  const digest = hash.digest('base64url');
  if (root === resolve('.')) cached = digest;
  return digest;
}
