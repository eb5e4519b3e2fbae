import { NOTICE_TOPICS } from '../content/model.ts';
import { listUrl, routes } from './routes.ts';
import { slugify } from './slug.ts';

/**
 * 通知公告 without Astro: their URLs (from the route table), the full name of
 * the issuing body, and whether a notice is still in force.
 */

/** The column's own URL. */
export const NOTICES_BASE = listUrl('notices');

/** URL of a notice (`/notices/2025-12-01/`), or of the column without an id. */
export function noticeUrl(id?: string): string {
  return id ? routes.notices(id) : NOTICES_BASE;
}

/** URL of the list of one 主题分类 (`/notices/topic/ti-an-gong-zuo/`). */
export function noticeTopicUrl(topic: string): string {
  return routes.noticeTopic(slugify(topic));
}

/** Every 主题分类 with its slug, in the model's order. */
export function noticeTopics(): { topic: (typeof NOTICE_TOPICS)[number]; slug: string }[] {
  return NOTICE_TOPICS.map((topic) => ({ topic, slug: slugify(topic) }));
}

/**
 * The full name of the issuing body as a 公开 table gives it: the committee's formal name (from 主办单位 in the settings,
 * 中国人民政治协商会议长治市委员会办公室, without its 办公室) followed by the body's name.
 */
export function issuerName(organizer: string, body: string): string {
  const committee = organizer.replace(/办公室$/, '');
  return body.startsWith(committee) ? body : `${committee}${body}`;
}

/** 有效 while in force, 已失效 after its 有效期, 已废止 from its 废止日期 (days as `YYYY-MM-DD`, Beijing). */
export type NoticeValidity = '有效' | '已失效' | '已废止';

export function noticeValidity(
  d: { validUntil?: string | undefined; repealed?: string | undefined },
  today: string,
): NoticeValidity {
  if (d.repealed && d.repealed <= today) return '已废止';
  if (d.validUntil && d.validUntil < today) return '已失效';
  return '有效';
}
