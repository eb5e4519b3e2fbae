import { describe, expect, it } from 'vitest';
import {
  breakPageWords,
  breakWords,
  joinExcerpt,
  queryText,
  readable,
  WORD_BREAK,
} from '../../src/lib/search/segment.ts';

const B = WORD_BREAK;

describe('breakWords', () => {
  it('splits Chinese into words and leaves Latin words and numbers whole', () => {
    expect(breakWords('推进科技服务')).toBe(`推进${B}科技${B}服务`);
    expect(breakWords('提案21-2-0213号')).toBe(`提案${B}21-2-0213${B}号`);
    expect(breakWords('COVID-19 test')).toBe('COVID-19 test');
    expect(breakWords('他说 近日，')).toBe(`他${B}说 近日${B}，`);
  });

  it('splits queries with spaces, keeping quotes around a phrase', () => {
    expect(queryText('科技服务')).toBe('科技 服务');
    expect(queryText('"养老服务"').replace(/\s/g, '')).toBe('"养老服务"');
    expect(queryText('"养老服务"')).toMatch(/^".+"$/);
  });
});

describe('breakPageWords', () => {
  const page = (body: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><title>托育服务</title></head><body><nav>新闻简报</nav>${body}</body></html>`;

  it('splits only the text of the searchable part, leaving tags, attributes, entities and scripts whole', () => {
    const html = page(
      `<article data-pagefind-body><h1 id="t">科技服务</h1><span data-pagefind-meta="author:王丽华"></span><p>A&amp;B的&quot;意见建议&quot;</p><script>var 托育 = "服务";</script></article>`,
    );
    expect(breakPageWords(html)).toBe(
      page(
        `<article data-pagefind-body><h1 id="t">科技${B}服务</h1><span data-pagefind-meta="author:王丽华"></span><p>${B}A&amp;B${B}的&quot;意见${B}建议&quot;</p><script>var 托育 = "服务";</script></article>`,
      ),
    );
  });

  it('splits words that end at a tag, as Pagefind joins the text of adjacent elements', () => {
    const html = page(
      `<dl data-pagefind-body><dt>类别</dt><dd>经济发展</dd><dt>日期</dt><dd>2025年</dd><dd> 提交</dd></dl>`,
    );
    expect(breakPageWords(html)).toBe(
      page(
        `<dl data-pagefind-body><dt>类别</dt><dd>${B}经济${B}发展</dd><dt>${B}日期</dt><dd>${B}2025${B}年</dd><dd> 提交</dd></dl>`,
      ),
    );
  });

  it('splits text made only of characters beyond the basic plane (rare characters in names)', () => {
    expect(breakPageWords(page('<p data-pagefind-body>𪚥𪚥</p>'))).toBe(page(`<p data-pagefind-body>𪚥${B}𪚥</p>`));
  });

  it('leaves a page without a searchable part as it is', () => {
    expect(breakPageWords('<p>托育服务</p>')).toBe('<p>托育服务</p>');
  });
});

describe('readable', () => {
  it('joins the excerpt, headings and content again, highlights kept', () => {
    const shown = readable({
      content: `托育${B}服务 A&B`,
      excerpt: '<mark>托育</mark> <mark>服务</mark> 从无 到 有 ， 见 21-2-0213 号 COVID-19 test',
      meta: { title: `托育${B}服务`, author: '王丽华' },
      sub_results: [{ title: `市${B}卫健委${B}的${B}答复`, url: '/p/#reply-1', excerpt: '已 <mark>采纳</mark>' }],
    });
    expect(shown.content).toBe('托育服务 A&B');
    expect(shown.excerpt).toBe('<mark>托育</mark><mark>服务</mark>从无到有，见21-2-0213号COVID-19 test');
    expect(shown.meta).toEqual({ title: '托育服务', author: '王丽华' });
    expect(shown.sub_results[0]).toEqual({
      title: '市卫健委的答复',
      url: '/p/#reply-1',
      excerpt: '已<mark>采纳</mark>',
    });
  });

  it('joins excerpts whose marks are given as control characters', () => {
    expect(joinExcerpt('\u0001托育\u0002 服务')).toBe('\u0001托育\u0002服务');
  });

  it('keeps the full stop Pagefind adds after a heading out of the highlight', () => {
    expect(joinExcerpt('的 <mark>建议.</mark> 交办')).toBe('的<mark>建议</mark>.交办');
  });
});
