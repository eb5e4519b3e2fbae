import type { FolderCollection } from './fields.ts';
import { withdrawn } from './shared-fields.ts';
import { LEADERSHIP_POSTS } from './values.ts';
import { KIND_LABELS } from './kind-labels.ts';

export const members = {
  kind: 'folder',
  name: 'members',
  label: KIND_LABELS.members,
  labelSingular: '委员',
  // The CMS lists them as 委员; the site's section of their pages is 委员风采 (menu, titles, a withdrawn page's notice).
  navLabel: '委员风采',
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
