import type { LoaderContext } from 'astro/loaders';

/**
 * The store of each collection as its loader was handed it (`LoaderContext.store`, public), kept so that the build
 * can give the pages the entries the content sync holds in memory instead of reading and parsing the whole store
 * file again (src/integrations/data-store-from-disk.ts). On `globalThis`: the content config runs in Vite's module
 * runner, a module graph apart from the integrations', and the pages render in a third; all in one process.
 */
export const HELD_STORES_KEY = 'czzx.content-stores';

type Held = Map<string, Pick<LoaderContext['store'], 'entries'>>;

export function heldStores(): Held {
  const g = globalThis as { [key: symbol]: Held | undefined };
  const key = Symbol.for(HELD_STORES_KEY);
  let held = g[key];
  if (!held) g[key] = held = new Map();
  return held;
}

/** Called by each loader of the content model with the store it was handed. */
export function holdStore(ctx: Pick<LoaderContext, 'collection' | 'store'>): void {
  heldStores().set(ctx.collection, ctx.store);
}
