import type { FolderCollection } from './fields.ts';
import { date, editor, title, withdrawn } from './shared-fields.ts';
import { TITLE_MAX } from './values.ts';
import { KIND_LABELS } from './kind-labels.ts';

export const reviews = {
  kind: 'folder',
  name: 'reviews',
  label: KIND_LABELS.reviews,
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
