import { join } from 'node:path';
import rss from '@astrojs/rss';
import { folderCollections } from '../content/model.ts';
import { imageDimensions } from '../lib/media.ts';
import { publicDir } from '../lib/paths.ts';
import {
  assembleEdition,
  issueDateLabel,
  placements,
  type Issue,
  type Placement,
  type StoryInput,
} from '../lib/paper/edition.ts';
import { getNews, getPaperIssues, getSettings, getVoices } from './content.ts';
import { memo } from './memo.ts';

/**
 * The electronic edition (数字报): every issue, newest first, with its pages and the stories on each. A story that
 * names a page its issue does not have stops the build, naming the story's file and field.
 */
export const getEdition: () => Promise<Issue[]> = memo(async () => {
  const [issues, news, voices] = await Promise.all([getPaperIssues(), getNews(), getVoices()]);
  const folder = (kind: StoryInput['kind']) => folderCollections.find((c) => c.name === kind)!.folder;
  const stories: StoryInput[] = [
    ...news.map((n) => ({ kind: 'news' as const, e: n, summary: n.data.summary, edition: n.data.edition })),
    ...voices.map((v) => ({ kind: 'voices' as const, e: v, summary: v.data.summary, edition: undefined })),
  ].flatMap(({ kind, e, summary, edition }) =>
    e.data.paper
      ? [
          {
            kind,
            id: e.id,
            title: e.data.title,
            summary,
            date: e.data.date,
            href: `/${kind}/${e.id}/`,
            file: `content/${folder(kind)}/${e.id}.md`,
            paper: e.data.paper,
            edition,
          },
        ]
      : [],
  );
  return assembleEdition(
    issues.map((i) => ({ id: i.id, number: i.data.number, date: i.data.date, pages: i.data.pages })),
    stories,
  );
});

const getPlacements = memo(async () => placements(await getEdition()));

/** Where a story appeared in the paper (刊于 第N期 第M版), or undefined. */
export async function getPlacement(kind: StoryInput['kind'], id: string): Promise<Placement | undefined> {
  return (await getPlacements()).get(`${kind}/${id}`);
}

/** What a story's page shows of its place in the paper, for its incremental-build key. */
export async function placementKey(kind: StoryInput['kind'], id: string): Promise<string[] | undefined> {
  const at = await getPlacement(kind, id);
  return at && [at.label, at.page.name, at.href];
}

/** Pixel size of a page image in `public/`. */
export const pageImageSize = (src: string) => imageDimensions(join(publicDir(), src));

export { issueDateLabel };

/** RSS of one issue: its stories in page order. */
export async function issueFeed(site: URL, issue: Issue): Promise<Response> {
  const settings = await getSettings();
  return rss({
    title: `${settings.newspaper} 第${issue.number}期（${issueDateLabel(issue.date)}）`,
    description: `${settings.newspaper}数字报第${issue.number}期各版文章`,
    site,
    items: issue.pages.flatMap((p) =>
      p.articles.map((a) => ({
        title: a.title,
        link: a.href,
        pubDate: a.date,
        description: a.summary,
        categories: [`第${p.number}版 ${p.name}`],
      })),
    ),
    customData: '<language>zh-cn</language>',
  });
}
