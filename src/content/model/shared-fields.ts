/** Fields several kinds share, each a function so every kind gets its own literal (its hint may differ). */
import { TITLE_MAX } from './values.ts';

export const title = <H extends string>(hint: H) =>
  ({ name: 'title', label: '标题', type: 'string', required: true, hint, maxLength: TITLE_MAX }) as const;
/** 责任编辑, printed at the end of a story as Chinese papers do. */
export const editor = () =>
  ({
    name: 'editor',
    label: '责任编辑',
    type: 'string',
    required: false,
    hint: '本稿责任编辑的姓名，显示在文末。',
  }) as const;
export const date = () =>
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
export const withdrawn = () =>
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
export const video = () =>
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
export const inPaper = () =>
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
