import { parseDateTime } from './dates.ts';

/**
 * Whether an entry is on the public site: scheduled publishing (定时发布) and withdrawal (撤回). The data layer
 * (`src/data/content.ts`) asks this for every entry, so every page, list, feed, search record, statistic and open-data
 * file follows one rule.
 */

/** `published`: shown everywhere; `scheduled`: its moment is still to come; `withdrawn`: taken down, its URL answers 410. */
export type Visibility = 'published' | 'scheduled' | 'withdrawn';

/** The 撤回 field of an entry: the Beijing day it was taken down and why, both shown on the notice at its URL. */
export interface Withdrawal {
  date: string;
  reason: string;
}

/** Entry data as far as publication goes; kinds without a moment (members) are published at once. */
export interface Publishable {
  /** News, notices, voices, reviews: 发布时间. */
  date?: unknown;
  /** Proposals: their optional 发布时间 (a proposal's dates are those of its handling, not of its publication). */
  publishAt?: Date | undefined;
  withdrawn?: Withdrawal | undefined;
}

/** Kinds of entries and the field that holds their publication moment. */
const MOMENT_FIELD = {
  news: 'date',
  notices: 'date',
  reviews: 'date',
  voices: 'date',
  topics: 'date',
  proposals: 'publishAt',
} as const;

/** The moment an entry goes public, or undefined when it is public as soon as it is built. */
export function publicationMoment(kind: string, data: Publishable): Date | undefined {
  const field = MOMENT_FIELD[kind as keyof typeof MOMENT_FIELD];
  const value = field ? data[field] : undefined;
  return value instanceof Date ? value : undefined;
}

/**
 * Withdrawn wins over scheduled, so a story withdrawn before its moment never appears; an entry goes public at its
 * moment exactly (a story timed for 09:00 is in the 09:00 build).
 */
export function visibility(kind: string, data: Publishable, now: Date): Visibility {
  if (data.withdrawn) return 'withdrawn';
  const moment = publicationMoment(kind, data);
  return moment && moment.getTime() > now.getTime() ? 'scheduled' : 'published';
}

/**
 * "Now" for a build: `PUBLISH_NOW` (ISO 8601 with offset, so tests and a rebuild can move the clock), else the clock.
 * A malformed value stops the build rather than publishing by the wrong clock.
 */
export function publishNow(
  env: Record<string, string | undefined> = process.env,
  clock: () => Date = () => new Date(),
): Date {
  const raw = env.PUBLISH_NOW?.trim();
  if (!raw) return clock();
  const d = parseDateTime(raw);
  if (!d) throw new Error(`环境变量 PUBLISH_NOW 格式错误：“${raw}”，应为带时区的时间，如 2027-01-01T09:00:00+08:00`);
  return d;
}

/** Folder of the output holding the notice of each withdrawn entry; the web server answers 410 with it. */
export const GONE_DIR = '_gone';

/** Where the notice of the page at `path` is written: `/news/x/` → `/_gone/news/x/` (the generic notice is `/_gone/`). */
export function gonePath(path: string): string {
  if (!path.startsWith('/') || !path.endsWith('/')) throw new Error(`网址应以 / 开头和结尾：${path}`);
  return `/${GONE_DIR}${path}`;
}
