import { openParts, shareParts, sumCounts, type Counts, type PagefindModule } from '../../lib/search/merge.ts';
import type { PartEntry } from '../../lib/search/parts.ts';
import { INDEX_LANGUAGE, queryText, readable } from '../../lib/search/segment.ts';

/**
 * Pagefind over every part of the index (see `src/lib/search/parts.ts`), in two workers of our own.
 *
 * Pagefind runs its search in one worker and posts back every result with the positions of its words; for a broad
 * query copying those back was a large part of the wait, and one worker searched the parts one after another. Here
 * each worker runs Pagefind itself over half of the parts, returns only ids and scores, and the page merges the
 * answers as Pagefind merges parts: results by score, counts summed (figures: docs/benchmarks.md#search-workers).
 * Where a worker cannot start, Pagefind runs as before.
 */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
export interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  /** The page's filter values (栏目, 办理状态 …), which the search page shows instead of searchable metadata. */
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  filters: Counts;
  /** Counts before the search's own filters are applied. */
  totalFilters?: Counts;
  unfilteredResultCount: number;
}

/** What the search panel asks of Pagefind. */
export interface Engine {
  search(term: string | null, o: Record<string, unknown>): Promise<PagefindSearch>;
  /** Loads the filter index, so that searches return counts per filter value. */
  filters(): Promise<Counts>;
}

export interface WorkerInit {
  /** The index's language, for Pagefind to choose it (`INDEX_LANGUAGE`). */
  lang: string;
  /** The worker's parts; the first is its primary index. */
  parts: PartEntry[];
  /** The folder of the newest part, whose copy of Pagefind's engine (WASM) every worker loads. */
  enginePath: string;
  /** Whether results carry their part as a filter (there is more than one part). */
  tagged: boolean;
  options: Record<string, unknown>;
}
export type EngineRequest =
  | { id: number; op: 'init'; init: WorkerInit }
  | { id: number; op: 'search'; term: string | null; options: Record<string, unknown> }
  | { id: number; op: 'data'; search: number; indexes: number[] }
  | { id: number; op: 'filters' };
export type EngineResponse = { id: number; result: unknown } | { id: number; error: string };
interface WorkerSearch {
  results: { id: string; score: number }[];
  filters: Counts;
  totalFilters: Counts;
  unfilteredResultCount: number;
}

interface SearchWorker {
  /** Posts a request; its id names a search when the page later asks for the data of its results. */
  send(req: DistributiveOmit<EngineRequest, 'id'>): { id: number; result: Promise<unknown> };
  /** The data of result `index` of the search `search`; asked together with the others asked in the same task. */
  data(search: number, index: number): Promise<PagefindData>;
  ready: Promise<unknown>;
  worker: Worker;
}
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

function startWorker(init: WorkerInit): SearchWorker {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let seq = 0;
  worker.addEventListener('message', (e: MessageEvent<EngineResponse>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if ('error' in e.data) p?.reject(new Error(e.data.error));
    else p?.resolve(e.data.result);
  });
  worker.addEventListener('error', (e) => {
    for (const p of pending.values()) p.reject(new Error(`搜索组件加载失败：${e.message}`));
    pending.clear();
  });
  const send = (req: DistributiveOmit<EngineRequest, 'id'>) => {
    const id = ++seq;
    const result = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
    worker.postMessage({ ...req, id });
    return { id, result };
  };
  // The page asks for the data of 10 to 20 results at once. One message for them all lets the worker start every
  // fragment download in one go; one message each left it starting them one per task, between the excerpts of those
  // already loaded.
  let batch: { search: number; index: number; resolve(d: PagefindData): void; reject(e: Error): void }[] = [];
  const flush = () => {
    const asked = batch;
    batch = [];
    for (const search of new Set(asked.map((a) => a.search))) {
      const mine = asked.filter((a) => a.search === search);
      send({ op: 'data', search, indexes: mine.map((a) => a.index) }).result.then(
        (data) => {
          for (const [i, a] of mine.entries()) a.resolve((data as PagefindData[])[i]!);
        },
        (e: Error) => {
          for (const a of mine) a.reject(e);
        },
      );
    }
  };
  const data = (search: number, index: number) =>
    new Promise<PagefindData>((resolve, reject) => {
      if (batch.length === 0) queueMicrotask(flush);
      batch.push({ search, index, resolve, reject });
    });
  return { send, data, ready: send({ op: 'init', init }).result, worker };
}

const WORKERS = 2;

async function workerEngine(
  parts: PartEntry[],
  options: Record<string, unknown>,
  archive: readonly PartEntry[],
): Promise<Engine> {
  // Every part ships the same engine: the primary's copy is the one fetched, whichever parts a tier opens.
  const enginePath = archive[0]!.path;
  const workers = shareParts(parts, WORKERS).map((share) =>
    startWorker({ lang: INDEX_LANGUAGE, parts: share, enginePath, tagged: archive.length > 1, options }),
  );
  try {
    await Promise.all(workers.map((w) => w.ready));
  } catch (e) {
    for (const w of workers) w.worker.terminate();
    throw e;
  }
  return {
    async search(term, o) {
      const answers = await Promise.all(
        workers.map(async (w) => {
          const { id, result } = w.send({ op: 'search', term, options: o });
          return { w, search: id, answer: (await result) as WorkerSearch };
        }),
      );
      return joinAnswers(
        answers.map(({ w, search, answer }) => ({
          ...answer,
          results: answer.results.map((r, index) => ({ id: r.id, score: r.score, data: () => w.data(search, index) })),
        })),
      );
    },
    async filters() {
      return sumCounts((await Promise.all(workers.map((w) => w.send({ op: 'filters' }).result))) as Counts[]);
    },
  };
}

/** Answers of Pagefinds over separate parts joined as Pagefind joins merged indexes: by score, counts summed. */
function joinAnswers(answers: readonly PagefindSearch[]): PagefindSearch {
  return {
    results: answers.flatMap((a) => a.results).sort((a, b) => b.score - a.score),
    filters: sumCounts(answers.map((a) => a.filters)),
    totalFilters: sumCounts(answers.map((a) => a.totalFilters ?? {})),
    unfilteredResultCount: answers.reduce((n, a) => n + a.unfilteredResultCount, 0),
  };
}

/** One engine over the parts of several (each opened over parts of its own). */
export function joinEngines(engines: readonly Engine[]): Engine {
  if (engines.length === 1) return engines[0]!;
  return {
    search: async (term, o) => joinAnswers(await Promise.all(engines.map((e) => e.search(term, o)))),
    filters: async () => sumCounts(await Promise.all(engines.map((e) => e.filters()))),
  };
}

/**
 * Pagefind as it ships: its own worker, every part of the archive merged into the index it loads first. The module is
 * one per page, so it cannot open the parts tier by tier: where it runs, it opens them all.
 */
async function pageEngine(archive: readonly PartEntry[], options: Record<string, unknown>): Promise<Engine> {
  const path = '/pagefind/pagefind.js'; // a variable, so neither TypeScript nor Vite looks for it at build time
  const pf = (await import(/* @vite-ignore */ path)) as PagefindModule<PagefindSearch>;
  await openParts(pf, archive, options, archive.length > 1);
  return pf;
}

/**
 * Queries split into words and results' text joined again, as the index holds Chinese (see `segment.ts`), whichever
 * engine runs.
 */
function inWords(engine: Engine): Engine {
  return {
    async search(term, o) {
      const s = await engine.search(term && queryText(term), o);
      return { ...s, results: s.results.map((r) => ({ ...r, data: () => r.data().then(readable) })) };
    },
    filters: () => engine.filters(),
  };
}

/**
 * Pagefind over `parts` of the `archive` (every part, newest first), in workers of our own where the browser allows;
 * `covers` says which parts it searches (all of them where Pagefind runs as it ships).
 */
export async function startEngine(
  parts: PartEntry[],
  options: Record<string, unknown>,
  archive: readonly PartEntry[] = parts,
): Promise<{ engine: Engine; covers: readonly PartEntry[] }> {
  if (parts.length > 0 && typeof Worker !== 'undefined') {
    try {
      return { engine: inWords(await workerEngine(parts, options, archive)), covers: parts };
    } catch (e) {
      console.warn('搜索改在页面中运行：', e);
    }
  }
  return { engine: inWords(await pageEngine(archive, options)), covers: archive };
}
