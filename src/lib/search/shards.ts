/**
 * Deals the search index's parts (src/lib/search/parts.ts) into `n` shares by their pages: the index jobs of a sharded
 * build (docs/sharding.md) and the browser's search workers (src/lib/search/merge.ts). Largest part first, each to the
 * share with the fewest pages so far, so the shares take about as long. The deal depends only on the parts' ids and
 * sizes (ties go by id), so index jobs compute the same deal without talking to each other, and together the shares
 * hold every part exactly once; each share keeps the parts in the order they were given (newest first, as the
 * browser needs). Returns `n` shares, some empty when there are fewer parts than shares.
 */
export function dealParts<P extends { id: string }>(parts: readonly P[], n: number, size: (part: P) => number): P[][] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`索引分片数须为正整数，收到 ${n}`);
  const shareOf = new Map<P, number>();
  const load = new Array<number>(n).fill(0);
  for (const part of [...parts].sort((a, b) => size(b) - size(a) || a.id.localeCompare(b.id))) {
    const k = load.indexOf(Math.min(...load));
    shareOf.set(part, k);
    load[k]! += size(part);
  }
  return load.map((_, k) => parts.filter((p) => shareOf.get(p) === k));
}
