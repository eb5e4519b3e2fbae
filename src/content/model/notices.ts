import type { FolderCollection } from './fields.ts';
import { date, editor, title, withdrawn } from './shared-fields.ts';
import { DOC_NUMBER_PATTERN, INDEX_NUMBER_PATTERN, NOTICE_TOPICS, SUMMARY_MAX } from './values.ts';
import { KIND_LABELS } from './kind-labels.ts';

/**
 * 通知公告: notices of the committee with the 政府信息公开 fields (索引号, 主题分类, 发布机构, 成文日期, 发文字号) and
 * attached files. Published and withdrawn by `date` and `withdrawn` like news.
 */
export const notices = {
  kind: 'folder',
  name: 'notices',
  label: KIND_LABELS.notices,
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
