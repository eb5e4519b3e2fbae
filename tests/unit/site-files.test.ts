import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { assetFiles } from '../../src/integrations/site-files.ts';

describe('assetFiles', () => {
  const root = '/tmp/site/build';
  const url = (rel: string) => pathToFileURL(`${root}/${rel}`);

  it('lists what each route wrote as paths under the output folder, the same for every integration asking', () => {
    const news = [url('news/a/index.html'), url('news/新闻/index.html')];
    const home = [url('index.html')];
    // Astro hands each integration a map of its own over the same lists.
    const first = assetFiles(
      root,
      new Map([
        ['/news/[id]', news],
        ['/', home],
      ]),
    );
    expect(first).toEqual(['news/a/index.html', 'news/新闻/index.html', 'index.html']);
    expect(
      assetFiles(
        root,
        new Map([
          ['/news/[id]', news],
          ['/', home],
        ]),
      ),
    ).toEqual(first);
    // A list that grew, or another output folder, is read again.
    news.push(url('news/b/index.html'));
    expect(assetFiles(root, new Map([['/news/[id]', news]]))).toEqual([
      'news/a/index.html',
      'news/新闻/index.html',
      'news/b/index.html',
    ]);
    expect(assetFiles('/tmp/site', new Map([['/', home]]))).toEqual(['build/index.html']);
  });
});
