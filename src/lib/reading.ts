/**
 * What a reader is offered after a story: the stories either side of it in its column, and related reading. Plain
 * functions over lists already in the column's order (newest first), so they are tested without a build.
 */

/** What follows a story: the entries either side of it in its column and its related reading. */
export interface ReadingOf<T> {
  /** 上一篇: the newer neighbour in a column listed newest first. */
  previous?: T;
  /** 下一篇: the older neighbour. */
  next?: T;
  related: T[];
}

/**
 * Reading for every entry of a column listed newest first, worked out once for the column: each call then costs a
 * lookup, not a pass over the column (a 20,000-story archive asks 20,000 times).
 */
export function columnReading<T extends { id: string }>(
  list: readonly T[],
  keysOf: (e: T) => readonly string[],
  options: { limit?: number; window?: number } = {},
): (id: string) => ReadingOf<T> {
  const position = new Map(list.map((e, i) => [e.id, i]));
  const related = relatedReading(list, keysOf, options, position);
  return (id) => {
    const i = position.get(id);
    if (i === undefined) return { related: [] };
    const previous = list[i - 1];
    const next = list[i + 1];
    return { ...(previous ? { previous } : {}), ...(next ? { next } : {}), related: related(id) };
  };
}

/**
 * Related reading for every entry of a column listed newest first: for an entry, up to `limit` entries sharing the
 * most keys (tags, a column, an author) with it, ties going to the entry nearest in time. Only the `window` entries
 * nearest in time under each key are candidates, so a 100,000-story archive costs a few hundred comparisons a story
 * rather than a pass over the column; readers want recent related stories anyway. Entries sharing nothing are never
 * offered, nor the entry itself.
 */
export function relatedReading<T extends { id: string }>(
  list: readonly T[],
  keysOf: (e: T) => readonly string[],
  { limit = 4, window = 40 }: { limit?: number; window?: number } = {},
  position: ReadonlyMap<string, number> = new Map(list.map((e, i) => [e.id, i])),
): (id: string) => T[] {
  const byKey = new Map<string, number[]>();
  list.forEach((e, i) => {
    for (const k of new Set(keysOf(e))) {
      let at = byKey.get(k);
      if (!at) byKey.set(k, (at = []));
      at.push(i);
    }
  });
  return (id) => {
    const i = position.get(id);
    if (i === undefined) return [];
    const keys = new Set(keysOf(list[i]!));
    const candidates = new Set<number>();
    for (const k of keys) {
      const at = byKey.get(k)!;
      const here = sortedIndex(at, i);
      for (const j of at.slice(Math.max(0, here - window), here + window + 1)) if (j !== i) candidates.add(j);
    }
    // A candidate found under one key is weighed on all the keys it shares.
    const shared = [...candidates].map((j) => [j, new Set(keysOf(list[j]!)).intersection(keys).size] as const);
    return shared
      .sort(([a, sa], [b, sb]) => sb - sa || Math.abs(a - i) - Math.abs(b - i) || a - b)
      .slice(0, limit)
      .map(([j]) => list[j]!);
  };
}

/** Where `value` stands in an ascending list of numbers holding it. */
function sortedIndex(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
