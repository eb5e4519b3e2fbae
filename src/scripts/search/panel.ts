import { KIND_LABELS } from '../../lib/search/filters.ts';
import { parseQuery } from './query.ts';
import { rerank } from './rank.ts';
import { toSimplified } from './traditional.ts';
import { SearchForm } from './form.ts';
import { pagerHtml, resultHtml } from './result.ts';
import { loadPagefind, prepare, recentOnly, RERANK_DEPTH, searchQuery, type Found } from './run.ts';
import { EVERY_YEAR, readState, writeState, type SearchState } from './state.ts';
import { unsearched, type Archive } from './archive.ts';

/**
 * The search panel: Pagefind in the browser, state in the URL, results re-ranked so titles and exact phrases come
 * first. One panel per page (`[data-search-panel]`), in full-site or proposal mode.
 */

const PER_PAGE = 10;
/** The typing pause after which results are shown, and the shorter one after which the search for them begins. */
const PAUSE = 300;
const EARLY_PAUSE = 120;

class SearchPanel {
  readonly form: SearchForm;
  readonly status: HTMLElement;
  readonly list: HTMLOListElement;
  readonly pager: HTMLElement;
  readonly empty: HTMLElement;
  /** Says what a search of a large archive's recent parts left out, with the button that searches every year. */
  readonly scope: HTMLElement;
  readonly mode: 'all' | 'proposals';
  readonly fixed: SearchState['filters'];
  private timer = 0;
  private earlyTimer = 0;
  /** A search begun during the typing pause (see `speculate`), and the request it answers. */
  private early: { key: string; found: Promise<Found> } | undefined;
  private run = 0;
  /** Whether Pagefind's filter index is loaded, so that searches return counts per filter value. */
  private counting = false;
  private countsLoading: Promise<void> | undefined;
  private last: SearchState | undefined;
  /** When the reader last typed, for the timing of the search that follows. */
  private typedAt: number | undefined;

  constructor(readonly root: HTMLElement) {
    this.status = root.querySelector('[data-status]')!;
    this.list = root.querySelector('[data-results]')!;
    this.pager = root.querySelector('[data-pager]')!;
    this.empty = root.querySelector('[data-empty]')!;
    this.scope = root.querySelector('[data-scope]')!;
    this.mode = root.dataset.mode === 'proposals' ? 'proposals' : 'all';
    this.form = new SearchForm(root, this.mode);
    this.fixed = this.mode === 'proposals' ? { kind: KIND_LABELS.proposals } : {};
  }

  async start(): Promise<void> {
    this.root.dataset.ready = 'loading';
    const state = readState(location.search);
    this.form.show(state);
    // Listen before Pagefind has loaded, so nothing the reader types early is lost.
    this.form.input.addEventListener('input', (e) => {
      this.typedAt = performance.now();
      if (!(e as InputEvent).isComposing) {
        this.prepare();
        this.speculate();
      }
      this.schedule();
    });
    // Chinese arrives through an input method: Chromium's last input event of a word still counts as composing, and
    // only the end of the composition says the word is done.
    this.form.input.addEventListener('compositionend', () => {
      this.prepare();
      this.speculate();
    });
    this.form.element.addEventListener('change', (e) => {
      if ((e.target as HTMLElement).tagName === 'SELECT') this.commit(1);
    });
    this.form.element.addEventListener('submit', (e) => {
      e.preventDefault();
      window.clearTimeout(this.timer);
      this.commit(1);
    });
    this.root.addEventListener('click', (e) => {
      const a = (e.target as HTMLElement).closest<HTMLElement>('a[data-page], button[data-clear], button[data-widen]');
      if (!a) return;
      e.preventDefault();
      if (a.dataset.widen !== undefined) {
        this.form.range.value = EVERY_YEAR;
        this.commit(1);
      } else if (a.dataset.clear !== undefined) {
        for (const n of this.form.filterNames) this.form.select(n)!.value = '';
        this.commit(1);
      } else this.commit(Number(a.dataset.page));
    });
    window.addEventListener('popstate', () => {
      const s = readState(location.search);
      this.form.show(s);
      void this.render(s);
    });
    const details = this.form.element.querySelector('details');
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
   * before: with it loaded every query costs several times as much (docs/benchmarks.md#search-filter-counts).
   */
  countFilters(): Promise<void> {
    this.countsLoading ??= (async () => {
      await (await loadPagefind()).countFilters();
      this.counting = true;
      await this.render(this.last ?? readState(location.search));
    })();
    return this.countsLoading;
  }

  /** Looks up the words typed so far (see `prepare` in run.ts). */
  prepare(): void {
    prepare(this.form.input.value, this.form.range.value === EVERY_YEAR);
  }

  /** What Pagefind is asked for a state; `key` tells two requests for the same results apart from others. */
  async request(s: SearchState) {
    // Traditional characters become simplified ones first (the converter loads only for a query that has them).
    const query = parseQuery(await toSimplified(s.q));
    const options = {
      filters: { ...s.filters, ...this.fixed },
      everyYear: s.everyYear,
      ...(s.sort === 'date' || !query.text ? { sort: { date: 'desc' as const } } : {}),
    };
    return { query, options, key: JSON.stringify([query.text, options, this.counting]) };
  }

  /**
   * Begins the search for what the reader typed once they have paused briefly, so that when the pause is long enough
   * to show results (`schedule`) most of the search is done (docs/benchmarks.md#search-early). Only the search:
   * the data of the results, which costs transfer, is loaded when they are shown. Typing faster than this pause
   * begins nothing.
   */
  speculate(): void {
    window.clearTimeout(this.earlyTimer);
    this.earlyTimer = window.setTimeout(() => {
      const s = this.form.read(1);
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
    const s = this.form.read(page);
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
      this.scope.hidden = true;
      this.status.textContent =
        this.mode === 'proposals' ? '' : '请输入关键词，可按栏目、年份、届次、类别、承办单位等筛选。';
      this.form.updateCounts();
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
    const head = reranked
      ? await Promise.all(found.results.slice(0, RERANK_DEPTH).map(async (r) => ({ r, d: await r.data() })))
      : [];
    if (run !== this.run) return;
    const loaded = new Map(head.map((x) => [x.r.id, x.d]));
    if (reranked) {
      ordered = [
        ...rerank(
          head.map((x) => ({
            ...x,
            title: x.d.meta.title ?? '',
            content: x.d.content,
            keys: x.d.meta.keys ?? '',
            names: x.d.meta.names ?? '',
            terms: x.d.meta.terms ?? '',
          })),
          found.spelled ?? query.compact,
        ).map((x) => x.r),
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
    if (this.counting) this.form.updateCounts(found.filters);
    this.empty.hidden = total > 0;
    this.root.dataset.state = total > 0 ? 'results' : 'empty';
    const what = s.q ? `“${s.q}”` : '所选条件';
    // A slip says so, and what it searched for, so the reader knows why the results do not hold what they typed.
    const sound = found.spelled ? `（没有完全相同的内容，按读音“${found.spelled}”查找）` : '';
    const where = this.showScope(search, recentOnly(search, options) && !found.widened, found.widened === true);
    this.status.textContent =
      total > 0
        ? `${what}${where}共找到 ${total} 条结果${sound}${pages > 1 ? `，第 ${page}/${pages} 页` : ''}`
        : `没有找到与${what}相关的内容`;
    this.pager.innerHTML = pages > 1 ? pagerHtml(s, page, pages) : '';
    // How long the reader waited: for the benchmark (`npm run bench`) and anyone looking in the browser's tools.
    const ended = performance.now();
    // Where the wait went: finding the results (word lookups and Pagefind's search), then loading the data of those
    // re-ranked and shown; and whether the search was begun during the typing pause.
    const phases = { search: searched - started, data: fetched - searched };
    const detail = {
      query: s.q,
      results: total,
      sinceTyping: typedAt === undefined ? null : ended - typedAt,
      phases,
      begunEarly,
    };
    performance.measure('search', { start: started, end: ended, detail });
  }

  /**
   * Where a search looked, said in its status: on a large archive, only the recent parts unless the reader asked for
   * every year (then the notice below the status names the months left out and offers to search them), or every
   * year because nothing recent was found.
   */
  showScope(archive: Archive, recent: boolean, widened: boolean): string {
    const left = unsearched(archive);
    this.scope.hidden = !(left && recent);
    if (!left) return '';
    if (recent) {
      this.root.querySelector('[data-scope-text]')!.textContent =
        `更早的 ${left.pages.toLocaleString('zh-CN')} 篇（${left.from}至${left.to}）未检索。`;
      return `在${left.since}以来的内容中`;
    }
    return widened ? `在${left.since}以来的内容中没有找到，在全部年份中` : '';
  }
}

for (const root of document.querySelectorAll<HTMLElement>('[data-search-panel]')) void new SearchPanel(root).start();
