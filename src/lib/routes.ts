import { type FolderCollection, news, notices, proposals, reviews, voices } from '../content/model.ts';
import { pageUrl } from './paginate.ts';
import { paperRoutes } from './paper/edition.ts';

/**
 * The site's addresses, one function per kind of page, from the content model's folders: every page, component,
 * feed, data query and search record asks here rather than building a path itself, so a section moves in one place.
 * File names are ids (ASCII), so an id is used as it is. All paths end in `/` (`trailingSlash: 'always'`).
 */

type Folder = FolderCollection['folder'];

/** A collection's list (`/news/`). */
export const listUrl = (folder: Folder): string => `/${folder}/`;

/** Page `n` of a list at `base` (`/news/` → `/news/page/2/`). */
export const listPageUrl = (base: string, n: number): string => pageUrl(base, n);

/** An entry's own page (`/news/<id>/`). */
export const entryUrl = (folder: Folder, id: string): string => `/${folder}/${id}/`;

/** A collection's RSS feed (`/news/rss.xml`); the whole site's without a folder. */
export const feedUrl = (folder?: Folder): string => (folder ? `/${folder}/rss.xml` : '/rss.xml');

/** The collections that have a feed, with the model's labels. */
export const FEED_COLLECTIONS = [news, notices, reviews, proposals, voices] as const;
export type FeedKind = (typeof FEED_COLLECTIONS)[number]['name'];

export const routes = {
  home: '/',
  search: '/search/',
  /** The search page with a query filled in. */
  searchFor: (q: string) => `/search/?q=${encodeURIComponent(q)}`,
  sitemap: '/sitemap/',
  news: (id: string) => entryUrl('news', id),
  newsTags: '/news/tags/',
  newsTag: (tagSlug: string) => `/news/tags/${tagSlug}/`,
  notices: (id: string) => entryUrl('notices', id),
  /** The list of one 主题分类 of the notices (`/notices/topic/<slug>/`). */
  noticeTopic: (topicSlug: string) => `/notices/topic/${topicSlug}/`,
  reviews: (id: string) => entryUrl('reviews', id),
  /** A committee's section in a work review (`/reviews/<id>/#<committee>`). */
  reviewSection: (id: string, committee: string) => `${entryUrl('reviews', id)}#${committee}`,
  reviewsOfCommittee: (committee: string) => `/reviews/committee/${committee}/`,
  voices: (id: string) => entryUrl('voices', id),
  voiceColumn: (columnSlug: string) => `/voices/column/${columnSlug}/`,
  proposals: (id: string) => entryUrl('proposals', id),
  /** A facet page of the proposal archive (`/proposals/<facet>/<value>/`). */
  proposalFacet: (facet: string, value: string) => `/proposals/${facet}/${value}/`,
  proposalSession: (session: string) => `/proposals/session/${session}/`,
  proposalStats: (session?: string) => (session ? `/proposals/stats/${session}/` : '/proposals/stats/'),
  members: (id: string) => entryUrl('members', id),
  units: '/units/',
  unit: (id: string) => `/units/${id}/`,
  archive: '/archive/',
  about: '/about/',
  organization: '/about/organization/',
  proposalsKey: '/proposals/key/',
  /** The feeds listed on the site map. */
  sitemapFeeds: '/sitemap/#sm-feeds',
  openDataJson: '/proposals.json',
  openDataCsv: '/proposals.csv',
  archiveYear: (year: number | string) => `/archive/${year}/`,
  paper: paperRoutes,
} as const;
