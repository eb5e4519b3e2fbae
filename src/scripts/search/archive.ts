import { UNDATED, type PartEntry, type PartsManifest } from '../../lib/search/parts.ts';
import { joinEngines, startEngine, type Engine } from './engine.ts';

/**
 * The parts of the search index (`/pagefind/parts.json`) in two tiers: the recent (the newest parts and the undated
 * ones, `recentParts`), opened when the search page loads, and the older, opened the first time a search needs them.
 * Opening a part loads its metadata and each query word costs an index chunk per open part, so on a large archive
 * the first search would otherwise transfer about a megabyte (docs/benchmarks.md#search-tiers). On a site within the
 * budget every part is recent and there is one tier.
 */
interface Tier {
  parts: readonly PartEntry[];
  opened?: Promise<{ engine: Engine; covers: readonly PartEntry[] }> | undefined;
  /** Pages per part of each query word looked up in this tier (see `lookUp`). */
  terms: Map<string, Promise<Record<string, number>>>;
}

export class Archive {
  /** Every part, newest first. */
  readonly parts: readonly PartEntry[];
  /** The parts searched unless the reader widens the search to every year. */
  readonly recent: readonly PartEntry[];
  /** The others, newest first. */
  readonly older: readonly PartEntry[];
  private readonly tiers: Tier[];
  /** Whether Pagefind's filter index is loaded, so that searches count results per filter value. */
  private counting = false;

  constructor(
    manifest: PartsManifest,
    private readonly options: Record<string, unknown>,
  ) {
    this.parts = manifest.parts;
    const recent = new Set(manifest.recent ?? manifest.parts.map((p) => p.id));
    this.recent = this.parts.filter((p) => recent.has(p.id));
    this.older = this.parts.filter((p) => !recent.has(p.id));
    this.tiers = [this.recent, this.older]
      .filter((parts) => parts.length > 0)
      .map((parts) => ({ parts, terms: new Map() }));
  }

  /** Opens the recent tier, as the search page loads. */
  async start(): Promise<void> {
    if (this.tiers[0]) await this.open(this.tiers[0]);
  }

  /** Pagefind over the tiers that hold `parts`, each opened on first use. */
  async engine(parts: readonly PartEntry[]): Promise<Engine> {
    const engines = await Promise.all(this.tiersOf(parts).map((t) => this.open(t)));
    return joinEngines([...new Set(engines)]);
  }

  /** Loads the filter index in every open tier, and in those opened later. */
  async countFilters(): Promise<void> {
    this.counting = true;
    await Promise.all(this.tiers.filter((t) => t.opened).map(async (t) => (await this.open(t)).filters()));
  }

  /**
   * Pages per part of each word, in the tiers holding `parts`. Each word is looked up with a filter that matches
   * nothing, so Pagefind counts the word's pages per part (the counts come before filtering) without scoring them.
   * Remembered for the visit: a reader refining a query (科技服务 → 科技服务 建议) looks up only the new word, and the
   * lookup is dear once the filters are open (Pagefind then counts every filter value of the word's pages).
   */
  lookUp(parts: readonly PartEntry[], terms: readonly string[]): Promise<Record<string, number>[]> {
    const tiers = this.tiersOf(parts);
    return Promise.all(
      terms.map(async (t) => {
        const counts = await Promise.all(
          tiers.map((tier) => {
            let c = tier.terms.get(t);
            if (!c) {
              c = this.open(tier)
                .then((e) => e.search(t, { filters: { part: '' } }))
                .then((s) => s.totalFilters?.['part'] ?? {});
              tier.terms.set(t, c);
              c.catch(() => tier.terms.delete(t)); // a failed lookup is tried again by the next search
            }
            return c;
          }),
        );
        return Object.assign({}, ...counts) as Record<string, number>;
      }),
    );
  }

  private tiersOf(parts: readonly PartEntry[]): Tier[] {
    const ids = new Set(parts.map((p) => p.id));
    return this.tiers.filter((t) => t.parts.some((p) => ids.has(p.id)));
  }

  /**
   * A tier's engine. Where Pagefind runs as it ships (no workers), the first tier's engine already covers every part,
   * and serves the others.
   */
  private async open(tier: Tier): Promise<Engine> {
    const first = this.tiers[0]!;
    if (tier !== first) {
      const { engine, covers } = await this.opened(first);
      if (tier.parts.every((p) => covers.includes(p))) return engine;
    }
    return (await this.opened(tier)).engine;
  }

  private opened(tier: Tier) {
    tier.opened ??= startEngine([...tier.parts], this.options, this.parts).then(async (o) => {
      if (this.counting) await o.engine.filters();
      return o;
    });
    tier.opened.catch(() => (tier.opened = undefined)); // tried again by the next search
    return tier.opened;
  }
}

/** `2024-07` as a reader reads it: 2024年7月. */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * What a search of the recent parts leaves out, for the reader: the first month searched, and the older months and
 * pages not searched. Undefined when every part is recent.
 */
export function unsearched(archive: Archive): { since: string; from: string; to: string; pages: number } | undefined {
  const dated = (parts: readonly PartEntry[]) => parts.filter((p) => p.from !== UNDATED);
  const recent = dated(archive.recent);
  const older = dated(archive.older);
  if (recent.length === 0 || older.length === 0) return undefined;
  return {
    since: monthLabel(recent.at(-1)!.from),
    from: monthLabel(older.at(-1)!.from),
    to: monthLabel(older[0]!.to),
    pages: older.reduce((n, p) => n + p.pages, 0),
  };
}
