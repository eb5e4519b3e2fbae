import { expect, test } from 'vitest';
import { htmlText } from '../../src/lib/html-text.ts';

test('an entry body as HTML becomes the words a reader sees, for search keys and summaries', () => {
  const html =
    '<h2 id="s-1">一、基本情况</h2>\n<p>我市科技<strong>服务</strong>业规模扩大，<a href="/news/a/">详见</a>报道。</p><ul><li>发改委 &amp; 科技局</li><li>&lt;试点&gt; &quot;三年&quot;</li></ul><p>第一行<br>第二行</p>';
  expect(htmlText(html)).toBe(
    '一、基本情况 我市科技服务业规模扩大，详见报道。 发改委 & 科技局 <试点> "三年" 第一行 第二行',
  );
  expect(htmlText('')).toBe('');
});
