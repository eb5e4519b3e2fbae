import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NoticeData } from '../content/types.ts';
import { beijingDay } from '../lib/dates.ts';
import { attachmentFacts } from '../lib/media.ts';
import { issuerName, noticeTopics, noticeUrl, noticeValidity, type NoticeValidity } from '../lib/notices.ts';
import { publicDir } from '../lib/paths.ts';
import { getNotices, getSettings, type Entry } from './content.ts';
import { getLookups } from './lookups.ts';
import { memo } from './memo.ts';

/**
 * What the 通知公告 pages show beyond an entry's own fields: the issuer's full name, each attachment's type and size
 * read from the real file, whether the notice is in force, and the lists by 主题分类.
 */

/** An attachment as the page lists it: its name, address, type and size (PDF · 312 KB). */
export interface AttachmentView {
  name: string;
  href: string;
  type: string;
  size: string;
  /** The file name offered when saving: the display name with the file's extension. */
  download: string;
}

/** A notice with what its page shows besides its own fields. */
export interface NoticeView {
  url: string;
  issuer: string;
  attachments: AttachmentView[];
  validity: NoticeValidity;
}

/** The full name of a notice's issuing body (中国人民政治协商会议长治市委员会办公室). */
export async function noticeIssuer(d: NoticeData): Promise<string> {
  const [settings, l] = await Promise.all([getSettings(), getLookups()]);
  return issuerName(settings.organizer, l.committees.get(d.publisher)!.name);
}

/** The facts of a notice's page; sizes come from the files in `public/`, so the page says what a reader downloads. */
export async function noticeView(n: Entry<NoticeData>, now: Date): Promise<NoticeView> {
  return {
    url: noticeUrl(n.id),
    issuer: await noticeIssuer(n.data),
    attachments: n.data.attachments.map((a, i) => {
      const path = join(publicDir(), a.file);
      // The content store checked the file when the entry was parsed; one deleted since (the entry unchanged) is caught here.
      if (!existsSync(path))
        throw new Error(`content/notices/${n.id}.md：attachments.${i}.file（附件文件）文件不存在：${a.file}`);
      const facts = attachmentFacts(path);
      const ext = a.file.split('.').pop()!.toLowerCase();
      return {
        name: a.name,
        href: a.file,
        type: facts.type,
        size: facts.size,
        download: `${a.name.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`,
      };
    }),
    validity: noticeValidity(n.data, beijingDay(now)),
  };
}

/** The notices of each 主题分类 that has any, with its slug, in the model's order. */
export const getNoticeTopics = memo(async () => {
  const notices = await getNotices();
  return noticeTopics()
    .map((t) => ({ ...t, items: notices.filter((n) => n.data.topic === t.topic) }))
    .filter((t) => t.items.length > 0);
});

/** The newest notices for the home page. */
export async function getLatestNotices(n = 5): Promise<Entry<NoticeData>[]> {
  return (await getNotices()).slice(0, n);
}
