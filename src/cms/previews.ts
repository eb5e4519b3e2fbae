import { createElement as h, Fragment, useEffect, useState, type ReactNode } from 'react';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { formatChineseDate, formatChineseDateTime, parseDateTime, parseDay } from '../lib/dates.ts';
import { publicationMoment, visibility, type Publishable } from '../lib/publication.ts';
import { courseSteps, replyKind, type StepState } from '../lib/proposals/course.ts';
import { cleanHeading } from '../lib/sections.ts';

/**
 * Preview panes of the CMS, drawn with the site's own stylesheet and classes so an entry looks as it will when
 * published: title block, meta line, Markdown body and, for proposals, the handling units' replies.
 */

type Props = PreviewTemplateComponentProps;
type Data = Record<string, unknown>;
/** Id → full name and short name (units and committees have one); a member's 职务 and 界别 too. */
type Names = ReadonlyMap<string, { name: string; short: string; role?: string; sector?: string }>;

const plain = (v: unknown): unknown =>
  v && typeof (v as { toJS?: unknown }).toJS === 'function' ? (v as { toJS(): unknown }).toJS() : v;
const dataOf = (p: Props): Data => (plain(p.entry.get('data')) ?? {}) as Data;
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);

/** 2025年2月23日 09:30 for a moment, 2025年2月23日 for a day; the raw text while an editor is still typing it. */
function when(v: unknown): string {
  const s = str(v);
  const moment = parseDateTime(s);
  if (moment) return formatChineseDateTime(moment);
  return parseDay(s) ? formatChineseDate(s) : s;
}

/** Names of a taxonomy's items or of members, by id, loaded once per pane from the CMS's own copy of the content. */
const cache = new Map<string, Promise<Names>>();
function load(p: Props, target: string): Promise<Names> {
  if (!cache.has(target)) {
    const read =
      target === 'members' ? p.getCollection('members') : p.getCollection(target, target).then((e) => [e].flat());
    cache.set(
      target,
      read
        .then((entries) => {
          const names = new Map<string, { name: string; short: string; role?: string; sector?: string }>();
          for (const e of entries) {
            const data = (plain(e.get('data')) ?? {}) as Data;
            if (target === 'members')
              names.set(str(e.get('slug')), {
                name: str(data.name),
                short: str(data.name),
                role: str(data.role),
                sector: str(data.sector),
              });
            else
              for (const i of (data.items ?? []) as Data[])
                names.set(str(i.id), { name: str(i.name), short: str(i.shortName || i.name) });
          }
          return names;
        })
        .catch(() => new Map()),
    );
  }
  return cache.get(target)!;
}

/** Forget the loaded names (after a save, a new unit or member may exist). */
export function forgetNames(): void {
  cache.clear();
}

function useNames(p: Props, target: string): Names {
  const [names, setNames] = useState<Names>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: names load once per list; p changes on every keystroke.
  useEffect(() => {
    let live = true;
    void load(p, target).then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, [target]);
  return names;
}

const name = (names: Names, id: unknown) => names.get(str(id))?.name || str(id);
const short = (names: Names, id: unknown) => names.get(str(id))?.short || str(id);
const shorts = (all: Names, ids: unknown) =>
  list(ids)
    .map((id) => short(all, id))
    .join('、');

function Page(...children: ReactNode[]) {
  return h(
    'div',
    { className: 'bg-stone-50 px-4 py-6' },
    h('article', { className: 'mx-auto max-w-3xl' }, ...children),
  );
}

/** Title block as on the site: kicker, h1, subtitle and a meta line. */
function Header(o: { title: unknown; kicker?: string | undefined; subtitle?: unknown; meta: ReactNode[] }) {
  return h(
    'header',
    { className: 'border-b border-stone-300 pb-4' },
    o.kicker ? h('p', { className: 'text-brand-700' }, o.kicker) : null,
    h('h1', { className: 'text-2xl font-bold leading-snug sm:text-3xl' }, str(o.title) || '（未填写标题）'),
    o.subtitle ? h('p', { className: 'mt-2 text-lg text-muted' }, str(o.subtitle)) : null,
    h(
      'p',
      { className: 'mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-muted' },
      ...o.meta.filter(Boolean).map((m) => h('span', null, m)),
    ),
  );
}

function Figure(p: Props, image: unknown) {
  const img = image as { src?: string; alt?: string; caption?: string } | undefined;
  if (!img?.src) return null;
  return h(
    'figure',
    { className: 'my-6' },
    h('img', { src: str(p.getAsset(img.src)), alt: img.alt ?? '', className: 'h-auto w-full rounded bg-stone-200' }),
    img.caption ? h('figcaption', { className: 'mt-2 text-center text-sm text-muted' }, img.caption) : null,
  );
}

const Body = (p: Props, className = 'prose-zh mt-6') => h('div', { className }, p.widgetFor('body'));

function NewsPreview(p: Props) {
  const d = dataOf(p);
  const places = useNames(p, 'places');
  const edition = d.edition as { date?: string; page?: string } | undefined;
  return Page(
    Header({
      title: d.title,
      meta: [
        when(d.date),
        str(d.byline),
        d.place ? name(places, d.place) : '',
        edition?.date ? `本报${when(edition.date)}${str(edition.page)}` : '',
      ],
    }),
    Figure(p, d.cover),
    Body(p),
    list(d.tags).length
      ? h(
          'p',
          { className: 'mt-8 flex flex-wrap gap-2' },
          h('span', { className: 'text-muted' }, '标签：'),
          ...list(d.tags).map((t) => h('span', { className: 'badge border-stone-400' }, t)),
        )
      : null,
  );
}

/** A notice as the page shows it: the 公开 facts above the text, the attachments below it. */
function NoticePreview(p: Props) {
  const d = dataOf(p);
  const committees = useNames(p, 'committees');
  const files = (Array.isArray(d.attachments) ? d.attachments : []) as Data[];
  const facts: [string, unknown][] = [
    ['索引号', d.indexNumber],
    ['主题分类', d.topic],
    ['发布机构', name(committees, d.publisher)],
    ['成文日期', when(d.written)],
    ['发文字号', d.docNumber],
    ['发布日期', when(d.date)],
  ];
  return Page(
    Header({ title: d.title, meta: [when(d.date)] }),
    h(
      'dl',
      { className: 'mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm' },
      ...facts.flatMap(([k, v]) => [h('dt', { className: 'text-muted' }, k), h('dd', null, str(v) || '—')]),
    ),
    Body(p),
    files.length
      ? h(
          'ul',
          { className: 'mt-6 list-disc pl-6' },
          ...files.map((f) => h('li', null, `${str(f.name)}（${str(f.file)}）`)),
        )
      : null,
  );
}

/** The review's 目录 as the page shows it: one line per second-level heading, when there are two or more. */
function Contents(body: unknown) {
  const sections = [...str(body).matchAll(/^##\s+(.+?)\s*#*\s*$/gm)].map((m) => cleanHeading(m[1]!));
  if (sections.length < 2) return null;
  return h(
    'nav',
    { className: 'mt-6 rounded border border-stone-300 bg-white p-4', 'aria-label': '目录' },
    h('h2', { className: 'font-bold' }, '目录'),
    h(
      'ol',
      { className: 'mt-2 grid gap-x-6 sm:grid-cols-2' },
      ...sections.map((label, i) => h('li', { key: i }, `${i + 1}. ${label}`)),
    ),
  );
}

function ReviewPreview(p: Props) {
  const d = dataOf(p);
  return Page(
    Header({
      title: d.title,
      subtitle: d.subtitle,
      kicker: d.year ? `${str(d.year)}年度工作回眸` : undefined,
      meta: [when(d.date)],
    }),
    h(
      'aside',
      { className: 'mt-6 rounded border-l-4 border-brand-700 bg-brand-50 p-4' },
      h('h2', { className: 'font-bold text-brand-700' }, '编者按'),
      h('p', { className: 'mt-1 leading-8' }, str(d.editorNote)),
    ),
    Contents(d.body),
    Body(p),
  );
}

function VoicePreview(p: Props) {
  const d = dataOf(p);
  const members = useNames(p, 'members');
  const sectors = useNames(p, 'sectors');
  const author = members.get(str(d.author));
  // As the page writes it: 作者：谢慧兰（市政协常委，科学技术界）.
  const about = author
    ? [author.role, author.sector ? name(sectors, author.sector) : ''].filter(Boolean).join('，')
    : '';
  const byline = d.author ? `作者：${name(members, d.author)}${about ? `（${about}）` : ''}` : '';
  return Page(Header({ title: d.title, kicker: str(d.column), meta: [when(d.date), byline] }), Body(p));
}

function MemberPreview(p: Props) {
  const d = dataOf(p);
  const sectors = useNames(p, 'sectors');
  const committees = useNames(p, 'committees');
  return Page(
    Header({
      title: d.name,
      meta: [
        str(d.role),
        d.sector ? `${name(sectors, d.sector)}界别` : '',
        d.committee ? name(committees, d.committee) : '',
      ],
    }),
    Figure(p, d.photo),
    h('p', { className: 'mt-4' }, str(d.bio)),
    Body(p),
  );
}

const section = (title: string, ...children: ReactNode[]) =>
  h(
    'section',
    { className: 'mt-8' },
    h('h2', { className: 'border-l-4 border-brand-700 pl-3 text-xl font-bold' }, title),
    ...children,
  );

/** 办理进程 as the page shows it, from the same steps (src/lib/proposals/course.ts). */
const STATE: Record<StepState, string> = { done: '✓ 已完成', current: '◔ 进行中', pending: '○ 待办' };
function Timeline(d: Data, unitName: (id: string) => string) {
  const steps = courseSteps({ ...d, leadUnits: list(d.leadUnits), coUnits: list(d.coUnits) } as never, unitName);
  return section(
    '办理进程',
    h(
      'ol',
      { className: 'mt-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-4' },
      ...steps.map((s, i) =>
        h(
          'li',
          {
            key: i,
            'data-step': s.key,
            className: `rounded border-t-4 bg-white p-3 ${s.state === 'pending' ? 'border-dashed border-stone-400' : 'border-green-700'}`,
          },
          h(
            'p',
            { className: 'font-bold' },
            s.label,
            h('span', { className: 'ml-1 text-sm font-normal' }, STATE[s.state]),
          ),
          s.date ? h('p', { className: 'text-sm text-muted' }, when(s.date)) : null,
          ...s.notes.map((n, j) => h('p', { key: j, className: 'text-sm' }, n)),
        ),
      ),
    ),
  );
}

function ProposalPreview(p: Props) {
  const d = dataOf(p);
  const units = useNames(p, 'units');
  const sessions = useNames(p, 'sessions');
  const categories = useNames(p, 'categories');
  const sectors = useNames(p, 'sectors');
  const members = useNames(p, 'members');
  const replies = (d.replies ?? []) as Data[];
  const replyWidgets = (p.widgetsFor('replies')?.toArray?.() ?? []) as { getIn(path: string[]): ReactNode }[];
  const facts: [string, string][] = [
    ['届次', name(sessions!, d.session)],
    ['提案类型', str(d.proposerType)],
    ['提案人', [str(d.collective), shorts(members!, d.proposers)].filter(Boolean).join('、')],
    ['界别', d.sector ? name(sectors!, d.sector) : ''],
    ['类别', name(categories!, d.category)],
    ['提交日期', when(d.submitted)],
    ['主办单位', shorts(units!, d.leadUnits)],
    ['协办单位', shorts(units!, d.coUnits)],
    ['会办单位', shorts(units!, d.jointUnits)],
  ];
  return Page(
    h(
      'header',
      { className: 'border-b border-stone-300 pb-4' },
      h('p', { className: 'text-brand-700' }, `第 ${str(d.number)} 号提案`),
      h('h1', { className: 'text-2xl font-bold leading-snug sm:text-3xl' }, str(d.title) || '（未填写案由）'),
      h(
        'p',
        { className: 'mt-3 flex flex-wrap gap-1' },
        d.key ? h('span', { className: 'badge border-brand-700 bg-brand-700 text-white' }, '重点提案') : null,
        d.status ? h('span', { className: 'badge bg-white border-stone-500' }, str(d.status)) : null,
        d.public === false ? h('span', { className: 'badge border-stone-500' }, '不公开（网站不显示）') : null,
      ),
    ),
    h(
      'dl',
      { className: 'mt-4 grid grid-cols-[6em_1fr] gap-x-4 gap-y-2 rounded bg-white p-4 text-base' },
      ...facts
        .filter(([, v]) => v)
        .map(([k, v]) => h(Fragment, { key: k }, h('dt', { className: 'text-muted' }, k), h('dd', null, v))),
    ),
    Timeline(d, (id) => short(units!, id)),
    section('提案内容', Body(p, 'prose-zh mt-4')),
    section(
      `办理答复（${replies.length}）`,
      replies.length === 0 ? h('p', { className: 'mt-4 text-muted' }, '承办单位尚未答复。') : null,
      ...replies.map((r, i) =>
        h(
          'section',
          { key: i, className: 'mt-6 rounded border border-stone-300 bg-white p-4' },
          h(
            'h3',
            { className: 'text-lg font-bold' },
            `${name(units!, r.unit) || '（未选单位）'}的${replyKind(str(r.role))}`,
            r.role ? h('span', { className: 'badge ml-2 border-stone-400 text-base font-normal' }, str(r.role)) : null,
          ),
          h(
            'p',
            { className: 'mt-1 flex flex-wrap gap-x-4 text-sm text-muted' },
            h('span', null, `答复日期：${when(r.date)}`),
            r.docNumber ? h('span', null, `文号：${str(r.docNumber)}`) : null,
            h('span', null, '办理结果：', h('strong', { className: 'text-ink' }, str(r.result))),
          ),
          h('div', { className: 'prose-zh mt-3' }, replyWidgets[i]?.getIn(['widgets', 'body']) ?? null),
        ),
      ),
      d.satisfaction
        ? h('p', { className: 'mt-6' }, '委员对办理结果的评价：', h('strong', null, str(d.satisfaction)))
        : null,
    ),
  );
}

/** A moment as Decap holds it: the text the widget wrote, or a Date where it read an unquoted YAML timestamp. */
const momentOf = (v: unknown): Date | undefined => (v instanceof Date ? v : parseDateTime(str(v)));

/**
 * What the editor must know before saving: an entry timed for later (定时发布) is not on the site until its moment, a
 * withdrawn one (撤回) is off it for good. Decided by the rule the build uses, with the editor's clock as "now".
 */
function PublicationNotice({ kind, data }: { kind: string; data: Data }) {
  const w = (data.withdrawn ?? {}) as Data;
  const withdrawn = str(w.date) || str(w.reason) ? { date: str(w.date), reason: str(w.reason) } : undefined;
  const entry: Publishable = { date: momentOf(data.date), publishAt: momentOf(data.publishAt), withdrawn };
  const state = visibility(kind, entry, new Date());
  if (state === 'published') return null;
  const text =
    state === 'withdrawn'
      ? `已撤回${parseDay(withdrawn!.date) ? `（${formatChineseDate(withdrawn!.date)}）` : ''}：网站各处不再显示此文，原网址显示撤回说明。撤回原因：${withdrawn!.reason || '（未填写）'}`
      : `定时发布：${formatChineseDateTime(publicationMoment(kind, entry)!)}（北京时间）。此前网站不显示此文，到时网站自动更新后公开。`;
  return h(
    'div',
    { className: 'bg-stone-50 px-4 pt-6' },
    h(
      'p',
      {
        role: 'status',
        'data-publication': state,
        className: 'mx-auto max-w-3xl rounded border-l-4 border-brand-700 bg-brand-50 p-3 font-bold text-brand-700',
      },
      text,
    ),
  );
}

/** A preview with the publication notice above it. */
const withNotice = (kind: string, Preview: (p: Props) => ReactNode) => (p: Props) =>
  h(Fragment, null, h(PublicationNotice, { kind, data: dataOf(p) }), h(Preview, p));

/** Preview template of each folder collection, by collection name. */
export const previews = {
  news: withNotice('news', NewsPreview),
  notices: withNotice('notices', NoticePreview),
  reviews: withNotice('reviews', ReviewPreview),
  proposals: withNotice('proposals', ProposalPreview),
  voices: withNotice('voices', VoicePreview),
  members: withNotice('members', MemberPreview),
} as const;
