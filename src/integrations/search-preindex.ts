import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { assertPageYearsArrived } from './internals/astro-prerenderer.ts';
import { makePart, type IndexedPage } from '../lib/search/parts.ts';
import { pageFile, renderOrder, takePageMonths, type RenderGroup } from '../lib/search/render-order.ts';
import { INDEXER, indexedPage, isIndexed, planSiteParts, writePartToCache } from './search-index.ts';

/**
 * Indexes parts of the search index while Astro renders the pages of the next ones. Astro renders on one core and
 * Pagefind mostly on one too, so on a 2-core machine the two overlap instead of running one after the other.
 *
 * It wraps Astro's prerenderer: the static paths are put in index part order (`renderOrder`, from the years the page
 * routes noted), and once every page of a part has been rendered, the part is indexed into the cache
 * (`SEARCH_PART_CONCURRENCY` Pagefind runs at a time, one by default: two would hold twice the memory beside Astro's).
 * The index step after the build (`indexSite`) then finds those parts in the cache, as if from the last build: it
 * checks each part's digest against the pages as finally written, so a part indexed early from pages that changed
 * afterwards (or any mistake here) costs time, never a stale index. On a rebuild Astro renders few pages, no part is
 * rendered whole, and nothing happens here.
 */
export class PreIndexer {
  private groupOf = new Map<string, number>();
  private remaining: number[] = [];
  private groups: RenderGroup[] = [];
  private readonly under: Promise<void>[] = [];
  private readonly written = new Set<string>();
  /**
   * When the build began, less a second for the file system's coarser clock: the output folder is kept between builds
   * (output-folder.ts), so an older file is the last build's page.
   */
  private readonly since = Date.now() - 1000;

  /** `writeWaitMs`: how long to wait for Astro to finish writing a rendered page before leaving its part to the index step. */
  constructor(
    private readonly site: string,
    private readonly cacheDir: string,
    private readonly logger: AstroIntegrationLogger,
    private readonly options: { writeWaitMs?: number } = {},
  ) {}

  /** Astro's prerenderer, rendering the pages in part order and telling this which are done. */
  wrap(base: AstroPrerenderer): AstroPrerenderer {
    return {
      ...base,
      name: `${base.name}+czzx-search-order`,
      // A prerenderer may keep its state on itself, so its methods are called on it.
      ...(base.setup && { setup: () => base.setup!() }),
      ...(base.teardown && { teardown: () => base.teardown!() }),
      ...(base.collectStaticImages && { collectStaticImages: () => base.collectStaticImages!() }),
      getStaticPaths: async () => {
        const paths = await base.getStaticPaths();
        const months = takePageMonths();
        assertPageYearsArrived(paths.length, months.size);
        const { ordered, groups } = renderOrder(paths, months, planSiteParts);
        this.plan(groups);
        return ordered;
      },
      render: async (request, options) => {
        const result = await base.render(request, options);
        this.rendered(new URL(request.url).pathname);
        return result;
      },
    };
  }

  /** The parts and their pages (output files), in rendering order. */
  plan(groups: RenderGroup[]): void {
    this.groups = groups;
    this.remaining = groups.map((g) => g.files.length);
    this.groupOf = new Map(groups.flatMap((g, i) => g.files.map((file) => [file, i] as const)));
  }

  /** A page has been rendered (Astro writes it next). */
  rendered(pathname: string): void {
    const i = this.groupOf.get(pageFile(pathname));
    if (i === undefined) return;
    // Its Pagefind run waits for a free slot in `writePartToCache`.
    if (--this.remaining[i]! === 0) this.under.push(this.index(this.groups[i]!));
  }

  /** Waits for the parts under way and those waiting their turn; returns the ids of the parts written. */
  async settled(): Promise<Set<string>> {
    await Promise.all(this.under);
    return this.written;
  }

  private async index({ id, files }: RenderGroup): Promise<void> {
    try {
      const pages: IndexedPage[] = [];
      for (const file of files) {
        // Read at once, not one await after another: each await waits its turn behind the pages being rendered,
        // which held a part of 4,000 pages back by 16 s at 20,000 documents.
        const html = this.writtenPage(join(this.site, file)) ?? (await this.whenWritten(join(this.site, file)));
        if (!html) return;
        pages.push(indexedPage(file, html));
      }
      const part = makePart(id, pages, INDEXER);
      const ms = await writePartToCache(this.site, this.cacheDir, part);
      if (ms !== undefined) {
        this.written.add(part.id);
        this.logger.info(
          `part ${part.id} (${part.pages.length} pages) indexed while the pages were rendered, in ${ms} ms`,
        );
      }
    } catch (e) {
      // The index step writes the part again and reports what is wrong.
      this.logger.warn(`a part could not be indexed early: ${(e as Error).message.slice(0, 500)}`);
    }
  }

  /** A page as Astro finishes writing it (the last few of a part may still be under way), or undefined after a while. */
  private async whenWritten(path: string): Promise<Buffer | undefined> {
    const until = performance.now() + (this.options.writeWaitMs ?? 10_000);
    for (;;) {
      await sleep(50);
      const html = this.writtenPage(path);
      if (html || performance.now() > until) return html;
    }
  }

  /**
   * The page if Astro has written it whole in this build: a searchable page, ending its document. A page rendered
   * but not yet written is still the last build's; indexed, it would only make the index step write its part again.
   */
  private writtenPage(path: string): Buffer | undefined {
    try {
      if (statSync(path).mtimeMs < this.since) return undefined;
      const html = readFileSync(path);
      return html.subarray(-16).includes('</html>') && isIndexed(html) ? html : undefined;
    } catch {
      return undefined;
    }
  }
}
