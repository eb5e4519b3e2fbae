import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import type { FileFacts } from '../integrations/file-facts.ts';

type Store = LoaderContext['store'];

/** What a folder's load must read, and what it may leave as the store holds it. */
export interface FolderPlan {
  /** Ids whose file is unchanged since it was loaded into the entry the store holds. */
  unchanged: Set<string>;
  /** Files (relative to the folder, with forward slashes) to load as Astro's glob loader does. */
  changed: string[];
  /** Each changed file's identity, taken before the loader reads it (`FileFacts.record`). */
  stamps: Map<string, string | undefined>;
  /** Whether the changed files can be given to the glob loader as its patterns (else it is given the whole folder). */
  partial: boolean;
}

/**
 * A file name the glob loader can be given as a pattern of its own: no glob syntax to escape. Ids are ASCII words
 * (ID_PATTERN); a folder holding a file named otherwise is loaded whole, which reports it.
 */
const PLAIN_NAME = /^[\w./-]+$/;

/**
 * Sorts the `ext` files of `base` into those the store already holds as they are on disk, and the rest. A file is
 * unchanged when its identity is the one recorded (`facts`, file-facts.ts) with the digest of the content it held, and
 * the store's entry of its id carries that same digest: a store left over from an interrupted build, or entries made
 * by other code (the store is cleared then), never pass for a file's current content.
 */
export function planFolder(
  base: string,
  ext: string,
  idOf: (rel: string) => string,
  store: Store,
  facts: FileFacts<string>,
): FolderPlan {
  let files: string[] = [];
  try {
    files = readdirSync(base, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith(ext))
      .map((e) => relative(base, join(e.parentPath, e.name)).split(sep).join('/'));
  } catch {
    // No folder: the glob loader warns of it.
  }
  const plan: FolderPlan = { unchanged: new Set(), changed: [], stamps: new Map(), partial: true };
  for (const rel of files) {
    const known = facts.known(base, rel);
    const entry = known === undefined ? undefined : store.get(idOf(rel));
    if (entry?.filePath && String(entry.digest) === known && !entry.deferredRender && !entry.assetImports?.length) {
      plan.unchanged.add(idOf(rel));
      continue;
    }
    if (!PLAIN_NAME.test(rel)) plan.partial = false;
    plan.changed.push(rel);
    plan.stamps.set(rel, facts.stampOf(base, rel));
  }
  // Most files changed (a checkout that rewrote them all): the loader reads the folder as it always does.
  if (plan.unchanged.size === 0 || plan.changed.length > files.length / 2) plan.partial = false;
  return plan;
}

/**
 * One glob pattern naming exactly the changed files: a brace list, which the glob library matches as one expression
 * (1,000 names against 18,460 files: 34 ms; as 1,000 patterns of their own, 1.6 s, growing with their number).
 */
export function changedPattern(changed: readonly string[]): string {
  return changed.length === 1 ? changed[0]! : `{${changed.join(',')}}`;
}

/** Records, for each file the loader read, the digest of the entry it made, under the identity taken before. */
export function recordLoaded(plan: FolderPlan, idOf: (rel: string) => string, store: Store, facts: FileFacts<string>) {
  for (const [rel, stamp] of plan.stamps) {
    const digest = store.get(idOf(rel))?.digest;
    if (digest !== undefined) facts.record(rel, stamp, String(digest));
  }
  facts.save();
}
