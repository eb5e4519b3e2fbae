import { formatChineseDate } from '../lib/dates.ts';
import { KIND_LABELS, PROPOSAL_FILTERS, SEARCH_FILTERS, type FilterName } from '../lib/search/filters.ts';
import { holds, parseQuery, queryTerms, settledText, type Attempt, type Query } from '../lib/search/query.ts';
import { rerank, safeExcerpt } from '../lib/search/rank.ts';
import { resultKind, resultLine } from '../lib/search/result.ts';
import { toSimplified } from '../lib/search/traditional.ts';
import type { PartEntry } from '../lib/search/parts.ts';
import { sumCounts, type Counts } from '../lib/search/merge.ts';
import { startEngine, type Engine, type PagefindData, type PagefindSearch } from './search-engine.ts';
import { readState, writeState, type SearchState } from '../lib/search/state.ts';

/**
 * The search panel: Pagefind in the browser, state in the URL, results re-ranked so titles and exact phrases come
 * first. One panel per page (`[data-search-panel]`), in full-site or proposal mode.
 */

const PER_PAGE = 10;
/** How many of Pagefind's best results are loaded to re-rank; more costs bytes on the first query. */
const RERANK_DEPTH = 20;
/**
 * The search keys are metadata (see SearchRecord): `keys` (pinyin, initials and number forms of the title, names)
 * weigh like a heading, `terms` (tags, names, synonyms) like text, `sounds` (for slips) a little, and the date, which
 * Pagefind also searches, not.
 */
const OPTIONS = { excerptLength: 36, ranking: { metaWeights: { keys: 4, terms: 1, sounds: 0.5, date: 0, summary: 0.5 } } };
/**
 * How many results of a search whose text must be checked (a quoted phrase with symbols, a slip) are loaded to check:
 * each costs a fragment (2-4 KB), and the first query should stay under 300 KB on a cold cache.
 */
const CHECK_DEPTH = 40;
/** The typing pause after which results are shown, and the shorter one after which the search for them begins. */
const PAUSE = 300;
const EARLY_PAUSE = 120;

/** Pagefind over every part of the index (see `search-engine.ts`), and the parts, newest first. */
interface Search {
  pf: Engine;
  parts: PartEntry[];
}

let loading: Promise<Search> | undefined;
function loadPagefind(): Promise<Search> {
  loading ??= (async () => {
    const manifest = await fetch('/pagefind/parts.json').then((r) => (r.ok ? (r.json() as Promise<{ parts: PartEntry[] }>) : { parts: [] }));
    return { pf: await startEngine(manifest.parts, OPTIONS), parts: manifest.parts };
  })();
  return loading;
}

type Filters = Record<string, string | { any: string[] }>;

/**
 * The parts a query may draw results from. Pagefind ignores a query word its index lacks (so a typo does not empty
 * the results); each part is an index of its own, so a word missing from one part would loosen the search there and
 * pages matching only the other words would appear. A word the archive holds somewhere is therefore required
 * everywhere: parts lacking it are left out. Each word is looked up with a filter that matches nothing, so Pagefind
 * counts the word's pages per part (the counts come before filtering) without scoring them.
 */
async function partsFor(search: Search, text: string | null): Promise<PartEntry[]> {
  const { parts } = search;
  if (!text || parts.length < 2) return parts;
  const terms = queryTerms(text);
  if (terms.length < 2) return parts;
  const perTerm = await lookUp(search, terms);
  const known = perTerm.filter((counts) => Object.values(counts).some((n) => n > 0));
  return parts.filter((p) => known.every((counts) => (counts[p.id] ?? 0) > 0));
}

/**
 * Pages per part of each word. Remembered for the visit: a reader refining a query (科技服务 → 科技服务 建议) looks up
 * only the new word, and the lookup is dear once the filters are open (Pagefind then counts every filter value of the
 * word's pages).
 */
function lookUp({ pf }: Search, terms: string[]): Promise<Record<string, number>[]> {
  return Promise.all(
    terms.map((t) => {
      let counts = termParts.get(t);
      if (!counts) {
        counts = pf.search(t, { filters: { part: '' } }).then((s) => s.totalFilters?.['part'] ?? {});
        termParts.set(t, counts);
        counts.catch(() => termParts.delete(t)); // a failed lookup is tried again by the next search
      }
      return counts;
    }),
  );
}

/**
 * While the reader types, the finished words of a query that will need the lookups above are looked up at once, so
 * the search after the pause does not wait for them (their index chunks load on the way).
 */
function prepare(raw: string): void {
  const text = parseQuery(raw).text;
  if (text.startsWith('"') || text.startsWith('pn')) return; // a phrase or proposal number is searched whole
  const settled = settledText(text);
  if (!settled || queryTerms(text).length < 2) return;
  loadPagefind()
    .then((search) => (search.parts.length > 1 ? lookUp(search, queryTerms(settled)) : undefined))
    .catch(() => {}); // the search itself reports what went wrong
}

/** Pages per part of each query word looked up so far. */
const termParts = new Map<string, Promise<Record<string, number>>>();

const NOTHING: PagefindSearch = { results: [], filters: {}, unfilteredResultCount: 0 };

/**
 * A search over every part that may hold results (see `partsFor`). By relevance, one merged search. By date, Pagefind
 * orders each part on its own and the merged list interleaves them by position, so each part is asked alone and the
 * answers are joined newest part first (parts are runs of whole years, so that order is the date order).
 */
async function searchParts(search: Search, text: string | null, o: { filters: Filters; sort?: Record<string, string> }): Promise<PagefindSearch> {
  const { pf, parts } = search;
  const usable = await partsFor(search, text);
  if (usable.length === 0) return NOTHING;
  if (!o.sort || parts.length < 2) {
    const only = usable.length < parts.length ? { part: { any: usable.map((p) => p.id) } } : {};
    return pf.search(text, { ...o, filters: { ...o.filters, ...only } });
  }
  const each = await Promise.all(usable.map((p) => pf.search(text, { ...o, filters: { ...o.filters, part: p.id } })));
  return { results: each.flatMap((s) => s.results), filters: sumCounts(each.map((s) => s.filters)), unfilteredResultCount: each.reduce((n, s) => n + s.unfilteredResultCount, 0) };
}

/** What a search found; `spelled` when it found it by the sound of a Chinese query (a slip, see sounds.ts). */
type Found = PagefindSearch & { spelled?: string };

const CHINESE = /^\p{Script=Han}{2,}$/u;

/**
 * The first of a query's searches (`parseQuery`'s attempts) that finds something. Where the results must hold a text
 * (a quoted phrase with symbols), the best `CHECK_DEPTH` are loaded and checked, and the counts are those of the
 * results kept, so the number stated is the number listed. A Chinese query that finds nothing is searched again by
 * its sound, in case a character was a slip of the input method (对伍 for 队伍).
 */
async function searchQuery(search: Search, query: Query | null, o: { filters: Filters; sort?: Record<string, string> }): Promise<Found> {
  if (!query) return searchParts(search, null, o);
  let found = NOTHING;
  for (const a of query.attempts) {
    found = await attempt(search, a, o, CHECK_DEPTH);
    // Joined results would break the order by date, which is Pagefind's.
    if (a.also && !o.sort) found = await join(found, await attempt(search, a.also, o, RERANK_DEPTH));
    if (found.results.length > 0) return found;
  }
  if (!CHINESE.test(query.compact)) return found;
  const spelled = (await import('../lib/search/spell.ts')).spell(query.compact);
  if (!spelled) return found;
  // Pagefind falls back to words that begin the query when none begins with it (meiyou for meiyouzhezhong…): only
  // pages with a key spelled as the query are kept.
  const keyed = (d: PagefindData) => `${d.meta.keys ?? ''} ${d.meta.sounds ?? ''}`.split(' ').some((k) => k.startsWith(spelled));
  return { ...(await checked(await searchParts(search, spelled, o), keyed, CHECK_DEPTH)), spelled };
}

async function attempt(search: Search, a: Attempt, o: { filters: Filters; sort?: Record<string, string> }, depth: number): Promise<PagefindSearch> {
  const found = await searchParts(search, a.text, o);
  const mustHold = a.mustHold;
  if (mustHold === undefined) return found;
  return checked(found, (d) => holds(`${d.meta.title ?? ''} ${d.content} ${d.meta.terms ?? ''}`, mustHold), depth);
}

/** The best `depth` results, loaded, that pass `keep` (a quoted phrase held, a key spelled as the query). */
async function checked(found: PagefindSearch, keep: (d: PagefindData) => boolean, depth: number): Promise<PagefindSearch> {
  const head = await Promise.all(found.results.slice(0, depth).map(async (r) => ({ r, d: await r.data() })));
  const kept = head.filter(({ d }) => keep(d));
  const counts: Counts = {};
  for (const { d } of kept) addFilters(counts, d);
  return { results: kept.map(({ r, d }) => ({ ...r, data: () => Promise.resolve(d) })), filters: counts, totalFilters: counts, unfilteredResultCount: kept.length };
}

function addFilters(counts: Counts, d: PagefindData): void {
  for (const [name, values] of Object.entries(d.filters)) for (const v of values) (counts[name] ??= {})[v] = (counts[name][v] ?? 0) + 1;
}

/** A search's results followed by the checked (loaded) results of another that it lacks, with their counts added. */
async function join(first: PagefindSearch, more: PagefindSearch): Promise<PagefindSearch> {
  const have = new Set(first.results.map((r) => r.id));
  const added = more.results.filter((r) => !have.has(r.id));
  if (added.length === 0) return first;
  const counts = sumCounts([first.filters]);
  for (const r of added) addFilters(counts, await r.data());
  return { ...first, results: [...first.results, ...added], filters: counts, unfilteredResultCount: first.unfilteredResultCount + added.length };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One result: kind and date, the title, for a proposal its line of facts (案号 · 提案人 · 主办单位 · 状态), an excerpt of
 * the visible text with the query marked (or the summary when only search keys matched), and the replies that match.
 */
function resultHtml(d: PagefindData): string {
  const title = d.meta.title ?? d.url;
  const kind = resultKind(d);
  const date = d.meta.date && kind !== KIND_LABELS.members && kind !== KIND_LABELS.units ? formatChineseDate(d.meta.date) : '';
  const line = resultLine(d);
  const author = !line.length && d.meta.author ? `<span>${esc(d.meta.author)}</span>` : '';
  const facts = line.map(([label, value]) => `<span><span class="label">${esc(label)}</span> ${esc(value)}</span>`).join(' · ');
  const replies = d.sub_results
    .filter((s) => /#reply-/.test(s.url) && s.excerpt.includes('<mark>'))
    .map((s) => `<li><a href="${esc(s.url)}">${esc(s.title)}</a>：<span>${safeExcerpt(s.excerpt)}</span></li>`)
    .join('');
  return `<li class="search-result">
    <p class="search-result-meta"><span class="badge">${esc(kind)}</span>${date ? `<span>${esc(date)}</span>` : ''}${author}</p>
    <h2 class="search-result-title"><a href="${esc(d.url)}">${esc(title)}</a></h2>
    ${facts ? `<p class="search-result-facts">${facts}</p>` : ''}
    <p class="search-result-excerpt">${safeExcerpt(d.excerpt, d.meta.summary ?? '')}</p>
    ${replies ? `<ul class="search-result-replies" aria-label="相关答复">${replies}</ul>` : ''}
  </li>`;
}

class SearchPanel {
  readonly form: HTMLFormElement;
  readonly input: HTMLInputElement;
  readonly status: HTMLElement;
  readonly list: HTMLOListElement;
  readonly pager: HTMLElement;
  readonly empty: HTMLElement;
  readonly mode: 'all' | 'proposals';
  readonly fixed: SearchState['filters'];
  private timer = 0;
  private earlyTimer = 0;
  /** A search begun during the typing pause (see `speculate`), and the request it answers. */
  private early: { key: string; found: Promise<Found> } | undefined;
  private run = 0;
  /** The totals the page was built with, per filter and value, shown while no query is made. */
  private readonly totals = new Map<string, Map<string, number>>();
  /** Whether Pagefind's filter index is loaded, so that searches return counts per filter value. */
  private counting = false;
  private countsLoading: Promise<void> | undefined;
  private last: SearchState | undefined;
  /** When the reader last typed, for the timing of the search that follows. */
  private typedAt: number | undefined;

  constructor(readonly root: HTMLElement) {
    this.form = root.querySelector('form')!;
    this.input = root.querySelector('input[name="q"]')!;
    this.status = root.querySelector('[data-status]')!;
    this.list = root.querySelector('[data-results]')!;
    this.pager = root.querySelector('[data-pager]')!;
    this.empty = root.querySelector('[data-empty]')!;
    this.mode = root.dataset.mode === 'proposals' ? 'proposals' : 'all';
    this.fixed = this.mode === 'proposals' ? { kind: KIND_LABELS.proposals } : {};
    for (const n of this.filterNames) {
      const options = [...(this.select(n)?.options ?? [])].filter((o) => o.value);
      this.totals.set(n, new Map(options.map((o) => [o.value, Number(o.dataset['total'] ?? 0)])));
    }
  }

  /** Filters this panel offers. */
  get filterNames(): FilterName[] {
    return this.mode === 'proposals' ? [...PROPOSAL_FILTERS] : SEARCH_FILTERS.map((f) => f.name);
  }

  select(name: string): HTMLSelectElement | null {
    return this.form.querySelector(`select[name="${name}"]`);
  }

  async start(): Promise<void> {
    this.root.dataset.ready = 'loading';
    const state = readState(location.search);
    this.show(state);
    // Listen before Pagefind has loaded, so nothing the reader types early is lost.
    this.input.addEventListener('input', (e) => {
      this.typedAt = performance.now();
      if (!(e as InputEvent).isComposing) {
        prepare(this.input.value);
        this.speculate();
      }
      this.schedule();
    });
    // Chinese arrives through an input method: Chromium's last input event of a word still counts as composing, and
    // only the end of the composition says the word is done.
    this.input.addEventListener('compositionend', () => {
      prepare(this.input.value);
      this.speculate();
    });
    this.form.addEventListener('change', (e) => {
      if ((e.target as HTMLElement).tagName === 'SELECT') this.commit(1);
    });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      window.clearTimeout(this.timer);
      this.commit(1);
    });
    this.root.addEventListener('click', (e) => {
      const a = (e.target as HTMLElement).closest<HTMLElement>('a[data-page], button[data-clear]');
      if (!a) return;
      e.preventDefault();
      if (a.dataset.clear !== undefined) {
        for (const n of this.filterNames) this.select(n)!.value = '';
        this.commit(1);
      } else this.commit(Number(a.dataset.page));
    });
    window.addEventListener('popstate', () => {
      const s = readState(location.search);
      this.show(s);
      void this.render(s);
    });
    const details = this.form.querySelector('details');
    details?.addEventListener('toggle', () => {
      if (details.open) void this.countFilters();
    });
    await loadPagefind();
    if (details?.open) await this.countFilters();
    // The URL, not `state`: the reader may have typed while Pagefind loaded.
    else await this.render(readState(location.search));
    this.root.dataset.ready = 'true';
  }

  /**
   * Loads Pagefind's filter index once the reader opens the filters, so results come with a count per value. Not
   * before: with it loaded every query costs several times as much (0.8 s more at 20,000 documents).
   */
  countFilters(): Promise<void> {
    this.countsLoading ??= (async () => {
      await (await loadPagefind()).pf.filters();
      this.counting = true;
      await this.render(this.last ?? readState(location.search));
    })();
    return this.countsLoading;
  }

  /** Puts a state into the form controls. */
  show(s: SearchState): void {
    this.input.value = s.q;
    for (const n of this.filterNames) {
      const sel = this.select(n);
      if (sel) {
        if (s.filters[n] && ![...sel.options].some((o) => o.value === s.filters[n])) sel.add(new Option(s.filters[n]!, s.filters[n]));
        sel.value = s.filters[n] ?? '';
      }
    }
    const sort = this.select('sort');
    if (sort) sort.value = s.sort === 'date' ? 'date' : '';
    // Show the filter controls when a filter or sort is in use, so the reader sees why results are narrowed.
    if (Object.keys(s.filters).length || s.sort === 'date') this.form.querySelector('details')?.setAttribute('open', '');
  }

  /** Reads the form into a state. */
  read(page: number): SearchState {
    const filters: SearchState['filters'] = {};
    for (const n of this.filterNames) {
      const v = this.select(n)?.value;
      if (v) filters[n] = v;
    }
    return { q: this.input.value.trim(), filters, sort: this.select('sort')?.value === 'date' ? 'date' : 'relevance', page };
  }

  /** What Pagefind is asked for a state; `key` tells two requests for the same results apart from others. */
  async request(s: SearchState) {
    // Traditional characters become simplified ones first (the converter loads only for a query that has them).
    const query = parseQuery(await toSimplified(s.q));
    const options = { filters: { ...s.filters, ...this.fixed }, ...(s.sort === 'date' || !query.text ? { sort: { date: 'desc' as const } } : {}) };
    return { query, options, key: JSON.stringify([query.text, options, this.counting]) };
  }

  /**
   * Begins the search for what the reader typed once they have paused briefly, so that when the pause is long enough
   * to show results (`schedule`) most of the search is done: it took 45-184 ms at 20,000 documents. Only the search:
   * the data of the results, which costs transfer, is loaded when they are shown. Typing faster than this pause
   * begins nothing.
   */
  speculate(): void {
    window.clearTimeout(this.earlyTimer);
    this.earlyTimer = window.setTimeout(() => {
      const s = this.read(1);
      if (!s.q) return;
      void loadPagefind().then(async (search) => {
        const { query, options, key } = await this.request(s);
        if (this.early?.key === key) return;
        const found = searchQuery(search, query.text ? query : null, options);
        found.catch(() => {}); // a search that is shown reports its own failure
        this.early = { key, found };
        performance.mark('search-early', { detail: { query: s.q } });
      });
    }, EARLY_PAUSE);
  }

  /** Typing: search once the reader pauses, without blocking input. */
  schedule(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.commit(1, true), PAUSE);
  }

  commit(page: number, replace = false): void {
    window.clearTimeout(this.earlyTimer);
    const s = this.read(page);
    const url = `${location.pathname}${writeState(s)}${this.mode === 'proposals' ? '#proposal-search' : ''}`;
    if (replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
    void this.render(s);
  }

  async render(s: SearchState): Promise<void> {
    this.last = s;
    const run = ++this.run;
    const started = performance.now();
    const typedAt = this.typedAt;
    this.typedAt = undefined;
    const search = await loadPagefind();
    const active = Object.keys(s.filters).length > 0;
    if (!s.q && !active) {
      if (this.mode === 'proposals') this.root.dataset.state = 'idle';
      this.list.innerHTML = '';
      this.pager.innerHTML = '';
      this.empty.hidden = true;
      this.status.textContent = this.mode === 'proposals' ? '' : '请输入关键词，可按栏目、年份、届次、类别、承办单位等筛选。';
      this.updateCounts();
      return;
    }
    this.root.dataset.state = 'searching';
    this.status.textContent = '正在搜索…';
    const { query, options, key } = await this.request(s);
    if (run !== this.run) return;
    const early = this.early?.key === key ? this.early.found : undefined;
    this.early = undefined;
    const found = await (early ?? searchQuery(search, query.text ? query : null, options));
    const begunEarly = early !== undefined;
    if (run !== this.run) return;
    const total = found.results.length;
    let ordered = found.results;
    // Only a search by relevance is re-ranked; a date-ordered one loads just the page it shows.
    const reranked = s.sort !== 'date' && query.compact !== '';
    const searched = performance.now();
    const head = reranked ? await Promise.all(found.results.slice(0, RERANK_DEPTH).map(async (r) => ({ r, d: await r.data() }))) : [];
    if (run !== this.run) return;
    const loaded = new Map(head.map((x) => [x.r.id, x.d]));
    if (reranked) {
      ordered = [
        ...rerank(head.map((x) => ({ ...x, title: x.d.meta.title ?? '', content: x.d.content, keys: x.d.meta.keys ?? '' })), found.spelled ?? query.compact).map((x) => x.r),
        ...found.results.slice(RERANK_DEPTH),
      ];
    }
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const page = Math.min(s.page, pages);
    const slice = ordered.slice((page - 1) * PER_PAGE, page * PER_PAGE);
    const data = await Promise.all(slice.map((r) => loaded.get(r.id) ?? r.data()));
    if (run !== this.run) return;
    const fetched = performance.now();
    this.list.innerHTML = data.map(resultHtml).join('');
    if (this.counting) this.updateCounts(found.filters);
    this.empty.hidden = total > 0;
    this.root.dataset.state = total > 0 ? 'results' : 'empty';
    const what = s.q ? `“${s.q}”` : '所选条件';
    // A slip says so, and what it searched for, so the reader knows why the results do not hold what they typed.
    const sound = found.spelled ? `（没有完全相同的内容，按读音“${found.spelled}”查找）` : '';
    this.status.textContent = total > 0 ? `${what}共找到 ${total} 条结果${sound}${pages > 1 ? `，第 ${page}/${pages} 页` : ''}` : `没有找到与${what}相关的内容`;
    this.pager.innerHTML = pages > 1 ? this.pagerHtml(s, page, pages) : '';
    // How long the reader waited: for the benchmark (`npm run bench`) and anyone looking in the browser's tools.
    const ended = performance.now();
    // Where the wait went: finding the results (word lookups and Pagefind's search), then loading the data of those
    // re-ranked and shown; and whether the search was begun during the typing pause.
    const phases = { search: searched - started, data: fetched - searched };
    const detail = { query: s.q, results: total, sinceTyping: typedAt === undefined ? null : ended - typedAt, phases, begunEarly };
    performance.measure('search', { start: started, end: ended, detail });
  }

  pagerHtml(s: SearchState, page: number, pages: number): string {
    const link = (n: number, label: string, rel = '') =>
      `<a href="${esc(location.pathname + writeState({ ...s, page: n }))}" data-page="${n}"${rel ? ` rel="${rel}"` : ''}>${label}</a>`;
    const items: string[] = [];
    if (page > 1) items.push(link(page - 1, '上一页', 'prev'));
    for (let n = Math.max(1, page - 2); n <= Math.min(pages, page + 2); n++) {
      items.push(n === page ? `<span aria-current="page">${n}</span>` : link(n, `<span class="sr-only">第</span>${n}<span class="sr-only">页</span>`));
    }
    if (page < pages) items.push(link(page + 1, '下一页', 'next'));
    return `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
  }

  /** Shows beside each filter value how many results it would give, or the built totals when there is no query. */
  updateCounts(counts?: Record<string, Record<string, number>>): void {
    for (const n of this.filterNames) {
      const sel = this.select(n);
      if (!sel) continue;
      const current = sel.value;
      const totals = this.totals.get(n)!;
      for (const o of [...sel.options]) {
        if (!o.value) continue;
        if (!totals.has(o.value) && o.value !== current) o.remove();
        else o.text = `${o.value}（${counts ? (counts[n]?.[o.value] ?? 0) : (totals.get(o.value) ?? 0)}）`;
      }
      sel.value = current;
    }
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-search-panel]')) void new SearchPanel(root).start();
