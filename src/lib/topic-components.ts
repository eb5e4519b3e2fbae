/**
 * The components a 专题 body may embed, with their attributes: the allowlist of the MDX guard (`mdx-guard.ts`), the
 * forms of the CMS editor components (`src/cms/topic-components.ts`) and the checks of attribute values below all
 * read this table, so a component added here is allowed, editable and checked in one step.
 */

import { categories, sectors, sessions, units } from '../content/model/taxonomies.ts';

/** What the values of an attribute may be. */
export type PropKind =
  | { kind: 'session' | 'category' | 'unit' | 'sector' }
  | { kind: 'enum'; options: readonly string[] }
  | { kind: 'flag' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'day' }
  | { kind: 'text' }
  | { kind: 'media'; ext: readonly string[] };

export interface PropSpec {
  label: string;
  required: boolean;
  type: PropKind;
}

export interface ComponentSpec {
  /** Chinese name, shown in the CMS's 插入 menu and in messages. */
  label: string;
  props: Record<string, PropSpec>;
  /** The one component it may only stand in. */
  parent?: string;
  /** The component its children are (none when absent). */
  children?: string;
}

/** 办理状态 values a list may filter by (as in the model's PROPOSAL_STATUSES). */
export const STATUS_OPTIONS = ['立案', '交办', '办理中', '已办复'] as const;
/** What a statistics chart counts proposals by. */
export const STATS_BY = { category: '类别', sector: '界别', status: '办理状态', unit: '主办单位' } as const;

const text = (label: string, required = false): PropSpec => ({ label, required, type: { kind: 'text' } });

export const TOPIC_COMPONENTS = {
  ProposalList: {
    label: '提案列表',
    props: {
      session: { label: '届次', required: false, type: { kind: 'session' } },
      category: { label: '类别', required: false, type: { kind: 'category' } },
      status: { label: '办理状态', required: false, type: { kind: 'enum', options: STATUS_OPTIONS } },
      unit: { label: '主办单位', required: false, type: { kind: 'unit' } },
      sector: { label: '界别', required: false, type: { kind: 'sector' } },
      key: { label: '只列重点提案', required: false, type: { kind: 'flag' } },
      limit: { label: '最多显示（件）', required: false, type: { kind: 'int', min: 1, max: 100 } },
      title: text('小标题'),
    },
  },
  StatsChart: {
    label: '统计图',
    props: {
      session: { label: '届次', required: true, type: { kind: 'session' } },
      by: { label: '统计维度', required: true, type: { kind: 'enum', options: Object.keys(STATS_BY) } },
    },
  },
  Gallery: { label: '图集', props: { title: text('图集标题') }, children: 'Photo' },
  Photo: {
    label: '图片',
    parent: 'Gallery',
    props: {
      src: { label: '图片', required: true, type: { kind: 'media', ext: ['jpg', 'jpeg', 'png', 'webp'] } },
      alt: text('替代文字', true),
      caption: text('图注'),
    },
  },
  Timeline: { label: '会议日程', props: { title: text('日程标题') }, children: 'Event' },
  Event: {
    label: '日程',
    parent: 'Timeline',
    props: {
      date: { label: '日期', required: true, type: { kind: 'day' } },
      time: text('时间'),
      title: text('事项', true),
      text: text('说明'),
    },
  },
  Video: {
    label: '视频',
    props: {
      src: { label: '视频文件', required: true, type: { kind: 'media', ext: ['mp4'] } },
      poster: { label: '封面图', required: true, type: { kind: 'media', ext: ['jpg', 'jpeg', 'png', 'webp'] } },
      captions: { label: '字幕', required: true, type: { kind: 'media', ext: ['vtt'] } },
      title: text('视频标题', true),
    },
  },
} as const satisfies Record<string, ComponentSpec>;

export type ComponentName = keyof typeof TOPIC_COMPONENTS;

/** Names of every allowed component, in the order of the table. */
export function componentNames(): ComponentName[] {
  return Object.keys(TOPIC_COMPONENTS) as ComponentName[];
}

/** The ids a taxonomy-valued attribute may take, by kind; a kind left out is not checked (the CMS's pickers). */
export type Domain = Partial<Record<'session' | 'category' | 'unit' | 'sector', ReadonlySet<string>>>;

/** Each taxonomy-valued attribute's name in a message: its taxonomy's label from the model. */
const KIND_LABEL = {
  session: sessions.label,
  category: categories.label,
  unit: units.label,
  sector: sectors.label,
} as const;

/**
 * Problems of one component's attribute values: a required one missing, an id no taxonomy has, a value not among the
 * options, a malformed number, day or media path. `exists` says whether a `/media/` file is there.
 */
export function propProblems(
  name: ComponentName,
  props: Record<string, string | true>,
  domain: Domain,
  exists: (path: string) => boolean = () => true,
): string[] {
  const spec: ComponentSpec = TOPIC_COMPONENTS[name];
  const out: string[] = [];
  for (const [key, p] of Object.entries(spec.props)) {
    const v = props[key];
    const field = `${key}（${p.label}）`;
    if (v === undefined || v === '') {
      if (p.required) out.push(`缺少属性 ${field}`);
      continue;
    }
    const t = p.type;
    if (t.kind === 'flag') {
      if (v !== true && v !== 'true') out.push(`${field} 只需写属性名 ${key}，不要写值`);
      continue;
    }
    if (v === true) {
      out.push(`${field} 应写成 ${key}="…"`);
      continue;
    }
    if (t.kind === 'session' || t.kind === 'category' || t.kind === 'unit' || t.kind === 'sector') {
      if (domain[t.kind] && !domain[t.kind]!.has(v)) out.push(`${field}“${v}”不是已有的${KIND_LABEL[t.kind]}编号`);
    } else if (t.kind === 'enum') {
      if (!t.options.includes(v)) out.push(`${field}“${v}”只能是：${t.options.join('、')}`);
    } else if (t.kind === 'int') {
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < t.min || n > t.max) out.push(`${field}“${v}”应为 ${t.min} 到 ${t.max} 之间的整数`);
    } else if (t.kind === 'day') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v)))
        out.push(`${field}“${v}”应为日期，如 2025-02-23`);
    } else if (t.kind === 'media') {
      const re = new RegExp(`^/media/[\\w./-]+\\.(?:${t.ext.join('|')})$`, 'i');
      if (!re.test(v) || v.includes('..')) out.push(`${field}“${v}”应为上传到 /media/ 的 ${t.ext.join('、')} 文件`);
      else if (!exists(v)) out.push(`${field}的文件不存在：${v}`);
    }
  }
  return out;
}
