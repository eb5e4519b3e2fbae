import type { PartEntry } from './parts.ts';

/** How the browser joins the answers of several indexes (parts of the index, searched in several workers). */

/** Result counts per filter and value. */
export type Counts = Record<string, Record<string, number>>;

/** Counts of several searches added up, per filter and value. */
export function sumCounts(all: readonly Counts[]): Counts {
  const out: Counts = {};
  for (const counts of all) {
    for (const [name, values] of Object.entries(counts)) {
      const into = (out[name] ??= {});
      for (const [v, n] of Object.entries(values)) into[v] = (into[v] ?? 0) + n;
    }
  }
  return out;
}

/** Splits the parts (newest first) between `n` workers by their pages, each worker keeping them newest first. */
export function shareParts(parts: readonly PartEntry[], n: number): PartEntry[][] {
  const shares = Array.from({ length: Math.min(n, parts.length) }, () => ({ pages: 0, parts: [] as PartEntry[] }));
  for (const p of [...parts].sort((a, b) => b.pages - a.pages)) {
    const least = shares.reduce((a, b) => (b.pages < a.pages ? b : a));
    least.pages += p.pages;
    least.parts.push(p);
  }
  return shares.map((s) => parts.filter((p) => s.parts.includes(p)));
}
