import type { FolderCollection } from './fields.ts';
import { date, editor, title, withdrawn } from './shared-fields.ts';
import { MEETING_KINDS, SUMMARY_MAX } from './values.ts';
import { KIND_LABELS } from './kind-labels.ts';

/**
 * 专题: a page on one plenary session or standing-committee meeting, written in MDX that embeds the site's own
 * components (提案列表, 统计图, 图集, 会议日程) and nothing else.
 */
export const topics = {
  kind: 'folder',
  name: 'topics',
  label: KIND_LABELS.topics,
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
