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
  // Each entry's keys once, as small numbers, and only the best `limit` candidates kept: a set of keys made for each
  // of a story's ~200 candidates, and all of them sorted, took 1.3 s of every build at 100,000 documents (about a
  // quarter of that now, the same answers: tests/unit/reading.test.ts).
  const keyIds = new Map<string, number>();
  /** By key: the positions of the entries holding it, ascending. */
  const holders: number[][] = [];
  const keysAt = list.map((e, i) =>
    [...new Set(keysOf(e))].map((key) => {
      let k = keyIds.get(key);
      if (k === undefined) keyIds.set(key, (k = holders.push([]) - 1));
      holders[k]!.push(i);
      return k;
    }),
  );
  const sharedKeys = (a: readonly number[], b: readonly number[]) => {
    let n = 0;
    for (const k of a) if (b.includes(k)) n++;
    return n;
  };
  // The last question that took an entry as a candidate, so each is weighed once without a set per question.
  const seenBy = new Int32Array(list.length);
  let questions = 0;
  /** Whether candidate `a` (sharing `sa` keys) goes before `b` (sharing `sb`) for the entry at `i`. */
  const before = (i: number, a: number, sa: number, b: number, sb: number) =>
    sa !== sb ? sa > sb : Math.abs(a - i) !== Math.abs(b - i) ? Math.abs(a - i) < Math.abs(b - i) : a < b;
  return (id) => {
    const i = position.get(id);
    if (i === undefined) return [];
    const keys = keysAt[i]!;
    const question = ++questions;
    // The best `limit` so far, best first: a story has a few hundred candidates and keeps four.
    const best: [number, number][] = [];
    for (const k of keys) {
      const at = holders[k]!;
      const here = sortedIndex(at, i);
      for (let n = Math.max(0, here - window); n < Math.min(at.length, here + window + 1); n++) {
        const j = at[n]!;
        if (j === i || seenBy[j] === question) continue;
        seenBy[j] = question;
        // A candidate found under one key is weighed on all the keys it shares.
        const sj = sharedKeys(keysAt[j]!, keys);
        let place = best.length;
        while (place > 0 && before(i, j, sj, best[place - 1]![0], best[place - 1]![1])) place--;
        if (place < limit) {
          best.splice(place, 0, [j, sj]);
          if (best.length > limit) best.pop();
        }
      }
    }
    return best.map(([j]) => list[j]!);
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
