import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { dataImage, htmlToMarkdown, isReadableImage, placeImages } from '../../src/lib/paste/markdown.ts';
import { chineseNumberLevel, isHeadingLine } from '../../src/lib/paste/numbering.ts';
import { appendMarkdown, placeholder, replacePlaceholder } from '../../src/lib/paste/insert.ts';
import { docxToEntry } from '../../src/lib/paste/docx.ts';

/**
 * What an editor gets when pasting from Word, WPS or a web page: the clipboard HTML those programs write (Office's
 * conditional comments, `<o:p>`, `mso-list` paragraphs, `MsoTableGrid` tables, footnotes) converted by the same code
 * the admin runs, compared with the Markdown an editor should see. The browser test pastes the same fixtures into the
 * real Decap editor (tests/e2e/cms-paste.spec.ts).
 */

/** turndown's own DOM for Node, standing in for the browser's DOMParser. */
const domino = createRequire(import.meta.url)('@mixmark-io/domino') as { createDocument(html: string): Document };
const FIXTURES = join(import.meta.dirname, '../fixtures/paste');
const parse = (html: string) => domino.createDocument(html);
const convert = (html: string) => htmlToMarkdown(html, parse);
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('clipboard fixtures', () => {
  for (const name of ['word-proposal', 'wps-news', 'web-page']) {
    test(`${name}.html becomes ${name}.md`, () => {
      const { markdown } = convert(fixture(`${name}.html`));
      expect(markdown).toBe(fixture(`${name}.md`).trim());
      // Nothing of Office's markup is left.
      expect(markdown).not.toMatch(/<|mso-|o:p|\[if|font-family|Mso|StartFragment/);
    });
  }

  test('Word’s images are listed with the file name the message will name; only readable ones can be uploaded', () => {
    const word = convert(fixture('word-proposal.html')).images;
    expect(word).toEqual([
      {
        token: 'paste-image-0',
        src: 'file:///C:/Users/zxb/AppData/Local/Temp/msohtmlclip1/01/clip_image002.jpg',
        alt: '加装电梯后的小区楼道',
        name: 'clip_image002.jpg',
      },
    ]);
    expect(isReadableImage(word[0]!.src)).toBe(false);
    const web = convert(fixture('web-page.html')).images;
    expect(web.map((i) => isReadableImage(i.src))).toEqual([true, false]);
  });
});

describe('pieces of pasted HTML', () => {
  test('a link inside nested spans keeps its text and address', () => {
    expect(
      convert(
        '<p>详见<span><span><a href="https://www.czzx.gov.cn/a"><span style="color:blue"><span>通知</span></span></a></span></span>。</p>',
      ).markdown,
    ).toBe('详见[通知](https://www.czzx.gov.cn/a)。');
  });

  test('links the site cannot keep (Word’s table of contents, local files, scripts) become plain text', () => {
    expect(
      convert(
        '<p><a href="#_Toc123">总体要求</a> <a href="file:///C:/a.docx">附件</a> <a href="javascript:alert(1)">点此</a></p>',
      ).markdown,
    ).toBe('总体要求 附件 点此');
  });

  test('bold around Chinese quotes is placed so that Markdown still reads it as bold', () => {
    expect(convert('<p>这是<b>“重点”</b>内容，<strong>加快推进。</strong>下一步</p>').markdown).toBe(
      '这是“**重点**”内容，**加快推进**。下一步',
    );
  });

  test('Chinese section numbers: short lines become headings that keep their number, running text stays a paragraph', () => {
    const { markdown } = convert(
      '<p>一、总体要求</p><p>（一）加强组织领导。各县区要把此项工作列入重要议事日程。</p><p>（二）强化督查</p><p>1. 按月通报。</p>',
    );
    expect(markdown).toBe(
      '## 一、总体要求\n\n（一）加强组织领导。各县区要把此项工作列入重要议事日程。\n\n### （二）强化督查\n\n1\\. 按月通报。',
    );
    expect(chineseNumberLevel('十二、附则')).toBe(2);
    expect(chineseNumberLevel('（十）其他')).toBe(3);
    expect(chineseNumberLevel('第一章 总则')).toBeUndefined();
    expect(isHeadingLine('二、主要做法')).toBe(true);
    expect(isHeadingLine('二、我们的做法是，先调研后协商。')).toBe(false);
  });

  test('a Word list numbered 一、 keeps the number as text instead of becoming a Markdown list', () => {
    const html =
      "<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span><span style='mso-list:Ignore'>一、<span>&nbsp;</span></span></span><![endif]>基本情况<o:p></o:p></p>";
    expect(convert(html).markdown).toBe('## 一、基本情况');
  });

  test('a web page’s headings start at ## whatever level they had, since the page title is the only #', () => {
    expect(convert('<h3>标题</h3><p>正文</p><h4>小节</h4>').markdown).toBe('## 标题\n\n正文\n\n### 小节');
  });

  test('merged cells of a table are filled in so every row has its columns', () => {
    const { markdown } = convert(
      '<table><tr><td>县区</td><td colspan=2>情况</td></tr><tr><td rowspan=2>潞州区</td><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>',
    );
    expect(markdown.split('\n').map((l) => l.split('|').length - 2)).toEqual([3, 3, 3, 3]);
  });

  test('uploaded images take their tokens’ places; an image that could not be had leaves no empty link behind', () => {
    const md = '图一\n\n![会场](paste-image-0)\n\n![](paste-image-1)\n\n完';
    expect(placeImages(md, new Map([['paste-image-0', '/media/paste-20251207-ab12cd.png']]))).toBe(
      '图一\n\n![会场](/media/paste-20251207-ab12cd.png)\n\n完',
    );
  });
});

describe('where the pasted Markdown goes', () => {
  test('a block replaces the placeholder paragraph; text around a mid-line placeholder becomes paragraphs around it', () => {
    expect(replacePlaceholder('前文\n\nMARK\n\n后文', 'MARK', '## 标题\n\n正文')).toBe(
      '前文\n\n## 标题\n\n正文\n\n后文',
    );
    expect(replacePlaceholder('前文MARK后文', 'MARK', '| a |\n| --- |')).toBe('前文\n\n| a |\n| --- |\n\n后文');
  });

  test('a line of plain text stays inside the sentence it was pasted into', () => {
    expect(replacePlaceholder('委员们MARK表示赞同。', 'MARK', '**一致**')).toBe('委员们**一致**表示赞同。');
  });

  test('no placeholder: the caller appends, nothing is lost', () => {
    expect(replacePlaceholder('正文', 'MARK', '新内容')).toBeUndefined();
    expect(appendMarkdown('正文\n', '新内容')).toBe('正文\n\n新内容');
    expect(appendMarkdown('', '新内容')).toBe('新内容');
    expect(placeholder(3)).toMatch(/^[A-Z0-9]+$/);
  });
});

describe('a Word document split into title and body (从 Word 导入)', () => {
  test('the Title style is the title, the rest the body', () => {
    const e = docxToEntry('<h1 class="title">关于发展县域经济的提案</h1><h1>一、现状</h1><p>正文。</p>', parse);
    expect(e.title).toBe('关于发展县域经济的提案');
    expect(e.markdown).toBe('## 一、现状\n\n正文。');
  });

  test('without a Title style, a short first line without a full stop is the title', () => {
    expect(docxToEntry('<p>关于加强农村养老服务的建议</p><p>我市农村老年人口占比较高。</p>', parse)).toMatchObject({
      title: '关于加强农村养老服务的建议',
      markdown: '我市农村老年人口占比较高。',
    });
    expect(docxToEntry('<p>我市农村老年人口占比较高。</p>', parse)).toMatchObject({
      title: '',
      markdown: '我市农村老年人口占比较高。',
    });
  });

  test('mammoth’s footnotes become Markdown footnotes', () => {
    const html =
      '<p>正文<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>。</p><ol><li id="footnote-1"><p>注释内容。 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(docxToEntry(html, parse).markdown).toBe('正文[^1]。\n\n[^1]: 注释内容。');
  });
});

test('a Word heading numbered by a list keeps its number: 第一章 and 1.1 with a space, 一、 without', () => {
  const h = (marker: string, text: string) =>
    `<h1 style='mso-list:l0 level1 lfo1'><![if !supportLists]><span><span style='mso-list:Ignore'>${marker}<span>&nbsp;&nbsp;</span></span></span><![endif]>${text}</h1>`;
  expect(convert(h('第一章', '总则') + h('1.1', '适用范围') + h('一、', '基本情况')).markdown).toBe(
    '## 第一章 总则\n\n## 1.1 适用范围\n\n## 一、基本情况',
  );
});

test('a pasted data: image is decoded to its bytes (the admin may not fetch data: addresses); SVG is not accepted', async () => {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const blob = dataImage(`data:image/png;base64,${png}`)!;
  expect(blob.type).toBe('image/png');
  expect(Buffer.from(await blob.arrayBuffer())).toEqual(Buffer.from(png, 'base64'));
  expect(dataImage('data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=')).toBeUndefined();
});
