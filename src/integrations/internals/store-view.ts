import type { LoaderContext } from 'astro/loaders';

type Store = LoaderContext['store'];

/**
 * The content store as a loader is handed it, with some of its methods replaced (each replacement gets the real store)
 * and every other one bound to the real store, so the store's own code keeps working on itself.
 */
export function storeView(store: Store, replaced: { [K in keyof Store]?: (target: Store) => Store[K] }): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const replace = replaced[prop as keyof Store];
      if (replace) return replace(target);
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
