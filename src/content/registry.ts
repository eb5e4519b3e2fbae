import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER_REF_TARGETS, taxonomyCollections, type RefTarget, type TaxonomyCollection } from './model.ts';
import { parseYaml } from './errors.ts';
import { contentDir } from '../lib/paths.ts';

/**
 * The ids every reference field may point at: the members and paper folders and the taxonomy files under `content/`.
 *
 * Schemas check references against it while entries are parsed, so an unknown member or unit fails the build at the
 * field that holds it. It is read from disk when first needed and again when an id is not found, so an entry added in
 * the CMS while the dev server runs is known without a restart.
 */
let cache: Map<RefTarget | TaxonomyCollection['name'], Set<string>> | undefined;

function read(): Map<RefTarget | TaxonomyCollection['name'], Set<string>> {
  const dir = contentDir();
  const ids = new Map<RefTarget | TaxonomyCollection['name'], Set<string>>();
  for (const folder of FOLDER_REF_TARGETS) {
    const path = join(dir, folder);
    ids.set(
      folder,
      new Set(
        existsSync(path)
          ? readdirSync(path)
              .filter((f) => f.endsWith('.md'))
              .map((f) => f.slice(0, -3))
          : [],
      ),
    );
  }
  for (const t of taxonomyCollections) {
    const file = join(dir, t.file);
    const items = existsSync(file)
      ? ((parseYaml(readFileSync(file, 'utf8'), file) as { items?: unknown } | null)?.items ?? [])
      : [];
    ids.set(t.name, new Set(Array.isArray(items) ? items.map((i: { id?: unknown }) => String(i?.id)) : []));
  }
  return ids;
}

/** Whether `id` names an entry of `target`. */
export function hasRef(target: RefTarget, id: string): boolean {
  if (cache?.get(target)?.has(id)) return true;
  cache = read();
  return cache.get(target)!.has(id);
}

/** Forget what was read, so the next lookup reads the files again. */
export function resetRegistry(): void {
  cache = undefined;
}
