/**
 * The one content model of the site.
 *
 * Every collection and every field is declared here once, with its Chinese label and hint, its type, whether it is
 * required and the taxonomy its values come from. The Astro Zod schemas (`schemas.ts`), the Decap CMS configuration
 * and the tests all derive from this file, so a field added here appears everywhere and nowhere else.
 *
 * Field and folder names are fixed: tools and tests outside the project rely on them.
 */

/** Collections whose entries other fields may reference by id. */
export type RefTarget = 'members' | 'paper' | 'sessions' | 'units' | 'categories' | 'sectors' | 'committees' | 'places';
/** Reference targets that are folders of entries (referenced by file name) rather than taxonomy files. */
export const FOLDER_REF_TARGETS = ['members', 'paper'] as const;

interface FieldBase {
  /** Frontmatter key. */
  name: string;
  /** Chinese label shown to editors and used in error messages. */
  label: string;
  /** Help text shown under the field in the CMS. */
  hint?: string;
  /** Whether an entry without this field fails the build. */
  required: boolean;
}

/** A single line of text, optionally checked against a pattern with a Chinese error message. */
export interface StringField extends FieldBase {
  type: 'string';
  pattern?: { regex: string; message: string };
  /** Most characters allowed; the CMS counts them as the editor types. */
  maxLength?: number;
}
/** Several lines of plain text. */
export interface TextField extends FieldBase {
  type: 'text';
  /** Most characters allowed; the CMS counts them as the editor types. */
  maxLength?: number;
}
/** Markdown inside frontmatter (for example the body of a reply). */
export interface MarkdownField extends FieldBase {
  type: 'markdown';
}
/** A moment in Beijing time, written as ISO 8601 with `+08:00`. */
export interface DateTimeField extends FieldBase {
  type: 'datetime';
}
/** A calendar day, `YYYY-MM-DD` (Beijing). */
export interface DateField extends FieldBase {
  type: 'date';
}
/** A whole number. */
export interface IntegerField extends FieldBase {
  type: 'integer';
  min?: number;
  max?: number;
}
/** Yes or no. */
export interface BooleanField extends FieldBase {
  type: 'boolean';
  default: boolean;
}
/** One value of a fixed list. */
export interface SelectField extends FieldBase {
  type: 'select';
  options: readonly string[];
}
/** The id of an entry of another collection or taxonomy (one, or a list when `multiple`). */
export interface RefField extends FieldBase {
  type: 'ref';
  to: RefTarget;
  multiple: boolean;
  /** Only the values already chosen in these top-level fields of the same entry may be picked (a reply's unit). */
  within?: readonly string[];
}
/** A list of short strings, such as tags. */
export interface StringListField extends FieldBase {
  type: 'stringList';
}
/** An image in `public/media/`, with required alternative text and an optional caption. */
export interface ImageField extends FieldBase {
  type: 'image';
}
/**
 * A file in `public/media/` (a path such as `/media/paper/2025-04-18-1.jpg`): an image, a PDF, an attachment of a
 * notice (any of `ATTACHMENT_EXTENSIONS`), an MP4 video or WebVTT captions, each checked by its content.
 */
export interface FileField extends FieldBase {
  type: 'file';
  accept: 'image' | 'pdf' | 'attachment' | 'video' | 'captions';
}
/**
 * Rectangles on a newspaper page image, each `{ x, y, w, h }` in percent of the image's width and height (left, top,
 * width, height), so they fit the image at any size. Edited in the CMS by dragging on the page image.
 */
export interface AreasField extends FieldBase {
  type: 'areas';
}
/** A group of fields (one object, or a list of objects when `multiple`). */
export interface GroupField extends FieldBase {
  type: 'group';
  multiple: boolean;
  fields: readonly Field[];
  /** Field shown as the summary of each item in the CMS list. */
  summary?: string;
}

export type Field =
  | StringField
  | TextField
  | MarkdownField
  | DateTimeField
  | DateField
  | IntegerField
  | BooleanField
  | SelectField
  | RefField
  | StringListField
  | ImageField
  | FileField
  | AreasField
  | GroupField;

/** A folder of Markdown files, one entry per file, named by an ASCII id. */
export interface FolderCollection {
  kind: 'folder';
  name: 'news' | 'reviews' | 'proposals' | 'voices' | 'members' | 'paper' | 'notices' | 'topics';
  /** Chinese name of the collection (plural). */
  label: string;
  /** Chinese name of one entry. */
  labelSingular: string;
  /** Folder under `content/`. */
  folder: string;
  /** Label and hint of the Markdown body. */
  body: { label: string; hint?: string; required: boolean };
  /**
   * `mdx`: the body is MDX limited to the site's own components (`src/lib/mdx-guard.ts`), the files end in `.mdx`.
   * Absent: plain Markdown in `.md` files.
   */
  format?: 'mdx';
  fields: readonly Field[];
}

/** A YAML file under `content/taxonomies/` holding a list of items, each with an ASCII `id` and a `name`. */
export interface TaxonomyCollection {
  kind: 'taxonomy';
  name: Exclude<RefTarget, (typeof FOLDER_REF_TARGETS)[number]> | 'synonyms';
  label: string;
  labelSingular: string;
  /** File path under `content/`. */
  file: string;
  /** Fields of each item (besides `id` and `name`, which every taxonomy has). */
  fields: readonly Field[];
}

/** A single YAML settings file. */
export interface SettingsCollection {
  kind: 'settings';
  name: 'settings';
  label: string;
  labelSingular: string;
  file: string;
  fields: readonly Field[];
}

export type Collection = FolderCollection | TaxonomyCollection | SettingsCollection;

/** Lowercase ASCII id: letters, digits and single hyphens. Used for file names, taxonomy ids and URLs. */
/** Key under which a taxonomy item's place in its file is stored beside its data (see getTaxonomy). */
export const FILE_POSITION = '_position';

export const ID_PATTERN = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
/** Proposal number: term-meeting-serial, e.g. `14-3-0123`. */
export const PROPOSAL_NUMBER_PATTERN = '^\\d{1,2}-\\d{1,2}-\\d{4}$';

export const PROPOSER_TYPES = ['委员提案', '集体提案', '联名提案'] as const;
export const PROPOSAL_STATUSES = ['立案', '交办', '办理中', '已办复'] as const;
/** Handling roles: the 主办 unit answers the proposer; 协办 and 会办 units send their opinions to the 主办 unit. */
export const REPLY_ROLES = ['主办', '协办', '会办'] as const;
/** The fields of a proposal naming its units, in the order of REPLY_ROLES: a reply comes from one of them. */
export const HANDLING_UNITS = ['leadUnits', 'coUnits', 'jointUnits'] as const;
export const REPLY_RESULTS = ['解决或采纳', '列入计划', '留作参考'] as const;
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const;
export const VOICE_COLUMNS = ['委员声音', '快评', '委员建言'] as const;
/** The meetings a 专题 covers: a plenary session (全体会议) of a 届次, or a meeting of the standing committee. */
export const MEETING_KINDS = ['全体会议', '常委会议'] as const;
/** Posts of the committee's leadership, in the order the 机构设置 page lists them. */
export const LEADERSHIP_POSTS = ['主席', '副主席', '秘书长'] as const;

/** 主题分类 of a notice (通知公告), as a 政府信息公开 catalogue files it. */
export const NOTICE_TOPICS = [
  '综合政务',
  '会议活动',
  '提案工作',
  '委员工作',
  '人事任免',
  '政府信息公开',
  '其他',
] as const;
/**
 * 索引号 of the 政府信息公开 catalogue: the issuer's 统一社会信用代码 (18 characters) or 组织机构代码 (9), a slash, the
 * year and a five-digit serial, e.g. `11140400MB1957342X/2025-00012`.
 */
export const INDEX_NUMBER_PATTERN = '^(?:[0-9A-Z]{18}|[0-9A-Z]{8}-?[0-9X])/\\d{4}-\\d{5}$';
/** 发文字号 as GB/T 9704 writes it: issuer's code, the year in 六角括号 〔〕, the serial and 号 (长政协发〔2025〕12号). */
export const DOC_NUMBER_PATTERN = '^\\S+〔\\d{4}〕\\d+号$';
/**
 * Files a notice may attach, by extension: PDF, Word, Excel, WPS's own writer and spreadsheet formats, and ZIP for a
 * set of forms. Checked by content too (src/lib/attachment-check.ts).
 */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et', 'zip'] as const;

/** Titles fit a phone's two lines in a list and a search result; the newsroom's own rule is about 30 characters. */
export const TITLE_MAX = 60;
/** A summary is a sentence or two, shown in lists and search results. */
export const SUMMARY_MAX = 200;

const title = <H extends string>(hint: H) =>
  ({ name: 'title', label: '标题', type: 'string', required: true, hint, maxLength: TITLE_MAX }) as const;
/** 责任编辑, printed at the end of a story as Chinese papers do. */
const editor = () =>
  ({
    name: 'editor',
    label: '责任编辑',
    type: 'string',
    required: false,
    hint: '本稿责任编辑的姓名，显示在文末。',
  }) as const;
const date = () =>
  ({
    name: 'date',
    label: '发布时间',
    type: 'datetime',
    required: true,
    hint: '北京时间，如 2025-02-23T09:30:00+08:00。填写将来的时间即为定时发布：到时网站自动更新后才公开。',
  }) as const;
/**
 * 撤回: takes an entry off every list, feed, search, sitemap and statistic; its URL then answers 410 with a notice
 * giving the day and the reason. The file stays, so its URL is never given to another entry.
 */
const withdrawn = () =>
  ({
    name: 'withdrawn',
    label: '撤回',
    type: 'group',
    multiple: false,
    required: false,
    hint: '需要撤下已发布的内容时填写（不要删除文件）：网站各处不再显示，原网址显示撤回说明，网址不会给其他内容使用。',
    fields: [
      { name: 'date', label: '撤回日期', type: 'date', required: true },
      {
        name: 'reason',
        label: '撤回原因',
        type: 'text',
        required: true,
        hint: '显示在原网址的撤回说明中，如：内容有误，已撤回核实。',
      },
    ],
  }) as const;

/**
 * A self-hosted video in a story: an MP4 with its poster and Chinese captions (WebVTT), shown above the text with
 * `preload="none"`, so a reader on a phone downloads nothing until pressing play.
 */
const video = () =>
  ({
    name: 'video',
    label: '视频',
    type: 'group',
    multiple: false,
    required: false,
    hint: '可不填。上传 MP4 视频（不超过 50 MB）、封面图和 WebVTT 字幕（.vtt），视频显示在正文上方。',
    fields: [
      { name: 'src', label: '视频文件', type: 'file', accept: 'video', required: true, hint: 'MP4（H.264）格式。' },
      {
        name: 'poster',
        label: '视频封面',
        type: 'file',
        accept: 'image',
        required: true,
        hint: '播放前显示的图片，JPG、PNG 或 WebP。',
      },
      {
        name: 'captions',
        label: '字幕',
        type: 'file',
        accept: 'captions',
        required: true,
        hint: 'WebVTT 字幕文件（.vtt），供听障读者和静音观看。',
      },
      {
        name: 'title',
        label: '视频说明',
        type: 'string',
        required: true,
        hint: '一句话说明视频内容，显示在视频下方。',
      },
    ],
  }) as const;

/**
 * Where a story appears in the electronic edition (数字报): the issue, the page, and the rectangles it occupies on the
 * page image. Existing stories carry it, so a story is one entry on the site and in the paper (刊于 第N期 第M版).
 */
const inPaper = () =>
  ({
    name: 'paper',
    label: '数字报版面',
    type: 'group',
    multiple: false,
    required: false,
    hint: '刊登在哪一期、哪一版，以及在版面图上所占的区域；填写后文章出现在数字报中。',
    fields: [
      { name: 'issue', label: '报纸期次', type: 'ref', to: 'paper', multiple: false, required: true },
      // Not 版次 alone: a news story's 见报信息 has a 版次 of its own (第一版), and the two sit on one form.
      { name: 'page', label: '所在版次', type: 'integer', required: true, min: 1, max: 99, hint: '第几版，如 1' },
      {
        name: 'areas',
        label: '版面区域',
        type: 'areas',
        required: false,
        hint: '在版面图上按住鼠标拖出文章所占的矩形；也可直接填写百分比数值。一篇文章可占多块（如转版）。',
      },
    ],
  }) as const;

export const news = {
  kind: 'folder',
  name: 'news',
  label: '新闻简报',
  labelSingular: '新闻',
  folder: 'news',
  body: { label: '正文', hint: '以“本报讯”开头的正文，可插入图片并写图注。', required: true },
  fields: [
    title('简洁准确，一般不超过 30 字。'),
    date(),
    {
      name: 'summary',
      label: '摘要',
      type: 'text',
      required: true,
      hint: '一两句话概括新闻，显示在列表和搜索结果中。',
      maxLength: SUMMARY_MAX,
    },
    { name: 'byline', label: '署名', type: 'string', required: true, hint: '如：本报记者 徐姗 通讯员 王磊' },
    editor(),
    { name: 'place', label: '地点（县区）', type: 'ref', to: 'places', multiple: false, required: false },
    { name: 'tags', label: '标签', type: 'stringList', required: false, hint: '用逗号分隔，如：委员之家, 乡村振兴' },
    { name: 'cover', label: '封面图片', type: 'image', required: false, hint: '图片须填写替代文字，可加图注。' },
    video(),
    {
      name: 'edition',
      label: '见报信息',
      type: 'group',
      multiple: false,
      required: false,
      hint: '刊登在报纸上的日期和版次，用于“本报某年某月某日第几版”。',
      fields: [
        { name: 'date', label: '见报日期', type: 'date', required: true },
        {
          name: 'page',
          label: '版次',
          type: 'string',
          required: true,
          hint: '如：第一版',
          pattern: { regex: '^第[一二三四五六七八九十]+版$', message: '版次应写成“第一版”“第十二版”的形式' },
        },
      ],
    },
    withdrawn(),
    inPaper(),
  ],
} as const satisfies FolderCollection;

export const reviews = {
  kind: 'folder',
  name: 'reviews',
  label: '工作回眸',
  labelSingular: '工作回眸',
  folder: 'reviews',
  body: {
    label: '正文',
    hint: '每个专门委员会一节，以二级标题（## 委员会名称）开头，标题下写该委员会一年的工作。',
    required: true,
  },
  fields: [
    title('如：建言资政助发展 履职尽责显担当'),
    {
      name: 'subtitle',
      label: '副标题',
      type: 'string',
      required: true,
      hint: '如：——市政协十四届二次会议以来工作回眸',
      maxLength: TITLE_MAX,
    },
    date(),
    {
      name: 'year',
      label: '回顾年度',
      type: 'integer',
      required: true,
      min: 1949,
      max: 2100,
      hint: '回顾的是哪一年的工作',
    },
    { name: 'editorNote', label: '编者按', type: 'text', required: true },
    editor(),
    withdrawn(),
  ],
} as const satisfies FolderCollection;

export const proposals = {
  kind: 'folder',
  name: 'proposals',
  label: '提案与答复',
  labelSingular: '提案',
  folder: 'proposals',
  body: { label: '提案内容', hint: '提案正文：问题、分析与建议。', required: true },
  fields: [
    {
      name: 'number',
      label: '提案编号',
      type: 'string',
      required: true,
      hint: '届-次-序号，如 14-3-0123',
      pattern: { regex: PROPOSAL_NUMBER_PATTERN, message: '提案编号应为“届-次-四位序号”，如 14-3-0123' },
    },
    { name: 'session', label: '届次', type: 'ref', to: 'sessions', multiple: false, required: true },
    { name: 'title', label: '案由', type: 'string', required: true, hint: '提案的题目', maxLength: 80 },
    { name: 'proposerType', label: '提案类型', type: 'select', options: PROPOSER_TYPES, required: true },
    {
      name: 'proposers',
      label: '提案人',
      type: 'ref',
      to: 'members',
      multiple: true,
      required: false,
      hint: '委员提案、联名提案选择提案委员；集体提案可不选。',
    },
    {
      name: 'collective',
      label: '提案单位',
      type: 'string',
      required: false,
      hint: '集体提案的单位，如：民进长治市委',
    },
    { name: 'sector', label: '界别', type: 'ref', to: 'sectors', multiple: false, required: false },
    { name: 'category', label: '类别', type: 'ref', to: 'categories', multiple: false, required: true },
    { name: 'key', label: '重点提案', type: 'boolean', default: false, required: false },
    {
      name: 'public',
      label: '同意公开',
      type: 'boolean',
      default: true,
      required: false,
      hint: '不同意公开的提案只计入统计，不在网站显示。',
    },
    {
      name: 'status',
      label: '办理状态',
      type: 'select',
      options: PROPOSAL_STATUSES,
      required: true,
      hint: '立案：尚未交办；交办：已定主办单位，尚无答复；办理中：主办单位尚未全部答复（或正在重办）；已办复：每个主办单位都已答复提案人（重办的须重新答复）。协办、会办意见不算答复。',
    },
    { name: 'submitted', label: '提交日期', type: 'date', required: true },
    { name: 'registered', label: '立案日期', type: 'date', required: false },
    {
      name: 'distributed',
      label: '分办日期',
      type: 'date',
      required: false,
      hint: '提案委员会确定承办单位（分办）的日期；分办与交办同日或未记录的，可不填。',
    },
    { name: 'assigned', label: '交办日期', type: 'date', required: false },
    {
      name: 'leadUnits',
      label: '主办单位',
      type: 'ref',
      to: 'units',
      multiple: true,
      required: false,
      hint: '负责办理并答复提案人的单位；交办后必填。',
    },
    {
      name: 'coUnits',
      label: '协办单位',
      type: 'ref',
      to: 'units',
      multiple: true,
      required: false,
      hint: '向主办单位提出协办意见的单位。',
    },
    {
      name: 'jointUnits',
      label: '会办单位',
      type: 'ref',
      to: 'units',
      multiple: true,
      required: false,
      hint: '与主办单位会同办理、向主办单位提出会办意见的单位（有的地方记录会办单位）。',
    },
    {
      name: 'replies',
      label: '答复与办理意见',
      type: 'group',
      multiple: true,
      required: false,
      summary: 'unit',
      hint: '主办单位致提案人的答复，协办、会办单位致主办单位的办理意见，每个单位各一条。',
      fields: [
        {
          name: 'unit',
          label: '答复单位',
          type: 'ref',
          to: 'units',
          multiple: false,
          required: true,
          within: HANDLING_UNITS,
        },
        {
          name: 'role',
          label: '办理角色',
          type: 'select',
          options: REPLY_ROLES,
          required: true,
          hint: '主办：答复提案人；协办、会办：向主办单位提出意见。',
        },
        { name: 'date', label: '答复日期', type: 'date', required: true },
        { name: 'docNumber', label: '答复文号', type: 'string', required: false, hint: '如：长科函〔2024〕12号' },
        { name: 'result', label: '办理结果', type: 'select', options: REPLY_RESULTS, required: true },
        { name: 'body', label: '答复内容', type: 'markdown', required: true },
      ],
    },
    {
      name: 'satisfaction',
      label: '委员评价',
      type: 'select',
      options: SATISFACTION,
      required: false,
      hint: '提案人对主办单位答复的评价。',
    },
    {
      name: 'rehandling',
      label: '重办',
      type: 'group',
      multiple: false,
      required: false,
      hint: '委员评价为“不满意”时，主办单位重新办理：填写重办交办日期、原因、重新答复和再次评价。',
      fields: [
        { name: 'assigned', label: '重办交办日期', type: 'date', required: false },
        { name: 'reason', label: '重办原因', type: 'text', required: false, hint: '提案人不满意的主要意见。' },
        {
          name: 'replies',
          label: '重新答复',
          type: 'group',
          multiple: true,
          required: false,
          summary: 'unit',
          hint: '每个主办单位的重新答复各一条。',
          fields: [
            {
              name: 'unit',
              label: '答复单位',
              type: 'ref',
              to: 'units',
              multiple: false,
              required: true,
              hint: '应为主办单位。',
              within: ['leadUnits'],
            },
            { name: 'date', label: '答复日期', type: 'date', required: true },
            { name: 'docNumber', label: '答复文号', type: 'string', required: false },
            { name: 'result', label: '办理结果', type: 'select', options: REPLY_RESULTS, required: true },
            { name: 'body', label: '答复内容', type: 'markdown', required: true },
          ],
        },
        { name: 'satisfaction', label: '重办后评价', type: 'select', options: SATISFACTION, required: false },
      ],
    },
    {
      name: 'publishAt',
      label: '发布时间',
      type: 'datetime',
      required: false,
      hint: '留空则网站更新后立即公开；填写将来的北京时间即为定时发布，到时才公开（如等答复正式印发后）。',
    },
    withdrawn(),
  ],
} as const satisfies FolderCollection;

export const voices = {
  kind: 'folder',
  name: 'voices',
  label: '委员声音',
  labelSingular: '委员声音',
  folder: 'voices',
  body: { label: '正文', required: true },
  fields: [
    title('观点鲜明的标题'),
    date(),
    { name: 'author', label: '作者', type: 'ref', to: 'members', multiple: false, required: true },
    { name: 'column', label: '栏目', type: 'select', options: VOICE_COLUMNS, required: true },
    { name: 'summary', label: '摘要', type: 'text', required: true, maxLength: SUMMARY_MAX },
    editor(),
    withdrawn(),
    inPaper(),
  ],
} as const satisfies FolderCollection;

export const members = {
  kind: 'folder',
  name: 'members',
  label: '委员',
  labelSingular: '委员',
  folder: 'members',
  body: { label: '详细介绍', hint: '可不填。', required: false },
  fields: [
    { name: 'name', label: '姓名', type: 'string', required: true },
    { name: 'role', label: '职务', type: 'string', required: true, hint: '如：市政协常委、市政协委员' },
    { name: 'sector', label: '界别', type: 'ref', to: 'sectors', multiple: false, required: true },
    { name: 'committee', label: '所在专委会', type: 'ref', to: 'committees', multiple: false, required: false },
    {
      name: 'leadership',
      label: '领导职务',
      type: 'select',
      options: LEADERSHIP_POSTS,
      required: false,
      hint: '市政协主席、副主席、秘书长填写，列在“机构设置”页；其他委员不填。',
    },
    {
      name: 'duties',
      label: '分管工作',
      type: 'text',
      required: false,
      hint: '领导同志的分工，如：分管提案委员会、经济委员会工作。',
    },
    { name: 'photo', label: '照片', type: 'image', required: false },
    { name: 'bio', label: '简介', type: 'text', required: true, hint: '工作单位与职务，一两句话。' },
    withdrawn(),
  ],
} as const satisfies FolderCollection;

/**
 * An issue (期) of the newspaper with its pages (版). The file is named by the date (`2025-04-18.md`), which is
 * also its address (`/paper/2025-04-18/`); stories name the issue in their 数字报版面.
 */
export const paper = {
  kind: 'folder',
  name: 'paper',
  label: '数字报',
  labelSingular: '报纸期次',
  folder: 'paper',
  body: { label: '本期导读', hint: '可不填。', required: false },
  fields: [
    { name: 'number', label: '期号', type: 'integer', required: true, min: 1, max: 99999, hint: '总第几期，如 186' },
    { name: 'date', label: '出版日期', type: 'date', required: true, hint: '文件名和网址由它而来，如 2025-04-18' },
    {
      name: 'pages',
      label: '版面',
      type: 'group',
      multiple: true,
      required: true,
      summary: 'name',
      hint: '按版次顺序，每版一条。',
      fields: [
        { name: 'number', label: '版次', type: 'integer', required: true, min: 1, max: 99, hint: '第几版，如 1' },
        { name: 'name', label: '版名', type: 'string', required: true, hint: '如：要闻、综合、委员之声、文史' },
        {
          name: 'image',
          label: '版面图',
          type: 'file',
          accept: 'image',
          required: true,
          hint: 'JPG、PNG 或 WebP，宽 1000 像素以上为宜。',
        },
        {
          name: 'pdf',
          label: 'PDF 版',
          type: 'file',
          accept: 'pdf',
          required: false,
          hint: '可不填；填写后读者可下载本版 PDF。',
        },
      ],
    },
  ],
} as const satisfies FolderCollection;

/**
 * 通知公告: notices of the committee with the 政府信息公开 fields (索引号, 主题分类, 发布机构, 成文日期, 发文字号) and
 * attached files. Published and withdrawn by `date` and `withdrawn` like news.
 */
export const notices = {
  kind: 'folder',
  name: 'notices',
  label: '通知公告',
  labelSingular: '通知公告',
  folder: 'notices',
  body: { label: '正文', hint: '通知正文；附件在下方“附件”中上传，不要贴在正文里。', required: true },
  fields: [
    title('如：关于征集市政协十五届一次会议提案的通知'),
    date(),
    {
      name: 'written',
      label: '成文日期',
      type: 'date',
      required: true,
      hint: '文件落款的日期，如 2025-12-01；可早于发布时间。',
    },
    {
      name: 'publisher',
      label: '发布机构',
      type: 'ref',
      to: 'committees',
      multiple: false,
      required: true,
      hint: '市政协办公室发文选“办公室”，专门委员会发文选该委员会；网页显示全称。',
    },
    {
      name: 'indexNumber',
      label: '索引号',
      type: 'string',
      required: true,
      hint: '政府信息公开目录的索引号：统一社会信用代码/年份-五位流水号，如 11140400MB1957342X/2025-00012',
      pattern: {
        regex: INDEX_NUMBER_PATTERN,
        message: '索引号应为“统一社会信用代码/年份-五位流水号”，如 11140400MB1957342X/2025-00012',
      },
    },
    {
      name: 'docNumber',
      label: '发文字号',
      type: 'string',
      required: false,
      hint: '如：长政协发〔2025〕12号（年份用六角括号〔〕）；没有文号的公告不填。',
      pattern: { regex: DOC_NUMBER_PATTERN, message: '发文字号应写成“长政协发〔2025〕12号”的形式，年份用六角括号〔〕' },
    },
    { name: 'topic', label: '主题分类', type: 'select', options: NOTICE_TOPICS, required: true },
    {
      name: 'summary',
      label: '摘要',
      type: 'text',
      required: false,
      hint: '可不填；列表和搜索结果中显示。',
      maxLength: SUMMARY_MAX,
    },
    {
      name: 'attachments',
      label: '附件',
      type: 'group',
      multiple: true,
      required: false,
      summary: 'name',
      hint: '每个附件一条：上传文件并填写显示名称。可上传 PDF、Word（doc/docx）、Excel（xls/xlsx）、WPS（wps/et）或 ZIP 压缩包。',
      fields: [
        {
          name: 'name',
          label: '附件名称',
          type: 'string',
          required: true,
          hint: '如：附件1 提案格式样本',
          maxLength: 80,
        },
        {
          name: 'file',
          label: '附件文件',
          type: 'file',
          accept: 'attachment',
          required: true,
          hint: '文件名用英文字母或数字，如 tian-yangben.docx',
        },
      ],
    },
    {
      name: 'validUntil',
      label: '有效期至',
      type: 'date',
      required: false,
      hint: '有明确有效期的文件填写，到期后页面标明“已失效”。',
    },
    {
      name: 'repealed',
      label: '废止日期',
      type: 'date',
      required: false,
      hint: '文件被废止时填写；页面标明“已废止”，内容保留供查阅。',
    },
    editor(),
    withdrawn(),
  ],
} as const satisfies FolderCollection;

/** The `id` and `name` every taxonomy item has, before the taxonomy's own `fields`. */
/**
 * 专题: a page on one plenary session or standing-committee meeting, written in MDX that embeds the site's own
 * components (提案列表, 统计图, 图集, 会议日程) and nothing else.
 */
export const topics = {
  kind: 'folder',
  name: 'topics',
  label: '专题',
  labelSingular: '专题',
  folder: 'topics',
  format: 'mdx',
  body: {
    label: '正文',
    hint: '可用编辑器的“+”插入提案列表、统计图、图集、会议日程和视频；只能使用这些组件，不能写代码或 HTML。',
    required: true,
  },
  fields: [
    title('如：市政协十四届四次会议专题'),
    date(),
    {
      name: 'meeting',
      label: '会议',
      type: 'group',
      multiple: false,
      required: true,
      hint: '本专题报道的会议。',
      fields: [
        { name: 'kind', label: '会议类型', type: 'select', options: MEETING_KINDS, required: true },
        {
          name: 'session',
          label: '届次',
          type: 'ref',
          to: 'sessions',
          multiple: false,
          required: true,
          hint: '全体会议选该次会议；常委会议选它所在年度的全体会议届次。',
        },
        {
          name: 'number',
          label: '常委会议次数',
          type: 'integer',
          required: false,
          min: 1,
          max: 99,
          hint: '常委会议填第几次，如 12；全体会议不填。',
        },
      ],
    },
    { name: 'cover', label: '封面图片', type: 'image', required: true, hint: '图片须填写替代文字，可加图注。' },
    {
      name: 'summary',
      label: '摘要',
      type: 'text',
      required: true,
      hint: '一两句话介绍会议，显示在专题列表和搜索结果中。',
      maxLength: SUMMARY_MAX,
    },
    editor(),
    withdrawn(),
  ],
} as const satisfies FolderCollection;

export const TAXONOMY_ITEM_FIELDS = [
  {
    name: 'id',
    label: '编号',
    type: 'string',
    required: true,
    hint: '小写英文字母、数字和连字符，用于网址，发布后不要修改',
    pattern: { regex: ID_PATTERN, message: '编号只能用小写英文字母、数字和连字符，如 fgw' },
  },
  { name: 'name', label: '名称', type: 'string', required: true },
] as const satisfies readonly Field[];

const taxonomy = <const N extends TaxonomyCollection['name'], const F extends readonly Field[] = readonly []>(
  name: N,
  label: string,
  labelSingular: string,
  fields: F = [] as unknown as F,
) =>
  ({
    kind: 'taxonomy',
    name,
    label,
    labelSingular,
    file: `taxonomies/${name}.yml`,
    fields,
  }) as const satisfies TaxonomyCollection;

export const sessions = taxonomy('sessions', '届次', '届次', [
  { name: 'term', label: '届', type: 'integer', required: true, min: 1, max: 99 },
  { name: 'meeting', label: '次', type: 'integer', required: true, min: 1, max: 9 },
  { name: 'year', label: '年度', type: 'integer', required: true, min: 1949, max: 2100 },
  { name: 'opened', label: '开幕日期', type: 'date', required: false },
  { name: 'received', label: '征集提案（件）', type: 'integer', required: false, min: 0, hint: '含未立案的提案总数' },
  { name: 'merged', label: '并案（件）', type: 'integer', required: false, min: 0 },
]);
export const units = taxonomy('units', '承办单位', '承办单位', [
  { name: 'shortName', label: '简称', type: 'string', required: false, hint: '如：市发改委' },
]);
export const categories = taxonomy('categories', '提案类别', '类别');
export const sectors = taxonomy('sectors', '界别', '界别');
export const committees = taxonomy('committees', '专门委员会', '专门委员会', [
  { name: 'shortName', label: '简称', type: 'string', required: false, hint: '如：提案委' },
  {
    name: 'categories',
    label: '对口提案类别',
    type: 'ref',
    to: 'categories',
    multiple: true,
    required: false,
    hint: '本委员会对口联系、协助督办的提案类别；“机构设置”页据此列出各委员会的相关提案。',
  },
]);
export const places = taxonomy('places', '县区', '县区');
export const synonyms = taxonomy('synonyms', '搜索同义词', '同义词组', [
  {
    name: 'terms',
    label: '同义词',
    type: 'stringList',
    required: true,
    hint: '与名称意思相同的其他说法，如“发改委”之于“发展和改革委员会”；搜索其中任何一个都能找到含其他说法的页面。',
  },
]);
const taxonomies = [sessions, units, categories, sectors, committees, places, synonyms] as const;

export const settings = {
  kind: 'settings',
  name: 'settings',
  label: '网站设置',
  labelSingular: '网站设置',
  file: 'settings/site.yml',
  fields: [
    { name: 'siteName', label: '网站名称', type: 'string', required: true },
    { name: 'shortName', label: '网站简称', type: 'string', required: true },
    { name: 'newspaper', label: '报纸名称', type: 'string', required: true, hint: '“本报”所指的报纸，如：长治政协报' },
    { name: 'description', label: '网站简介', type: 'text', required: true },
    { name: 'organizer', label: '主办单位', type: 'string', required: true },
    { name: 'address', label: '地址', type: 'string', required: true },
    { name: 'postcode', label: '邮编', type: 'string', required: false },
    { name: 'phone', label: '电话', type: 'string', required: true },
    {
      name: 'email',
      label: '电子邮箱',
      type: 'string',
      required: false,
      pattern: { regex: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', message: '应为电子邮箱地址，如 zxb@example.gov.cn' },
    },
    {
      name: 'officeHours',
      label: '办公时间',
      type: 'string',
      required: false,
      hint: '如：工作日 8:30—12:00，14:30—17:30',
    },
    {
      name: 'about',
      label: '“关于我们”正文',
      type: 'markdown',
      required: false,
      hint: '本会简介、主要职能等，显示在“关于我们”页；用“## 标题”分节。不填则只显示网站简介。',
    },
    { name: 'icp', label: 'ICP备案号', type: 'string', required: true, hint: '如：晋ICP备12345678号' },
    {
      name: 'publicSecurity',
      label: '公网安备号',
      type: 'string',
      required: true,
      hint: '如：晋公网安备14040202000123号',
    },
    { name: 'siteCode', label: '网站标识码', type: 'string', required: false },
    {
      name: 'govMarkUrl',
      label: '党政机关网站标识链接',
      type: 'string',
      required: false,
      hint: '开办单位取得的“党政机关网站标识”核验地址；填写后页脚显示标识。',
      pattern: { regex: '^https://', message: '应为以 https:// 开头的网址' },
    },
    {
      name: 'nav',
      label: '导航',
      type: 'group',
      multiple: true,
      required: true,
      summary: 'label',
      fields: [
        { name: 'label', label: '名称', type: 'string', required: true },
        {
          name: 'href',
          label: '链接',
          type: 'string',
          required: true,
          pattern: { regex: '^/[a-z0-9/-]*$', message: '链接应为站内路径，如 /news/' },
        },
      ],
    },
    { name: 'hotSearches', label: '热门搜索', type: 'stringList', required: false },
    {
      name: 'counties',
      label: '县区政协',
      type: 'group',
      multiple: true,
      required: false,
      summary: 'name',
      hint: '本市各县（区）政协的网站，列在“机构设置”页；没有网站的只写名称。',
      fields: [
        { name: 'name', label: '名称', type: 'string', required: true, hint: '如：潞州区政协' },
        {
          name: 'url',
          label: '网址',
          type: 'string',
          required: false,
          pattern: { regex: '^https?://', message: '应为以 http:// 或 https:// 开头的网址' },
        },
      ],
    },
    {
      name: 'maxImageMB',
      label: '图片大小上限（MB）',
      type: 'integer',
      required: false,
      min: 1,
      max: 20,
      hint: '上传的图片不能超过此大小；较大的照片在上传时自动缩小。不填为 5 MB。',
    },
  ],
} as const satisfies SettingsCollection;

/** Every collection of the site, in the order editors see them. */
export const collections: readonly Collection[] = [
  news,
  notices,
  reviews,
  proposals,
  voices,
  topics,
  members,
  paper,
  ...taxonomies,
  settings,
];

export const folderCollections = collections.filter((c): c is FolderCollection => c.kind === 'folder');
export const taxonomyCollections = collections.filter((c): c is TaxonomyCollection => c.kind === 'taxonomy');

/** Look up a collection by name; throws on a name that is not in the model. */
export function collection(name: Collection['name']): Collection {
  const found = collections.find((c) => c.name === name);
  if (!found) throw new Error(`No collection named ${name} in the content model`);
  return found;
}
