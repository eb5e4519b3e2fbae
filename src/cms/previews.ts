import { createElement as h, Fragment, type ReactNode } from 'react';
import { formatChineseDate, formatChineseDateTime, parseDateTime, parseDay } from '../lib/dates.ts';
import { publicationMoment, visibility, type Publishable } from '../lib/publication.ts';
import { cleanHeading } from '../lib/sections.ts';
import {
  Body,
  dataOf,
  Figure,
  Header,
  list,
  name,
  Page,
  str,
  useNames,
  when,
  type Data,
  type Props,
} from './preview-parts.ts';
import { ProposalPreview } from './preview-proposal.ts';
import { TopicPreview } from './preview-topic.ts';

/**
 * Preview panes of the CMS, drawn with the site's own stylesheet and classes so an entry looks as it will when
 * published: title block, meta line, Markdown body and, for proposals, the handling units' replies
 * (`preview-proposal.ts`). The parts they share are in `preview-parts.ts`.
 */

export { forgetNames } from './preview-parts.ts';
export { forgetTopicData } from './preview-topic.ts';
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
  topics: withNotice('topics', TopicPreview),
} as const;
