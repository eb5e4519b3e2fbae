import type { FolderCollection } from './fields.ts';
import { date, editor, inPaper, title, withdrawn } from './shared-fields.ts';
import { SUMMARY_MAX, VOICE_COLUMNS } from './values.ts';
import { KIND_LABELS } from './kind-labels.ts';

export const voices = {
  kind: 'folder',
  name: 'voices',
  label: KIND_LABELS.voices,
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
