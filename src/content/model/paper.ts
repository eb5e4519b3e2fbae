import type { FolderCollection } from './fields.ts';

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
