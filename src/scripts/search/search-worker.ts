/**
 * A search worker: Pagefind over some parts of the index, run inside this worker (see `engine.ts`). It answers
 * a search with only the id and score of each result, not Pagefind's word positions, and keeps the results so that
 * the page can ask for the data of the few it shows.
 */
import { openParts, type Counts, type PagefindModule } from '../../lib/search/merge.ts';
import type { EngineRequest, EngineResponse, WorkerInit } from './engine.ts';

type Loaded = PagefindModule<{
  results: { id: string; score: number; data(): Promise<unknown> }[];
  filters: Counts;
  totalFilters?: Counts;
  unfilteredResultCount: number;
}>;

const scope = self as unknown as {
  postMessage(m: EngineResponse): void;
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
};

let engine: Promise<Loaded> | undefined;
/**
 * Results of recent searches by request id, for the data the page then asks of a few. A search sorted by date asks
 * one search per part at once, so more than the last one is kept: the last 8, and any younger than a minute.
 */
const kept = new Map<number, { at: number; results: { data(): Promise<unknown> }[] }>();
const KEEP = 8;
const KEEP_MS = 60_000;

/**
 * Every part of the index ships the same engine (`wasm.<language>.pagefind`), and Pagefind fetches the one beside the
 * index it opens first, which differs between the workers. Each worker's fetches of it go to one folder's copy
 * instead, so a page load downloads the engine once, however many parts and workers.
 */
function shareEngine(enginePath: string): void {
  const fetchOwn = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const engine = /\/(wasm\.[\w-]+\.pagefind)$/.exec(url)?.[1];
    return fetchOwn(engine ? `${enginePath}${engine}` : input, init);
  };
}

async function load({ lang, parts, enginePath, tagged, options }: WorkerInit): Promise<Loaded> {
  shareEngine(enginePath);
  // Pagefind reads the page's language from `document`, which a worker lacks, to choose the index of that language
  // and to decide how to split queries. It uses nothing else of the document here. The build checks pagefind.js still
  // reads it so (src/integrations/internals/pagefind.ts).
  (globalThis as { document?: unknown }).document = { querySelector: () => ({ getAttribute: () => lang }) };
  const path = '/pagefind/pagefind.js'; // a variable, so neither TypeScript nor Vite looks for it at build time
  const pf = (await import(/* @vite-ignore */ path)) as Loaded;
  // `shareParts` keeps each worker's parts newest first, as `openParts` needs.
  await openParts(pf, parts, options, tagged);
  return pf;
}

async function answer(req: EngineRequest): Promise<unknown> {
  if (req.op === 'init') return void (await (engine ??= load(req.init)));
  const pf = await engine!;
  if (req.op === 'filters') return pf.filters();
  if (req.op === 'data') {
    const results = kept.get(req.search)?.results;
    if (!results) throw new Error('搜索结果已过期，请重新搜索');
    return Promise.all(req.indexes.map((i) => results[i]!.data()));
  }
  const s = await pf.search(req.term, req.options);
  if (s.results.length) {
    const now = performance.now();
    kept.set(req.id, { at: now, results: s.results });
    for (const [id, k] of kept) if (kept.size > KEEP && now - k.at > KEEP_MS) kept.delete(id);
  }
  return {
    results: s.results.map((r) => ({ id: r.id, score: r.score })),
    filters: s.filters,
    totalFilters: s.totalFilters ?? {},
    unfilteredResultCount: s.unfilteredResultCount,
  };
}

scope.onmessage = (e) => {
  const req = e.data;
  answer(req).then(
    (result) => scope.postMessage({ id: req.id, result }),
    (err: unknown) => scope.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) }),
  );
};
