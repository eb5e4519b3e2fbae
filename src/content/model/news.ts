import type { FolderCollection } from './fields.ts';
import { date, editor, inPaper, title, video, withdrawn } from './shared-fields.ts';
import { SUMMARY_MAX } from './values.ts';
import { KIND_LABELS } from './kind-labels.ts';

export const news = {
  kind: 'folder',
  name: 'news',
  label: KIND_LABELS.news,
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
    {
      name: 'headline',
      label: '首页头条',
      type: 'boolean',
      default: false,
      required: false,
      hint: '勾选后此文为网站首页的头条（勾选了多篇的，以日期最新的一篇为准），直到取消勾选；都不勾选时，头条是最新一篇有封面图片的新闻。',
    },
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
