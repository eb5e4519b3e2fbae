import { createElement as h, useEffect, useState, type ReactNode } from 'react';
import type { PreviewTemplateComponentProps } from 'decap-cms-core';
import { formatChineseDate, formatChineseDateTime, parseDateTime, parseDay } from '../lib/dates.ts';

/**
 * What every preview pane is built from: the entry's data as plain values, names of taxonomy items and members loaded
 * from the CMS's own copy of the content, and the site's title block, figure and body, drawn with its classes.
 */

export type Props = PreviewTemplateComponentProps;
export type Data = Record<string, unknown>;
/** Id → full name and short name (units and committees have one); a member's 职务 and 界别 too. */
export type Names = ReadonlyMap<string, { name: string; short: string; role?: string; sector?: string }>;

export const plain = (v: unknown): unknown =>
  v && typeof (v as { toJS?: unknown }).toJS === 'function' ? (v as { toJS(): unknown }).toJS() : v;
export const dataOf = (p: Props): Data => (plain(p.entry.get('data')) ?? {}) as Data;
export const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
export const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : []);

/** 2025年2月23日 09:30 for a moment, 2025年2月23日 for a day; the raw text while an editor is still typing it. */
export function when(v: unknown): string {
  const s = str(v);
  const moment = parseDateTime(s);
  if (moment) return formatChineseDateTime(moment);
  return parseDay(s) ? formatChineseDate(s) : s;
}

/** Names of a taxonomy's items or of members, by id, loaded once per pane from the CMS's own copy of the content. */
const cache = new Map<string, Promise<Names>>();
export function loadNames(p: Props, target: string): Promise<Names> {
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

export function useNames(p: Props, target: string): Names {
  const [names, setNames] = useState<Names>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: names load once per list; p changes on every keystroke.
  useEffect(() => {
    let live = true;
    void loadNames(p, target).then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, [target]);
  return names;
}

export const name = (names: Names, id: unknown) => names.get(str(id))?.name || str(id);
export const short = (names: Names, id: unknown) => names.get(str(id))?.short || str(id);
export const shorts = (all: Names, ids: unknown) =>
  list(ids)
    .map((id) => short(all, id))
    .join('、');

export function Page(...children: ReactNode[]) {
  return h(
    'div',
    { className: 'bg-stone-50 px-4 py-6' },
    h('article', { className: 'mx-auto max-w-3xl' }, ...children),
  );
}

/** Title block as on the site: kicker, h1, subtitle and a meta line. */
export function Header(o: { title: unknown; kicker?: string | undefined; subtitle?: unknown; meta: ReactNode[] }) {
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

export function Figure(p: Props, image: unknown) {
  const img = image as { src?: string; alt?: string; caption?: string } | undefined;
  if (!img?.src) return null;
  return h(
    'figure',
    { className: 'my-6' },
    h('img', { src: str(p.getAsset(img.src)), alt: img.alt ?? '', className: 'h-auto w-full rounded bg-stone-200' }),
    img.caption ? h('figcaption', { className: 'mt-2 text-center text-sm text-muted' }, img.caption) : null,
  );
}

export const Body = (p: Props, className = 'prose-zh mt-6') => h('div', { className }, p.widgetFor('body'));
