/**
 * Deals the search index's parts (src/lib/search/parts.ts) to `n` index jobs (docs/sharding.md): largest part first, each to the job with the
 * fewest pages so far, so the jobs take about as long. Every job computes the same deal from the same pages (ties go
 * by part id), so the jobs need not talk to each other, and together they make every part exactly once.
 */
export function dealParts<P extends { id: string; pages: readonly unknown[] }>(parts: readonly P[], n: number): P[][] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`索引分片数须为正整数，收到 ${n}`);
  const shards: P[][] = Array.from({ length: n }, () => []);
  const load = new Array<number>(n).fill(0);
  for (const part of [...parts].sort((a, b) => b.pages.length - a.pages.length || a.id.localeCompare(b.id))) {
    const k = load.indexOf(Math.min(...load));
    shards[k]!.push(part);
    load[k]! += part.pages.length;
  }
  return shards;
}
