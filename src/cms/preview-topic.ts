import { createElement as h, useEffect, useState } from 'react';
import type { ProposalData } from '../content/types.ts';
import { meetingName } from '../lib/meeting-name.ts';
import { filterFromProps, matchesFilter } from '../lib/proposals/filter.ts';
import { proposalStats } from '../lib/proposals/stats.ts';
import { visibility } from '../lib/publication.ts';
import { routes } from '../lib/routes.ts';
import { topicChart } from '../lib/topic-chart.ts';
import type { STATS_BY } from '../lib/topic-components.ts';
import { parseDateTime } from '../lib/dates.ts';
import {
  Body,
  dataOf,
  Figure,
  Header,
  list,
  loadNames,
  type Names,
  Page,
  type Props,
  str,
  useNames,
  when,
} from './preview-parts.ts';

/**
 * A 专题's preview as its page shows it: the meeting, cover, summary and body, with the embedded proposal lists and
 * charts filled from the CMS's own copy of the proposals (the page's rules: `matchesFilter`, `topicChart`), not a
 * summary of their attributes. The body is Decap's Markdown preview, whose editor components draw their part through
 * `topicComponentHtml` once the proposals are loaded; until then they show their attributes.
 */

type Attrs = Record<string, string | boolean | undefined>;
interface Loaded {
  /** Proposals the site shows (not withdrawn, not timed for later), in the site's order; withheld ones included. */
  proposals: { id: string; data: ProposalData }[];
  names: Record<'sessions' | 'categories' | 'units' | 'sectors' | 'members', Names>;
}
let loaded: Loaded | undefined;
let loading: Promise<Loaded> | undefined;

const asProposal = (d: Record<string, unknown>) =>
  ({
    ...d,
    proposers: list(d.proposers),
    leadUnits: list(d.leadUnits),
    coUnits: list(d.coUnits),
    jointUnits: list(d.jointUnits),
    replies: Array.isArray(d.replies) ? d.replies : [],
    submitted: str(d.submitted),
    number: str(d.number),
  }) as unknown as ProposalData;

function load(p: Props): Promise<Loaded> {
  loading ??= (async () => {
    const targets = ['sessions', 'categories', 'units', 'sectors', 'members'] as const;
    const [entries, ...names] = await Promise.all([
      p.getCollection('proposals'),
      ...targets.map((t) => loadNames(p, t)),
    ]);
    const now = new Date();
    const proposals = entries
      .map((e) => ({ id: str(e.get('slug')), raw: dataOf({ entry: e } as unknown as Props) }))
      .filter(({ raw }) => {
        const w = (raw.withdrawn ?? {}) as Record<string, unknown>;
        const withdrawn = str(w.date) || str(w.reason) ? { date: str(w.date), reason: str(w.reason) } : undefined;
        const publishAt = parseDateTime(str(raw.publishAt));
        return visibility('proposals', { publishAt, withdrawn }, now) === 'published';
      })
      .map(({ id, raw }) => ({ id, data: asProposal(raw) }))
      .sort((a, b) => b.data.submitted.localeCompare(a.data.submitted) || a.data.number.localeCompare(b.data.number));
    loaded = { proposals, names: Object.fromEntries(targets.map((t, i) => [t, names[i]!])) as Loaded['names'] };
    return loaded;
  })();
  return loading;
}

/** Forget the loaded proposals (after a save). */
export function forgetTopicData(): void {
  loaded = undefined;
  loading = undefined;
}

const esc = (s: unknown) => str(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const nameIn = (names: Names, id: string) => names.get(id)?.name || id;
const shortIn = (names: Names, id: string) => names.get(id)?.short || id;

function proposalListHtml(a: Attrs, l: Loaded): string {
  const limit = typeof a.limit === 'string' && a.limit ? Number(a.limit) : 10;
  const filter = filterFromProps(a);
  const items = l.proposals.filter((p) => p.data.public !== false && matchesFilter(p.data, filter)).slice(0, limit);
  const item = ({ id, data: d }: Loaded['proposals'][number]) => {
    const proposers = d.collective ?? d.proposers.map((m) => nameIn(l.names.members, m)).join('、');
    const lead = d.leadUnits.length
      ? `<span>主办：${esc(d.leadUnits.map((u) => shortIn(l.names.units, u)).join('、'))}</span>`
      : '';
    return `<article class="border-b border-stone-200 py-4"><p class="text-sm text-muted">第 ${esc(d.number)} 号　${esc(nameIn(l.names.sessions, d.session))}</p><h3 class="mt-1 text-lg font-bold leading-snug"><a href="${routes.proposals(id)}">${esc(d.title)}</a></h3><p class="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm"><span>提案人：${esc(proposers)}</span><span>类别：${esc(nameIn(l.names.categories, d.category))}</span>${lead}</p></article>`;
  };
  const body = items.length
    ? `<div data-proposal-list>${items.map(item).join('')}</div>`
    : '<p class="text-muted">暂无符合条件的公开提案。</p>';
  const title = a.title ? `<h2 class="text-xl font-bold">${esc(a.title)}</h2>` : '';
  return `<section class="not-prose my-6" data-topic-component="ProposalList">${title}${body}</section>`;
}

function statsChartHtml(a: Attrs, l: Loaded): string {
  const session = str(a.session);
  const by = (str(a.by) || 'category') as keyof typeof STATS_BY;
  const stats = proposalStats(l.proposals.filter((p) => p.data.session === session).map((p) => p.data));
  const chart = topicChart(stats, nameIn(l.names.sessions, session), by, {
    category: (id) => nameIn(l.names.categories, id),
    sector: (id) => nameIn(l.names.sectors, id),
    unit: (id) => shortIn(l.names.units, id),
  });
  const max = Math.max(1, ...chart.rows.map((r) => r.value));
  const bars = chart.rows
    .map(
      (r) =>
        `<span class="text-right leading-snug">${esc(r.label)}</span><span class="flex items-center gap-2"><svg viewBox="0 0 100 10" preserveAspectRatio="none" class="h-5 min-w-0 flex-1" aria-hidden="true"><rect width="${Math.max(0.5, (r.value / max) * 100).toFixed(2)}" height="10" rx="0.5" fill="#96201a"></rect></svg><span class="shrink-0 whitespace-nowrap">${r.value}</span></span>`,
    )
    .join('');
  const rows = chart.rows
    .map(
      (r) =>
        `<tr><th scope="row" class="py-1 font-normal">${esc(r.label)}</th><td class="py-1 text-right">${r.value}</td></tr>`,
    )
    .join('');
  return `<div class="not-prose" data-topic-component="StatsChart"><figure class="mt-6 rounded border border-stone-300 bg-white p-4"><figcaption class="text-lg font-bold">${esc(chart.title)}</figcaption><p class="text-sm text-muted">${esc(chart.description)}</p><div class="mt-3 grid max-w-2xl grid-cols-[minmax(0,9em)_minmax(0,1fr)] items-center gap-x-3 gap-y-2 text-sm">${bars}</div><table class="mt-3 w-full max-w-md text-left text-sm" data-chart-table><thead><tr><th scope="col" class="border-b py-1">项目</th><th scope="col" class="border-b py-1 text-right">数量（件）</th></tr></thead><tbody>${rows}</tbody></table></figure></div>`;
}

/** What a proposal list or chart shows on the page, once the proposals are loaded; undefined before. */
export function topicComponentHtml(name: string, a: Attrs): string | undefined {
  if (!loaded) return undefined;
  if (name === 'ProposalList') return proposalListHtml(a, loaded);
  if (name === 'StatsChart') return statsChartHtml(a, loaded);
  return undefined;
}

export function TopicPreview(p: Props) {
  const d = dataOf(p);
  const sessions = useNames(p, 'sessions');
  const [ready, setReady] = useState(!!loaded);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the proposals load once per pane; p changes on every key.
  useEffect(() => {
    let live = true;
    void load(p).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  const m = (d.meeting ?? {}) as { kind?: string; session?: string; number?: number };
  const [term, meeting] = str(m.session).split('-').map(Number);
  const kicker =
    term && meeting
      ? meetingName({ kind: str(m.kind), number: m.number }, { term, meeting })
      : nameIn(sessions, str(m.session));
  return Page(
    Header({ title: d.title, kicker, meta: [when(d.date)] }),
    Figure(p, d.cover),
    h(
      'div',
      { className: 'prose-zh', key: ready ? 'ready' : 'loading' },
      d.summary ? h('p', { className: 'text-lg' }, str(d.summary)) : null,
      Body(p, ''),
    ),
  );
}
