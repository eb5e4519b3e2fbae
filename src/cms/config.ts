import type { CmsBackend, CmsCollection, CmsCollectionFile, CmsConfig, CmsField } from 'decap-cms-core';
import {
  collections,
  type FOLDER_REF_TARGETS,
  PROPOSAL_STATUSES,
  TAXONOMY_ITEM_FIELDS,
  VOICE_COLUMNS,
  type Collection,
  type Field,
  type FolderCollection,
} from '../content/model.ts';
import { ALLOWED_HINT } from '../lib/html-allowlist.ts';

/**
 * Decap's own editor components (image, code block), the only ones a plain Markdown field offers: the 专题
 * components registered beside them would otherwise show in every Markdown field, and the site drops them there.
 */
export const MARKDOWN_EDITOR_COMPONENTS = ['image', 'code-block'];
/** The components of a 专题 body (src/cms/topic-components.ts registers them). */
export const TOPIC_EDITOR_COMPONENTS = ['ProposalList', 'StatsChart', 'Gallery', 'Timeline', 'Video'] as const;

/** Name of the custom widget that edits article areas on a page image (registered in `src/cms/paper-areas.ts`). */
export const AREAS_WIDGET = 'paper-areas';

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

/** Options every field shares: name, Chinese label, hint and the required flag (Decap's default is required). */
function base(f: Field): { name: string; label: string; required: boolean; hint?: string } {
  return { name: f.name, label: f.label, required: f.required, ...(f.hint ? { hint: f.hint } : {}) };
}

/** How an entry of a folder collection is found and shown in a relation field; it is stored by its file name. */
const FOLDER_RELATIONS: Record<
  (typeof FOLDER_REF_TARGETS)[number],
  { search_fields: string[]; display_fields: string[] }
> = {
  // 职务 beside the name tells apart two members of one name and shows whom an editor picks.
  members: { search_fields: ['name', 'role'], display_fields: ['{{name}}（{{role}}）'] },
  // An issue is picked by its number or date (第186期 2025-04-18); newest issues are the ones editors want.
  paper: { search_fields: ['number', 'date'], display_fields: ['第{{number}}期　{{date}}'] },
};

/** Name of the taxonomy picker (registered in `src/cms/taxonomy-select.ts`). */
export const TAXONOMY_WIDGET = 'taxonomy';

/**
 * A relation to a member or an issue of the paper (by file name, Decap's relation widget), or to an item of a taxonomy
 * file (by its `id`, the taxonomy picker, which narrows by the words typed; `within` limits it to the entry's own
 * values of other fields).
 */
function relation(f: Extract<Field, { type: 'ref' }>) {
  const { to, multiple } = f;
  if (to === 'members' || to === 'paper') {
    const target = { collection: to, value_field: '{{slug}}', ...FOLDER_RELATIONS[to] };
    return { widget: 'relation', ...target, ...(multiple ? { multiple: true } : {}), options_length: 100 } as const;
  }
  return {
    widget: TAXONOMY_WIDGET,
    collection: to,
    file: to,
    ...(multiple ? { multiple: true } : {}),
    ...(f.within ? { within: [...f.within] } : {}),
  };
}

/** The stored forms of moments and days; the date widget (`datetime-widget.ts`) always writes Beijing time. */
export const DATETIME_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';
export const DATE_FORMAT = 'YYYY-MM-DD';

/** The Decap field for one model field. */
export function cmsField(f: Field): CmsField {
  const b = base(f);
  switch (f.type) {
    case 'string':
      return {
        ...b,
        widget: 'string',
        ...(f.pattern ? { pattern: [f.pattern.regex, f.pattern.message] } : {}),
        ...(f.maxLength ? { max_length: f.maxLength } : {}),
      } as CmsField;
    case 'text':
      return { ...b, widget: 'text', ...(f.maxLength ? { max_length: f.maxLength } : {}) } as CmsField;
    case 'markdown':
      return {
        ...b,
        widget: 'markdown',
        modes: ['rich_text', 'raw'],
        sanitize_preview: true,
        editor_components: MARKDOWN_EDITOR_COMPONENTS,
      } as CmsField;
    case 'datetime':
      // A new entry starts at “now”, which editors usually keep.
      return { ...b, widget: 'datetime', format: DATETIME_FORMAT, ...(f.required ? { default: '{{now}}' } : {}) };
    case 'date':
      return { ...b, widget: 'datetime', date_format: DATE_FORMAT, time_format: false, format: DATE_FORMAT };
    case 'integer':
      return {
        ...b,
        widget: 'number',
        value_type: 'int',
        ...(f.min !== undefined ? { min: f.min } : {}),
        ...(f.max !== undefined ? { max: f.max } : {}),
      };
    case 'boolean':
      return { ...b, widget: 'boolean', default: f.default };
    case 'select':
      return { ...b, widget: 'select', options: [...f.options] };
    case 'ref':
      return { ...b, ...relation(f) } as CmsField;
    case 'stringList':
      return { ...b, widget: 'list' };
    case 'image':
      return {
        ...b,
        widget: 'object',
        collapsed: false,
        summary: '{{fields.alt}}',
        fields: [
          { name: 'src', label: '图片', widget: 'image', required: true, choose_url: false },
          {
            name: 'alt',
            label: '替代文字',
            widget: 'string',
            required: true,
            hint: '必填：用一句话说明图片内容，供视障读者使用',
          },
          { name: 'caption', label: '图注', widget: 'string', required: false },
        ],
      } as CmsField;
    case 'file':
      // Page images go through Decap's image widget (thumbnail, media library); PDFs, attachments, videos and captions
      // through its file widget, whose uploads the upload guard checks by content (src/cms/upload-guard.ts).
      return { ...b, widget: f.accept === 'image' ? 'image' : 'file', choose_url: false } as CmsField;
    case 'areas':
      return { ...b, widget: AREAS_WIDGET } as CmsField;
    case 'group': {
      const fields = f.fields.map(cmsField);
      const summary = f.summary ? { summary: `{{fields.${f.summary}}}` } : {};
      return f.multiple
        ? ({ ...b, widget: 'list', ...summary, collapsed: true, fields } as CmsField)
        : ({ ...b, widget: 'object', ...summary, collapsed: false, fields } as CmsField);
    }
  }
}

/**
 * 【已撤回】 after the summary of a withdrawn entry. Decap's summary cannot compare a date with the clock, so the list shows
 * each entry's time and the editor's preview says 定时发布 (src/cms/previews.ts).
 */
const WITHDRAWN_MARK = "{{fields.withdrawn.reason | ternary('　【已撤回】', '')}}";

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
    summary: `{{fields.date | date('YYYY-MM-DD HH:mm')}}　{{title}}${WITHDRAWN_MARK}`,
    sortable_fields: [{ field: 'date', label: '发布时间', default_sort: 'desc' }, 'title'],
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

/** The newest session by its number (`14-4` after `14-3`, `15-1` after `14-5`). */
export function latestSession(sessions: CmsOptions['sessions']): string | undefined {
  const key = (id: string) =>
    id
      .split('-')
      .map((n) => n.padStart(3, '0'))
      .join('-');
  return [...(sessions ?? [])]
    .map((s) => s.id)
    .sort((a, b) => key(a).localeCompare(key(b)))
    .at(-1);
}

/**
 * A new proposal starts as most do, so the office types less: the newest session, its number prefix (the rule that a
 * number belongs to its session catches a mismatch), a member's proposal, status 立案.
 */
function proposalDefaults(fields: CmsField[], sessions: CmsOptions['sessions']): CmsField[] {
  const session = latestSession(sessions);
  const defaults: Record<string, string> = {
    proposerType: '委员提案',
    status: '立案',
    ...(session ? { session, number: `${session}-` } : {}),
  };
  return fields.map((f) => (defaults[f.name] ? ({ ...f, default: defaults[f.name] } as CmsField) : f));
}

function proposalFilters(sessions: CmsOptions['sessions']): CmsCollection['view_filters'] {
  return [
    ...PROPOSAL_STATUSES.map((s) => ({ label: s, field: 'status', pattern: `^${s}$` })),
    { label: '重点提案', field: 'key', pattern: true },
    { label: '不公开', field: 'public', pattern: false },
    ...(sessions ?? []).map((s) => ({ label: s.name, field: 'session', pattern: `^${s.id}$` })),
  ];
}

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
