import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mdxIssues } from '../../src/cms/entry-rules.ts';
import { parseMdxInBrowser } from '../../src/cms/mdx-parse.ts';
import { readAttributes, topicEditorComponents, writeAttributes } from '../../src/cms/topic-components.ts';
import { bodyOf, guardMdx } from '../../src/lib/mdx-guard.ts';
import { parseMdxForBuild } from '../../src/lib/mdx-parse.ts';
import { topicProblems } from '../../src/lib/topic-check.ts';
import { propProblems, type Domain } from '../../src/lib/topic-components.ts';
import { CONTENT } from '../support/content.ts';
import { ContentFixture } from '../support/fixture.ts';

/**
 * 专题 are MDX, which is code: only the site's components with plain attributes may stand in them. The guard runs at
 * build time on the compiler's parser (Sätteri) and in the CMS on micromark's; every case goes through both.
 */
const parsers = [
  ['build (Sätteri)', parseMdxForBuild],
  ['CMS (micromark)', parseMdxInBrowser],
] as const;

const refused: [string, string, string][] = [
  ['an import', "import Evil from '../../src/evil.ts'\n\n正文", 'import 或 export'],
  ['an export', 'export const x = 1\n\n正文', 'import 或 export'],
  ['an expression in the text', '今年共收到提案 {455} 件。', '花括号'],
  ['a script element', '<script>alert(1)</script>', '<script>'],
  ['inline HTML', '文字<span onclick="x()">点我</span>', '<span>'],
  ['a block of HTML', '<div>\n  正文\n</div>', '<div>'],
  ['a fragment', '<>\n  正文\n</>', '片段'],
  ['an unknown component', '<Chart data="x" />', '<Chart>'],
  ['an expression attribute', '<ProposalList session={"14-4"} />', 'session="…"'],
  ['a spread attribute', '<ProposalList {...props} />', '展开'],
  ['an unknown attribute', '<StatsChart session="14-4" by="category" onLoad="x" />', '没有属性“onLoad”'],
  ['a javascript: link', '[点这里](javascript:alert(1))', 'javascript:alert(1)'],
  ['a photo outside a gallery', '<Photo src="/media/a.jpg" alt="a" />', '只能放在 <Gallery> 里面'],
  ['text inside a gallery', '<Gallery>\n  随便写的字\n</Gallery>', '不能写文字'],
  ['an unclosed tag', '<Gallery>\n  <Photo src="/media/a.jpg" alt="a" />\n', 'MDX 语法错误'],
];

describe.each(parsers)('the MDX guard on the %s parser', (_name, parse) => {
  it.each(refused)('refuses %s, saying what and where', (_what, source, message) => {
    const { problems } = guardMdx(`## 小标题\n\n${source}\n`, parse, 5);
    expect(problems.join('\n')).toContain(message);
    expect(problems.join('\n')).toMatch(/第 \d+ 行/);
  });

  it('counts lines from the top of the file, frontmatter included', () => {
    const { problems } = guardMdx('第一段\n\n{危险}\n', parse, 10);
    expect(problems[0]).toMatch(/^第 13 行/);
  });

  it('passes every 专题 of the sample', () => {
    for (const f of readdirSync(join(CONTENT, 'topics'))) {
      const text = readFileSync(join(CONTENT, 'topics', f), 'utf8');
      expect(guardMdx(bodyOf(text), parse).problems, f).toEqual([]);
    }
  });
});

it('reads the same components from every sample topic on both parsers', () => {
  for (const f of readdirSync(join(CONTENT, 'topics'))) {
    const body = bodyOf(readFileSync(join(CONTENT, 'topics', f), 'utf8'));
    const build = guardMdx(body, parseMdxForBuild).usages;
    expect(build.length, f).toBeGreaterThan(0);
    expect(guardMdx(body, parseMdxInBrowser).usages, f).toEqual(build);
  }
});

describe('attribute values', () => {
  const domain: Domain = {
    session: new Set(['14-4']),
    category: new Set(['economy']),
    unit: new Set(['kjj']),
    sector: new Set(['keji']),
  };

  it.each([
    ['ProposalList', { session: '14-9' }, 'session（届次）“14-9”不是已有的届次编号'],
    ['ProposalList', { category: 'sports' }, '不是已有的提案类别编号'],
    ['ProposalList', { status: '已完成' }, 'status（办理状态）“已完成”只能是：立案、交办、办理中、已办复'],
    ['ProposalList', { limit: '500' }, '1 到 100 之间的整数'],
    ['ProposalList', { key: '是' }, '只需写属性名 key'],
    ['StatsChart', { session: '14-4' }, '缺少属性 by（统计维度）'],
    ['StatsChart', { session: '14-4', by: 'year' }, 'category、sector、status、unit'],
    ['Event', { date: '2025-13-40', title: '开幕' }, '应为日期'],
    ['Photo', { src: '/media/../../etc/passwd.jpg', alt: 'x' }, '应为上传到 /media/'],
    ['Video', { src: '/media/a.mov', poster: '/media/a.jpg', captions: '/media/a.vtt', title: 't' }, 'mp4'],
  ] as const)('%s %o: %s', (name, props, message) => {
    expect(propProblems(name, props, domain).join('；')).toContain(message);
  });

  it('accepts good values, a bare key flag among them', () => {
    expect(
      propProblems(
        'ProposalList',
        { session: '14-4', category: 'economy', unit: 'kjj', sector: 'keji', status: '已办复', key: true, limit: '10' },
        domain,
      ),
    ).toEqual([]);
  });

  it('names the line and the component of a bad value in a whole topic', () => {
    const file = '---\ntitle: x\n---\n\n<ProposalList session="14-9" />\n';
    expect(topicProblems(file, domain, parseMdxForBuild)).toEqual([
      '第 5 行 <ProposalList>（提案列表）：session（届次）“14-9”不是已有的届次编号',
    ]);
  });
});

describe('the CMS editor components', () => {
  const byId = new Map<string, ReturnType<typeof topicEditorComponents>[number]>(
    topicEditorComponents().map((c) => [c.id, c]),
  );

  it.each([
    ['ProposalList', { session: '14-4', category: 'economy', key: true, limit: 10 }],
    ['StatsChart', { session: '14-3', by: 'sector' }],
    ['Video', { src: '/media/v.mp4', poster: '/media/p.jpg', captions: '/media/c.vtt', title: '会场"花絮"' }],
    [
      'Gallery',
      {
        title: '图集',
        items: [
          { src: '/media/a.jpg', alt: '会场', caption: '开幕会' },
          { src: '/media/b.jpg', alt: '讨论' },
        ],
      },
    ],
    ['Timeline', { items: [{ date: '2025-02-23', time: '09:00', title: '开幕会' }] }],
  ])('%s: the form writes MDX the guard accepts and reads it back', (id, data) => {
    const c = byId.get(id)!;
    const block = c.toBlock(data as never);
    expect(guardMdx(block, parseMdxForBuild).problems).toEqual([]);
    const m = block.match(c.pattern)!;
    expect(m, block).not.toBeNull();
    const back = c.fromBlock(m) as Record<string, unknown>;
    // Attributes come back as strings; a straight quote was written as a full-width one.
    const asWritten = (o: Record<string, unknown>) => readAttributes(writeAttributes(id as never, o as never));
    if ('items' in data) {
      expect((back.items as unknown[]).length).toBe(data.items.length);
    } else {
      expect(back).toEqual(asWritten(data));
    }
  });

  it('refuses before saving what the build would refuse', () => {
    expect(mdxIssues('正文', 'import x from \'y\'\n\n<ProposalList limit="0" />')[0]!.message).toMatch(
      /import 或 export.*limit/s,
    );
    expect(mdxIssues('正文', '<ProposalList session="14-4" key />')).toEqual([]);
  });
});

describe('a bad 专题 stops the build naming the file, the line and the component', () => {
  let fixture: ContentFixture | undefined;
  afterEach(() => fixture?.dispose());
  const topic = 'topics/14-4-quanhui.mdx';

  it('an import, before anything is compiled', () => {
    fixture = new ContentFixture();
    fixture.edit(topic, '\n## 会议日程', "\nimport fs from 'node:fs'\n\n## 会议日程");
    const { status, output } = fixture.astro('sync');
    expect(status).not.toBe(0);
    expect(output).toContain('content/topics/14-4-quanhui.mdx');
    expect(output).toMatch(/第 \d+ 行：不能使用 import 或 export 语句/);
  });

  it('an unknown 届次', () => {
    fixture = new ContentFixture();
    fixture.edit(topic, '<ProposalList session="14-4"', '<ProposalList session="14-9"');
    const { status, output } = fixture.astro('build', { SKIP_SEARCH_INDEX: '1' });
    expect(status).not.toBe(0);
    expect(output).toContain('content/topics/14-4-quanhui.mdx');
    expect(output).toMatch(/第 \d+ 行 <ProposalList>（提案列表）：session（届次）“14-9”不是已有的届次编号/);
  });
});
