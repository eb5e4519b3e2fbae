import type { CmsBackend, CmsCollection, CmsCollectionFile, CmsConfig, CmsField } from 'decap-cms-core';
import {
  collections,
  fieldLabel,
  TAXONOMY_ITEM_FIELDS,
  VOICE_COLUMNS,
  type Collection,
  type FolderCollection,
} from '../content/model.ts';
import { ALLOWED_HINT } from '../lib/html-allowlist.ts';
import { cmsField, MARKDOWN_EDITOR_COMPONENTS, TOPIC_EDITOR_COMPONENTS } from './config-fields.ts';
import { proposalDefaults, proposalFilters } from './config-proposals.ts';

export {
  AREAS_WIDGET,
  cmsField,
  DATE_FORMAT,
  DATETIME_FORMAT,
  MARKDOWN_EDITOR_COMPONENTS,
  TAXONOMY_WIDGET,
  TOPIC_EDITOR_COMPONENTS,
} from './config-fields.ts';

/**
 * The Decap CMS configuration, generated from the content model: every collection and field editors see comes from
 * `src/content/model.ts`, so the CMS, the Zod schemas and the site cannot drift apart. Plain TypeScript with no Astro
 * or browser imports, so the unit tests can compare it with the model field by field.
 */

/** Where Decap keeps the content, relative to the repository root. */
const CONTENT = 'content';

/** The Git host editors log in to in production. */
export interface CmsBackendOptions {
  /** `gitlab` (self-hosted GitLab) or `forgejo`; both support the editorial workflow, Gitea's backend does not. */
  name?: 'gitlab' | 'forgejo' | undefined;
  /** `group/project` of the site's repository. */
  repo?: string | undefined;
  branch?: string | undefined;
  /** Origin of the Git host, e.g. `https://git.czzx.gov.cn`. */
  baseUrl?: string | undefined;
  /** REST API root; defaults to `<baseUrl>/api/v4` (GitLab) or `<baseUrl>/api/v1` (Forgejo). */
  apiRoot?: string | undefined;
  /** Client id of the OAuth application (PKCE, no secret) registered on the Git host. */
  appId?: string | undefined;
}

export interface CmsOptions {
  /**
   * Edit the files on this machine through `decap-server` instead of the Git host: `true` for its default address
   * (http://localhost:8081/api/v1) or the server's URL. Decap honours it only on localhost and 127.0.0.1.
   */
  localBackend?: boolean | string;
  /** Editorial workflow (draft → review → ready → publish). Defaults to on in production and off locally, where the
   * file-system mode of decap-server cannot keep drafts; turn it on with decap-server in git mode. */
  workflow?: boolean;
  backend?: CmsBackendOptions | undefined;
  /** Origin of the published site, for the “view live” links. */
  siteUrl?: string | undefined;
  /** Sessions (届次) from `content/taxonomies/sessions.yml`, offered as filters of the proposal list. */
  sessions?: readonly { id: string; name: string }[] | undefined;
  /** The login page's picture (the site's emblem and name) instead of Decap's logo. */
  logoUrl?: string | undefined;
}

/** What the admin page (src/pages/admin/index.astro) passes to the admin script in `#cms-options`. */
export interface AdminPageOptions {
  siteUrl?: string | undefined;
  /** The site's stylesheet, so previews look like the published pages. */
  siteCss?: string | undefined;
  sessions?: CmsOptions['sessions'];
  backend?: CmsOptions['backend'];
  /** Largest image an editor may upload, from the settings (`maxImageMB`). */
  maxImageBytes?: number | undefined;
  logoUrl?: CmsOptions['logoUrl'];
}

/** The production Git host; every value can be overridden (see the README, “Editing with Decap CMS”). */
export const DEFAULT_BACKEND = {
  name: 'gitlab' as 'gitlab' | 'forgejo',
  repo: 'czzx/site',
  branch: 'main',
  baseUrl: 'https://git.czzx.gov.cn',
  appId: '',
};

function backendConfig(o: CmsBackendOptions = {}): CmsBackend {
  const pick = <K extends keyof typeof DEFAULT_BACKEND>(k: K) =>
    (o[k] || DEFAULT_BACKEND[k]) as (typeof DEFAULT_BACKEND)[K];
  const name = pick('name');
  const baseUrl = pick('baseUrl').replace(/\/+$/, '');
  return {
    name,
    repo: pick('repo'),
    branch: pick('branch'),
    auth_type: 'pkce',
    app_id: pick('appId'),
    base_url: baseUrl,
    api_root: o.apiRoot || `${baseUrl}/api/${name === 'gitlab' ? 'v4' : 'v1'}`,
    squash_merges: true,
    commit_messages: {
      create: '新建{{collection}}：{{slug}}',
      update: '修改{{collection}}：{{slug}}',
      delete: '删除{{collection}}：{{slug}}',
      uploadMedia: '上传图片：{{path}}',
      deleteMedia: '删除图片：{{path}}',
    },
  };
}

/**
 * 【已撤回】 after the summary of a withdrawn entry. Decap's summary cannot compare a date with the clock, so the list shows
 * each entry's time and the editor's preview says 定时发布 (src/cms/previews.ts).
 */
const WITHDRAWN_MARK = "{{fields.withdrawn.reason | ternary('　【已撤回】', '')}}";

/**
 * 【首页头条】 after a story marked to lead the home page, and a filter listing those marked: the newest marked leads
 * (src/lib/lead-story.ts), so an editor who wants the automatic lead back finds every mark to take off.
 */
const HEADLINE = fieldLabel('news', 'headline');
const HEADLINE_MARK = `{{fields.headline | ternary('　【${HEADLINE}】', '')}}`;

/**
 * The first ten characters of the date (`truncate` appends its mark, `-`, which Decap's slug cleaning then drops as a
 * trailing separator).
 */
export const BEIJING_DAY_SLUG = "{{fields.date | truncate(10, '-')}}";

/** How each folder's files are named and how its list looks, beyond what the model says. */
export const FOLDER_VIEWS: Record<FolderCollection['name'], Partial<CmsCollection>> = {
  // File names come from the Beijing day of the entry's own `date`. The date widget always writes Beijing time
  // (`2025-03-04T07:30:00+08:00`), so its first ten characters are that day in any browser's zone, where Decap's
  // `date` filter and {{year}}/{{month}}/{{day}} would give another. A second story on the same day gets `-1`, `-2` ….
  news: {
    slug: BEIJING_DAY_SLUG,
    summary: `{{fields.date | date('YYYY-MM-DD HH:mm')}}　{{title}}${HEADLINE_MARK}${WITHDRAWN_MARK}`,
    sortable_fields: [{ field: 'date', label: '发布时间', default_sort: 'desc' }, 'title'],
    view_filters: [{ label: HEADLINE, field: 'headline', pattern: true }],
    view_groups: [{ label: '年份', field: 'date', pattern: '^\\d{4}' }],
  },
  // Named like news by the Beijing day of 发布时间; the list shows the 发文字号 editors look a notice up by.
  notices: {
    slug: "{{fields.date | date('YYYY-MM-DD')}}",
    summary: `{{fields.date | date('YYYY-MM-DD HH:mm')}}　{{title}}　{{docNumber}}${WITHDRAWN_MARK}`,
    sortable_fields: [{ field: 'date', label: '发布时间', default_sort: 'desc' }, 'title'],
    view_groups: [
      { label: '年份', field: 'date', pattern: '^\\d{4}' },
      { label: '主题分类', field: 'topic' },
    ],
  },
  reviews: {
    slug: '{{fields.year}}-gongzuo-huimou',
    summary: `{{fields.year}}年　{{title}}${WITHDRAWN_MARK}`,
    sortable_fields: [{ field: 'year', label: '回顾年度', default_sort: 'desc' }, 'date'],
  },
  proposals: {
    identifier_field: 'number',
    slug: '{{fields.number}}',
    summary: `{{number}} {{title}}（{{status}}）${WITHDRAWN_MARK}`,
    sortable_fields: [{ field: 'number', label: '提案编号', default_sort: 'desc' }, 'submitted', 'title'],
    view_groups: [
      { label: '届次', field: 'session' },
      { label: '办理状态', field: 'status' },
    ],
  },
  voices: {
    slug: BEIJING_DAY_SLUG,
    summary: `{{fields.date | date('YYYY-MM-DD HH:mm')}}　〔{{column}}〕{{title}}${WITHDRAWN_MARK}`,
    sortable_fields: [{ field: 'date', label: '发布时间', default_sort: 'desc' }, 'title'],
    view_filters: VOICE_COLUMNS.map((c) => ({ label: c, field: 'column', pattern: `^${c}$` })),
    view_groups: [{ label: '栏目', field: 'column' }],
  },
  // Names are Chinese and Decap cannot spell them in pinyin: a new member's file is named by the moment it was created
  // (UTC), e.g. `member-20250223-013000`; a developer may rename it before it is first published.
  // An issue is filed under its date, which is also its address (/paper/2025-04-18/).
  paper: {
    identifier_field: 'date',
    slug: '{{fields.date}}',
    summary: '第{{number}}期　{{date}}',
    sortable_fields: [{ field: 'date', label: '出版日期', default_sort: 'desc' }, 'number'],
  },
  // Like news: named by the Beijing day of the entry's own time, e.g. `2025-02-28.mdx`.
  topics: {
    slug: "{{fields.date | date('YYYY-MM-DD')}}",
    summary: `{{fields.date | date('YYYY-MM-DD')}}　{{title}}${WITHDRAWN_MARK}`,
    sortable_fields: [{ field: 'date', label: '发布时间', default_sort: 'desc' }, 'title'],
  },
  members: {
    identifier_field: 'name',
    slug: 'member-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}',
    summary: `{{name}}（{{role}}）${WITHDRAWN_MARK}`,
    sortable_fields: ['name'],
    view_groups: [{ label: '界别', field: 'sector' }],
  },
};

/** Where a published entry lives on the site, for the “view live” link. */
const PREVIEW_PATHS: Record<FolderCollection['name'], string> = {
  news: 'news/{{slug}}/',
  notices: 'notices/{{slug}}/',
  reviews: 'reviews/{{slug}}/',
  proposals: 'proposals/{{slug}}/',
  voices: 'voices/{{slug}}/',
  topics: 'topics/{{slug}}/',
  members: 'members/{{slug}}/',
  paper: 'paper/{{slug}}/',
};

/** The Decap collection of one model collection. */
export function cmsCollection(c: Collection, options: CmsOptions = {}): CmsCollection {
  const common = { name: c.name, label: c.label, label_singular: c.labelSingular };
  if (c.kind === 'folder') {
    const mdx = c.format === 'mdx';
    const hint = mdx ? c.body.hint : [c.body.hint, `${ALLOWED_HINT}。`].filter(Boolean).join(' ');
    // An MDX body offers the 专题 components; a Markdown body only Decap's own, which the site keeps.
    const components = mdx ? [...TOPIC_EDITOR_COMPONENTS] : MARKDOWN_EDITOR_COMPONENTS;
    const body = {
      name: 'body',
      label: c.body.label,
      widget: 'markdown',
      required: c.body.required,
      hint,
      editor_components: components,
    };
    return {
      ...common,
      folder: `${CONTENT}/${c.folder}`,
      extension: mdx ? 'mdx' : 'md',
      format: 'frontmatter',
      create: true,
      delete: true,
      preview_path: PREVIEW_PATHS[c.name],
      ...FOLDER_VIEWS[c.name],
      ...(c.name === 'proposals' ? { view_filters: proposalFilters(options.sessions) } : {}),
      fields: [
        ...(c.name === 'proposals'
          ? proposalDefaults(c.fields.map(cmsField), options.sessions)
          : c.fields.map(cmsField)),
        body as CmsField,
      ],
    } as CmsCollection;
  }
  const fields =
    c.kind === 'taxonomy'
      ? [
          {
            name: 'items',
            label: c.label,
            label_singular: c.labelSingular,
            widget: 'list',
            summary: '{{fields.name}}（{{fields.id}}）',
            collapsed: true,
            fields: [...TAXONOMY_ITEM_FIELDS, ...c.fields].map(cmsField),
          } as CmsField,
        ]
      : c.fields.map(cmsField);
  const file: CmsCollectionFile = {
    name: c.kind === 'taxonomy' ? c.name : 'site',
    label: c.label,
    file: `${CONTENT}/${c.file}`,
    fields,
  };
  // A list of names or the settings gain nothing from a side-by-side preview; the editing pane gets the full width.
  return { ...common, editor: { preview: false }, files: [file] } as CmsCollection;
}

/** The whole Decap configuration, passed to `CMS.init({ config })` with `load_config_file: false`. */
export function cmsConfig(options: CmsOptions = {}): CmsConfig {
  const local = options.localBackend;
  const workflow = options.workflow ?? !local;
  return {
    load_config_file: false,
    locale: 'zh_Hans',
    backend: backendConfig(options.backend),
    ...(local ? { local_backend: typeof local === 'string' ? { url: local } : true } : {}),
    ...(workflow ? { publish_mode: 'editorial_workflow' as const } : {}),
    ...(options.siteUrl ? { site_url: options.siteUrl, display_url: options.siteUrl } : {}),
    ...(options.logoUrl ? { logo: { src: options.logoUrl, show_in_header: false } } : {}),
    media_folder: 'public/media',
    public_folder: '/media',
    // File names must be lowercase ASCII (the loaders reject anything else): Chinese is dropped, not percent-encoded.
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: collections.map((c) => cmsCollection(c, options)),
  };
}
