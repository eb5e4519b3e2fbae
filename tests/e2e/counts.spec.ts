import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { collection } from '../../src/content/model.ts';
import { CONTENT, publishedEntries } from '../support/content.ts';

/**
 * Every count shown anywhere equals the count computed here from the content files. The test visits every built page
 * in Chromium (without JavaScript: the totals the page is built with, not a query's), reads each count with what it
 * counts (`data-count-of`, Count.astro), and recomputes it from content/ with code of its own, not the site's. A
 * count-like text (共 N 条, （N）, N 件) outside a marked count fails too, so no count goes unchecked.
 */
const DIST = process.env.OUT_DIR ?? join(import.meta.dirname, '../../dist');

type Data = Record<string, unknown>;
const entries = (name: Parameters<typeof collection>[0]) =>
  publishedEntries(collection(name)).map((e) => ({ id: e.id, ...(e.data as Data) }) as Data & { id: string });

interface Reply {
  unit: string;
  role?: string;
  result: string;
}
interface Proposal {
  id: string;
  number: string;
  session: string;
  category: string;
  sector?: string;
  proposerType: string;
  proposers?: string[];
  key?: boolean;
  public?: boolean;
  status: string;
  submitted: string;
  leadUnits?: string[];
  coUnits?: string[];
  jointUnits?: string[];
  replies?: Reply[];
  satisfaction?: string;
  rehandling?: { replies?: Reply[] };
}
const proposals = entries('proposals') as unknown as Proposal[];
const news = entries('news') as (Data & { id: string; date: string; tags?: string[] })[];
const notices = entries('notices') as (Data & { id: string; date: string; topic: string })[];
const voices = entries('voices') as (Data & { id: string; date: string; column: string; author: string })[];
const topics = entries('topics') as (Data & { id: string; date: string })[];
/** 数字报 issues by their date (the file name), for the 报纸期次 filter of the stories printed in them. */
const issueNumbers = new Map(entries('paper').map((e) => [e.id, Number(e.number)]));
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v));
/** A story's search filters as a reader picks them, with its issue and page when it was printed in the paper. */
function printed(m: Map<string, string>, e: Data): Map<string, string> {
  const at = e.paper as { issue: unknown; page: number } | undefined;
  if (at) m.set('issue', `第${issueNumbers.get(day(at.issue))}期`).set('paperpage', `第${at.page}版`);
  return m;
}
const reviews = entries('reviews') as (Data & { id: string; date: string })[];
const members = entries('members');
const units = entries('units') as (Data & { id: string; name: string; shortName?: string })[];
const sessions = entries('sessions') as (Data & {
  id: string;
  term: number;
  meeting: number;
  received?: number;
  merged?: number;
})[];
const categories = new Map(entries('categories').map((c) => [c.id, c.name as string]));
const sectors = new Map(entries('sectors').map((c) => [c.id, c.name as string]));
const committees = entries('committees') as (Data & { id: string; name: string })[];
const reviewBodies = new Map(reviews.map((r) => [r.id, readFileSync(join(CONTENT, 'reviews', `${r.id}.md`), 'utf8')]));

const year = (d: string | Date) =>
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date(d)));
const digits = '零一二三四五六七八九';
const chinese = (n: number) =>
  n < 10 ? digits[n]! : `${n >= 20 ? digits[Math.floor(n / 10)] : ''}十${n % 10 ? digits[n % 10] : ''}`;
const unitLabel = (id: string) => units.find((u) => u.id === id)!.shortName ?? units.find((u) => u.id === id)!.name;

/** The lead unit's last word: its answer in the 重办 where there was one, else its answer. */
const finalAnswer = (p: Proposal, unit: string) =>
  p.rehandling?.replies?.find((r) => r.unit === unit) ?? p.replies?.find((r) => r.unit === unit && r.role === '主办');

function proposalMatches(p: Proposal, word: string): boolean {
  const [k, v = ''] = word.split('=') as [string, string?];
  switch (k) {
    case 'public':
      return p.public !== false;
    case 'withheld':
      return p.public === false;
    case 'key':
      return p.key === true;
    case 'rated':
      return Boolean(p.satisfaction);
    case 'rehandled':
      return Boolean(p.rehandling);
    case 'session':
    case 'category':
    case 'sector':
    case 'status':
    case 'satisfaction':
      return p[k] === v;
    case 'type':
      return p.proposerType === v;
    case 'lead':
      return (p.leadUnits ?? []).includes(v);
    case 'co':
      return (p.coUnits ?? []).includes(v);
    case 'joint':
      return (p.jointUnits ?? []).includes(v);
    case 'unit':
      return [...(p.leadUnits ?? []), ...(p.coUnits ?? []), ...(p.jointUnits ?? [])].includes(v);
    case 'proposer':
      return (p.proposers ?? []).includes(v);
    case 'answered-by':
      return (p.replies ?? []).some((r) => r.unit === v && r.role === '主办');
    case 'result-of': {
      const [unit, result] = v.split(':');
      return finalAnswer(p, unit!)?.result === result;
    }
  }
  throw new Error(`unknown proposal word “${word}”`);
}

/** Filters of each page the search index holds, as a reader picks them (labels, not ids). */
function searchPages(mode: string): Map<string, string>[] {
  const page = (kind: string, date?: string) =>
    new Map([['kind', kind], ...(date ? [['year', String(year(date))] as [string, string]] : [])]);
  const shownProposals = proposals
    .filter((p) => p.public !== false)
    .map((p) => {
      const m = page('提案与答复', p.submitted);
      const s = sessions.find((x) => x.id === p.session)!;
      m.set('session', `${chinese(s.term)}届${chinese(s.meeting)}次会议`)
        .set('category', categories.get(p.category)!)
        .set('status', p.status)
        .set('type', p.proposerType);
      if (p.sector) m.set('sector', sectors.get(p.sector)!);
      if (p.key) m.set('key', '重点提案');
      const named = new Set([
        ...(p.leadUnits ?? []),
        ...(p.coUnits ?? []),
        ...(p.jointUnits ?? []),
        ...(p.replies ?? []).map((r) => r.unit),
      ]);
      m.set('unit', [...named].map(unitLabel).join('\n'));
      return m;
    });
  if (mode === 'proposals') return shownProposals;
  return [
    ...news.map((n) => printed(page('新闻简报', n.date), n)),
    ...notices.map((n) => page('通知公告', n.date)),
    ...reviews.map((r) => page('工作回眸', r.date)),
    ...voices.map((v) => printed(page('委员声音', v.date), v)),
    ...topics.map((t) => page('专题', t.date)),
    ...members.map(() => page('委员')),
    ...units.map(() => page('承办单位')),
    ...shownProposals,
  ];
}

/** The count a `data-count-of` description stands for, computed from content/. */
function expected(of: string): number {
  const [what, ...words] = of.split(' ');
  const arg = (k: string) => words.find((w) => w.startsWith(`${k}=`))?.slice(k.length + 1);
  switch (what) {
    case 'proposals':
      return proposals.filter((p) => words.every((w) => proposalMatches(p, w))).length;
    case 'answers':
    case 'opinions': {
      const p = proposals.find((x) => x.id === arg('proposal'))!;
      return (p.replies ?? []).filter((r) => (r.role === '主办') === (what === 'answers')).length;
    }
    case 'received':
    case 'merged': {
      const used = sessions.filter((s) =>
        arg('session') ? s.id === arg('session') : proposals.some((p) => p.session === s.id),
      );
      const scope = proposals.filter((p) => !arg('session') || p.session === arg('session'));
      // A session without a recorded 征集 figure: the statistics count the registered proposals instead.
      if (what === 'received' && used.some((s) => s.received === undefined)) return scope.length;
      return used.reduce((n, s) => n + (s[what] ?? 0), 0);
    }
    case 'topics':
      return topics.length;
    case 'units':
      return units.length;
    case 'members':
      return members.length;
    case 'tags':
      return new Set(news.flatMap((n) => n.tags ?? [])).size;
    case 'news':
      return news.filter((n) => !arg('tag') || (n.tags ?? []).includes(arg('tag')!)).length;
    case 'notices':
      return notices.filter((n) => !arg('topic') || n.topic === arg('topic')).length;
    case 'voices':
      return voices.filter(
        (v) => (!arg('column') || v.column === arg('column')) && (!arg('author') || v.author === arg('author')),
      ).length;
    case 'reviews': {
      const c = committees.find((x) => x.id === arg('committee'));
      return reviews.filter(
        (r) => !c || new RegExp(`^##\\s+[■□●◆▲\\s]*${c.name}\\s*$`, 'm').test(reviewBodies.get(r.id)!),
      ).length;
    }
    case 'archive': {
      const items = [
        ...news.map((n) => ['新闻简报', n.date]),
        ...notices.map((n) => ['通知公告', n.date]),
        ...reviews.map((r) => ['工作回眸', r.date]),
        ...proposals.filter((p) => p.public !== false).map((p) => ['提案与答复', p.submitted]),
        ...voices.map((v) => ['委员声音', v.date]),
      ] as [string, string][];
      return items.filter(
        ([kind, date]) =>
          (!arg('year') || year(date) === Number(arg('year'))) && (!arg('kind') || kind === arg('kind')),
      ).length;
    }
    case 'search': {
      const [mode, filter] = words as [string, string];
      const [name, value] = filter.split('=') as [string, string];
      return searchPages(mode).filter((m) => (m.get(name) ?? '').split('\n').includes(value)).length;
    }
  }
  throw new Error(`unknown count “${of}”`);
}

const pages = (readdirSync(DIST, { recursive: true }) as string[])
  .filter((f) => f.endsWith('index.html') && !f.startsWith('admin') && !f.startsWith('pagefind'))
  .map((f) => `/${f.replace(/index\.html$/, '')}`)
  .sort();

test.use({ javaScriptEnabled: false });

test('the sample has counts to check on the pages the issue names', () => {
  for (const path of [
    '/units/',
    '/units/kjj/',
    '/proposals/',
    '/proposals/stats/',
    '/proposals/unit/kjj/',
    '/proposals/key/',
  ])
    expect(pages).toContain(path);
});

test('every count on every built page equals the count computed from the content', async ({ page }) => {
  test.setTimeout(300_000);
  const wrong: string[] = [];
  const unmarked: string[] = [];
  let checked = 0;
  for (const path of pages) {
    await page.goto(path);
    const found = await page.evaluate(() => {
      const counts = [...document.querySelectorAll('[data-count-of]')].map((e) => ({
        of: e.getAttribute('data-count-of')!,
        text: e.textContent ?? '',
      }));
      // What is left once the marked counts, hidden search keys, scripts, charts' drawn labels and the entries' own
      // words are taken out (a title, summary or body may say “8件实事” or “（2）”): list items, bodies, a page's title.
      const body = document.body.cloneNode(true) as HTMLElement;
      body
        .querySelectorAll(
          '[data-count-of], [hidden], script, style, svg, .prose-zh, article:not([data-pagefind-body]), article h1',
        )
        .forEach((e) => {
          e.remove();
        });
      return { counts, rest: body.textContent ?? '' };
    });
    for (const c of found.counts) {
      checked++;
      const shown = Number([...c.text.matchAll(/\d+/g)].at(-1)?.[0]);
      const want = expected(c.of);
      if (shown !== want) wrong.push(`${path}: “${c.of}” shows ${shown}, content has ${want}`);
    }
    for (const m of found.rest.matchAll(/共\s*\d+\s*[条件篇个位]|（\d+\s*[条件篇]?）|\d+\s*件/g))
      unmarked.push(`${path}: “${m[0]}”`);
  }
  expect(wrong).toEqual([]);
  expect(unmarked, 'a count shown without data-count-of').toEqual([]);
  expect(checked).toBeGreaterThan(500);
});
