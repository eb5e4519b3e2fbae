import type { CmsField } from 'decap-cms-core';
import { TOPIC_COMPONENTS, STATS_BY, type ComponentName, type PropSpec } from '../lib/topic-components.ts';
import { formatChineseDate, parseDay } from '../lib/dates.ts';
import { cmsField, DATE_FORMAT } from './config.ts';
import { topicComponentHtml } from './preview-topic.ts';

/**
 * The 专题 components as Decap editor components: each has a form (届次 and the other taxonomies as pickers), writes
 * the MDX tag the site renders, reads it back, and shows a preview. Forms and attributes come from the table in
 * `src/lib/topic-components.ts`, the same one the build's guard checks against.
 */

type Props = Record<string, string | boolean | undefined>;

const REF = { session: 'sessions', category: 'categories', unit: 'units', sector: 'sectors' } as const;

/** The Decap field of one attribute. */
export function propField(name: string, p: PropSpec): CmsField {
  const base = { name, label: p.label, required: p.required };
  const t = p.type;
  switch (t.kind) {
    case 'session':
    case 'category':
    case 'unit':
    case 'sector':
      return cmsField({ ...base, type: 'ref', to: REF[t.kind], multiple: false });
    case 'enum':
      return {
        ...base,
        widget: 'select',
        options: t.options.map((o) => ({ label: STATS_BY[o as keyof typeof STATS_BY] ?? o, value: o })),
      } as CmsField;
    case 'flag':
      return { ...base, widget: 'boolean', default: false } as CmsField;
    case 'int':
      return { ...base, widget: 'number', value_type: 'int', min: t.min, max: t.max } as CmsField;
    case 'day':
      return {
        ...base,
        widget: 'datetime',
        date_format: DATE_FORMAT,
        time_format: false,
        format: DATE_FORMAT,
      } as CmsField;
    case 'text':
      return { ...base, widget: 'string' } as CmsField;
    case 'media':
      return { ...base, widget: t.ext.includes('jpg') ? 'image' : 'file', choose_url: false } as CmsField;
  }
}

const fieldsOf = (name: ComponentName): CmsField[] =>
  Object.entries(TOPIC_COMPONENTS[name].props as Record<string, PropSpec>).map(([k, p]) => propField(k, p));

/** Attributes as written in MDX: `key="value"`, or the bare name of a flag that is on. */
export function writeAttributes(name: ComponentName, data: Props): string {
  const specs = TOPIC_COMPONENTS[name].props as Record<string, PropSpec>;
  return Object.entries(specs)
    .map(([k, p]) => {
      const v = data[k];
      if (p.type.kind === 'flag') return v === true || v === 'true' ? ` ${k}` : '';
      if (v === undefined || v === null || v === '' || v === false) return '';
      // A JSX string attribute has no escapes: a straight quote would end it, a line break would split the tag.
      return ` ${k}="${String(v)
        .replace(/"/g, '＂')
        .replace(/\s*\n\s*/g, ' ')}"`;
    })
    .join('');
}

const ATTRS = String.raw`((?:\s+[A-Za-z]+(?:="[^"]*")?)*)`;

/** Attributes of a tag back into form data (flags as `true`). */
export function readAttributes(text: string): Props {
  const out: Props = {};
  for (const m of text.matchAll(/([A-Za-z]+)(?:="([^"]*)")?/g)) out[m[1]!] = m[2] ?? true;
  return out;
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A preview box naming the component and what it was set to. */
function summaryPreview(name: ComponentName, data: Props): string {
  const specs = TOPIC_COMPONENTS[name].props as Record<string, PropSpec>;
  const parts = Object.entries(specs)
    .filter(([k]) => data[k] !== undefined && data[k] !== '' && data[k] !== false)
    .map(
      ([k, p]) =>
        `${esc(p.label)}：${esc(data[k] === true ? '是' : k === 'by' ? (STATS_BY[data[k] as keyof typeof STATS_BY] ?? data[k]) : data[k])}`,
    );
  return `<div class="rounded border border-stone-300 bg-stone-50 p-3" data-preview-component="${name}"><strong>${esc(TOPIC_COMPONENTS[name].label)}</strong>　${parts.join('　')}<br><small>（网站上显示为实时数据）</small></div>`;
}

/** A component that is one self-closing tag. */
function single(name: ComponentName) {
  return {
    id: name,
    label: TOPIC_COMPONENTS[name].label,
    fields: fieldsOf(name),
    pattern: new RegExp(`^<${name}${ATTRS}\\s*/>$`),
    fromBlock: (m: RegExpMatchArray) => readAttributes(m[1] ?? ''),
    toBlock: (data: Props) => `<${name}${writeAttributes(name, data)} />`,
    toPreview: (data: Props) =>
      name === 'Video'
        ? `<figure data-preview-component="Video"><video controls preload="none" poster="${esc(data.poster)}" src="${esc(data.src)}" style="max-width:100%"></video><figcaption>${esc(data.title)}</figcaption></figure>`
        : (topicComponentHtml(name, data) ?? summaryPreview(name, data)),
  };
}

/** A component holding a list of child tags (Gallery of Photos, Timeline of Events), edited as a list in its form. */
function container(
  name: 'Gallery' | 'Timeline',
  child: 'Photo' | 'Event',
  listLabel: string,
  preview: (data: Props, items: Props[]) => string,
) {
  return {
    id: name,
    label: TOPIC_COMPONENTS[name].label,
    fields: [
      ...fieldsOf(name),
      { name: 'items', label: listLabel, widget: 'list', required: true, fields: fieldsOf(child) } as CmsField,
    ],
    pattern: new RegExp(`^<${name}${ATTRS}\\s*>\\n([\\s\\S]*?)\\n</${name}>$`),
    fromBlock: (m: RegExpMatchArray) => ({
      ...readAttributes(m[1] ?? ''),
      items: [...(m[2] ?? '').matchAll(new RegExp(`<${child}${ATTRS}\\s*/>`, 'g'))].map((c) =>
        readAttributes(c[1] ?? ''),
      ),
    }),
    toBlock: (data: Props & { items?: Props[] }) =>
      [
        `<${name}${writeAttributes(name, data)}>`,
        ...(data.items ?? []).map((i) => `  <${child}${writeAttributes(child, i)} />`),
        `</${name}>`,
      ].join('\n'),
    toPreview: (data: Props & { items?: Props[] }) => preview(data, data.items ?? []),
  };
}

/** Every editor component of the 专题 body, ready for `CMS.registerEditorComponent`. */
export function topicEditorComponents() {
  return [
    single('ProposalList'),
    single('StatsChart'),
    // As the site's Gallery.astro and Timeline.astro draw them.
    container(
      'Gallery',
      'Photo',
      '图片',
      (data, items) =>
        `<section class="not-prose my-6" data-topic-component="Gallery">${data.title ? `<h2 class="text-xl font-bold">${esc(data.title)}</h2>` : ''}<ul class="mt-3 grid list-none grid-cols-1 gap-4 p-0 sm:grid-cols-2">${items
          .map(
            (i) =>
              `<li><figure class="m-0"><img src="${esc(i.src)}" alt="${esc(i.alt)}" class="h-auto w-full rounded border border-stone-200">${i.caption ? `<figcaption class="mt-1 text-sm text-muted">${esc(i.caption)}</figcaption>` : ''}</figure></li>`,
          )
          .join('')}</ul></section>`,
    ),
    container(
      'Timeline',
      'Event',
      '日程',
      (data, items) =>
        `<section class="not-prose my-6" data-topic-component="Timeline"><h2 class="text-xl font-bold">${esc(data.title || '会议日程')}</h2><ol class="mt-3 list-none border-l-2 border-brand-700 p-0 pl-4">${items
          .map(
            (i) =>
              `<li class="relative mb-4"><p class="text-sm text-muted"><time datetime="${esc(i.date)}">${esc(parseDay(String(i.date ?? '')) ? formatChineseDate(String(i.date)) : i.date)}</time>${i.time ? ` ${esc(i.time)}` : ''}</p><p class="font-bold">${esc(i.title)}</p>${i.text ? `<p class="mt-1">${esc(i.text)}</p>` : ''}</li>`,
          )
          .join('')}</ol></section>`,
    ),
    single('Video'),
  ];
}
