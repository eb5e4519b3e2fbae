import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontmatter } from '../support/content.ts';
import { ContentFixture } from '../support/fixture.ts';

/**
 * The real site built over a copy of content/ holding one entry of every dated kind timed for 2027-01-15 09:00 Beijing
 * time (定时发布), a withdrawn story and a withdrawn proposal (撤回). Built with the clock a minute before that moment,
 * then again, incrementally in the same output folder, an hour after it: every file of the output is read (pages,
 * feeds, sitemap, open data, the search index decompressed), so "absent everywhere" and "present everywhere" mean it.
 */
const BEFORE = '2027-01-15T08:59:00+08:00';
const AFTER = '2027-01-15T10:00:00+08:00';

let fixture: ContentFixture;
/** Each scheduled entry: the path of its page and a phrase only it holds. */
const scheduled = [
  { path: '/news/2027-01-15-xinchun-tuanbai/', title: '市政协举行二〇二七年新春团拜会' },
  { path: '/voices/2027-01-15-xieshang-yiti/', title: '新的一年，把协商议题选得更准更实' },
  { path: '/reviews/2026-gongzuo-huimou/', title: '凝心聚力谋发展 协商议政启新程' },
  { path: '/proposals/14-4-0199/', title: '关于在漳泽湖建设候鸟观测站的建议' },
];
const withdrawnStory = 'news/2025-07-09-licheng-youshi-laishangliang';
const withdrawnProposal = 'proposals/14-3-0058';
/** A member whose profile is withdrawn: the voices and proposals they wrote stay, with their name unlinked. */
const withdrawnMember = 'members/li-xiaoyan';
/** A withheld proposal (`public: false`) that is withdrawn: it never had a URL, so it gets no notice to reveal it. */
const withdrawnWithheld = 'proposals/14-3-0241';
const REASON = '经核实，文中部分数据有误，现予撤回。';
let withdrawnTitles: string[] = [];
let proposalFiles = 0;

const md = (data: string, body: string) => `---\n${data.trim()}\n---\n\n${body.trim()}\n`;

beforeAll(() => {
  fixture = new ContentFixture();
  fixture.write(
    'news/2027-01-15-xinchun-tuanbai.md',
    md(
      `title: ${scheduled[0]!.title}\ndate: '2027-01-15T09:00:00+08:00'\nsummary: 市政协举行新春团拜会，向全市政协委员和政协工作者致以新春祝福。\nbyline: 本报记者 王婧\ntags:\n  - 新春团拜`,
      '本报讯 1月14日，市政协举行新春团拜会。与会人员回顾了过去一年的履职工作，表示将在新的一年里继续围绕全市中心工作建言献策。',
    ),
  );
  fixture.write(
    'voices/2027-01-15-xieshang-yiti.md',
    md(
      `title: ${scheduled[1]!.title}\ndate: '2027-01-15T09:00:00+08:00'\nauthor: guo-haitao\ncolumn: 委员声音\nsummary: 协商议题要从群众最关心的事情里来，到解决实际问题中去。`,
      '选题是协商的起点。议题选得准，协商才有的放矢；议题选得实，成果才能落地见效。',
    ),
  );
  fixture.write(
    'reviews/2026-gongzuo-huimou.md',
    fixture
      .read('reviews/2024-gongzuo-huimou.md')
      .replace(/\ntitle: .*/, `\ntitle: ${scheduled[2]!.title}`)
      .replace(/\ndate: .*/, "\ndate: '2027-01-15T09:00:00+08:00'")
      .replace(/\nyear: .*/, '\nyear: 2026'),
  );
  fixture.write(
    'proposals/14-4-0199.md',
    fixture
      .read('proposals/14-4-0187.md')
      .replace('number: 14-4-0187', "number: 14-4-0199\npublishAt: '2027-01-15T09:00:00+08:00'")
      .replace(/\ntitle: .*/, `\ntitle: '${scheduled[3]!.title}'`),
  );
  const withdrawal = `$&\nwithdrawn:\n  date: '2025-10-01'\n  reason: ${REASON}`;
  fixture.edit(`${withdrawnStory}.md`, /\ntitle: .*/, withdrawal);
  fixture.edit(`${withdrawnProposal}.md`, /\ntitle: .*/, withdrawal);
  fixture.edit(`${withdrawnMember}.md`, /\nname: .*/, withdrawal);
  fixture.edit(`${withdrawnWithheld}.md`, /\ntitle: .*/, withdrawal);
  withdrawnTitles = [withdrawnStory, withdrawnProposal].map((f) => String(frontmatter(fixture.path(`${f}.md`)).title));
  withdrawnTitles.push(String(frontmatter(fixture.path(`${withdrawnMember}.md`)).bio));
  proposalFiles = readdirSync(fixture.path('proposals')).length;
}, 60_000);
afterAll(() => fixture?.dispose());

/** Every file of an output folder as text, by path (`news/x/index.html`); Pagefind's compressed files decompressed. */
function outputFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const rel = join(e.parentPath, e.name).slice(dir.length + 1);
    const bytes = readFileSync(join(dir, rel));
    out.set(rel, (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  return out;
}

/** Files outside /_gone/ that mention `text`. */
const mentioning = (files: Map<string, string>, text: string) =>
  [...files].filter(([rel, t]) => !rel.startsWith('_gone/') && t.includes(text)).map(([rel]) => rel);

const registered = (files: Map<string, string>) =>
  Number(/data-figure="registered">(?:<[^>]*>)*(\d+)/.exec(files.get('proposals/stats/index.html')!)![1]);

function build(now: string, outDir?: string): Map<string, string> {
  const dist = outDir ?? join(fixture.dir, 'dist');
  const r = fixture.astro('build', {
    PUBLISH_NOW: now,
    ...(outDir ? { OUT_DIR: outDir, ASTRO_CACHE_DIR: `${outDir}-cache` } : {}),
  });
  expect(r.status, r.output.slice(-3000)).toBe(0);
  return outputFiles(dist);
}

let freshBuilds = 0;
/** The output of an incremental build equals a fresh build's of the same content, file for file (the search index aside). */
function expectSameAsFresh(got: Map<string, string>, now: string): void {
  const fresh = build(now, join(fixture.dir, `fresh-${++freshBuilds}`));
  const comparable = (m: Map<string, string>) =>
    new Map(
      [...m]
        .filter(([rel]) => !rel.startsWith('pagefind/'))
        .map(([rel, t]) => [rel, rel === 'proposals.json' ? t.replace(/"generated": "[^"]*"/, '') : t]),
    );
  const [a, b] = [comparable(got), comparable(fresh)];
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  expect(
    [...b].filter(([rel, t]) => a.get(rel) !== t).map(([rel]) => rel),
    'pages that differ from a fresh build',
  ).toEqual([]);
}

describe('scheduled and withdrawn entries, built by the real site', () => {
  let before: Map<string, string>;

  it('leaves every entry timed for later out of every page, feed, sitemap, open-data file and the search index', () => {
    before = build(BEFORE);
    for (const { path, title } of scheduled) {
      expect(before.has(`${path.slice(1)}index.html`), path).toBe(false);
      expect(mentioning(before, path), path).toEqual([]);
      expect(mentioning(before, title), title).toEqual([]);
    }
    // Nor in the open data, the statistics and the tag and year pages that only it would make.
    expect(mentioning(before, '14-4-0199')).toEqual([]);
    expect(mentioning(before, '新春团拜')).toEqual([]);
    // Out of the statistics too: the scheduled proposal and both withdrawn ones, the withheld one included.
    expect(registered(before)).toBe(proposalFiles - 3);
  }, 300_000);

  it('takes a withdrawn entry out of everything and leaves a Chinese notice under /_gone/ instead of its page', () => {
    for (const [i, entry] of [withdrawnStory, withdrawnProposal, withdrawnMember].entries()) {
      expect(before.has(`${entry}/index.html`), entry).toBe(false);
      expect(mentioning(before, `/${entry}/`), entry).toEqual([]);
      expect(mentioning(before, withdrawnTitles[i]!), entry).toEqual([]);
      const notice = before.get(`_gone/${entry}/index.html`)!;
      expect(notice, entry).toBeDefined();
      expect(notice).toContain('此文已撤回');
      expect(notice).toContain(REASON);
      expect(notice).toContain('2025年10月1日');
      expect(notice).toContain('<meta name="robots" content="noindex">');
      expect(notice).not.toContain('rel="canonical"');
      expect(notice).toMatch(/href="\/"/);
      expect(notice).toMatch(/href="\/search\/"/);
      // The notice does not repeat what was withdrawn.
      expect(notice).not.toContain(withdrawnTitles[i]!);
    }
    const generic = before.get('_gone/index.html')!;
    expect(generic).toContain('此页面已不再提供');
    expect(generic).toContain('<meta name="robots" content="noindex">');
    // No notice is listed in the sitemap or indexed for search.
    expect(mentioning(before, '/_gone/')).toEqual([]);
    // A notice for each withdrawn entry (the copied content/ holds one more) and for nothing else.
    const notices = [...before.keys()]
      .filter((f) => f.startsWith('_gone/') && f !== '_gone/index.html')
      .map((f) => f.slice('_gone/'.length, -'/index.html'.length));
    expect(notices).toEqual(expect.arrayContaining([withdrawnStory, withdrawnProposal, withdrawnMember]));
    for (const entry of notices) expect(frontmatter(fixture.path(`${entry}.md`)).withdrawn, entry).toBeDefined();
    expect(notices).not.toContain(withdrawnWithheld);
    // The member's voice still names them, as plain text.
    const voice = before.get('voices/2025-04-08-tuoyu-fuwu/index.html')!;
    expect(voice).toContain(String(frontmatter(fixture.path(`${withdrawnMember}.md`)).name));
    expect(voice).not.toContain(`/${withdrawnMember}/`);
  });

  it('shows every scheduled entry everywhere once the clock has passed its moment, as a fresh build does', () => {
    const after = build(AFTER);
    for (const { path, title } of scheduled) {
      expect(after.get(`${path.slice(1)}index.html`), path).toContain(title);
      const at = mentioning(after, path);
      // Its section's list, the archive of its year, its feed, the site feed, the sitemap and the search index.
      const section = path.split('/')[1]!;
      for (const where of [`${section}/index.html`, `${section}/rss.xml`, 'rss.xml', 'sitemap-0.xml'])
        expect(at, `${path} in ${where}`).toContain(where);
      // A proposal is archived under the year it was submitted (2025), the others under their moment's.
      const year = section === 'proposals' ? 2025 : 2027;
      expect(
        at.some((f) => f.startsWith(`archive/${year}/`)),
        `${path} in the archive of ${year}`,
      ).toBe(true);
      expect(
        at.some((f) => f.startsWith('pagefind/') && f.includes('fragment')),
        `${path} in the search index`,
      ).toBe(true);
    }
    expect(mentioning(after, '/news/2027-01-15-xinchun-tuanbai/')).toContain('index.html');
    expect(mentioning(after, '/news/2027-01-15-xinchun-tuanbai/').some((f) => f.startsWith('news/tags/'))).toBe(true);
    expect(mentioning(after, '/voices/2027-01-15-xieshang-yiti/')).toContain('members/guo-haitao/index.html');
    for (const open of ['proposals.json', 'proposals.csv'])
      expect(mentioning(after, '14-4-0199'), open).toContain(open);
    expect(registered(after)).toBe(registered(before) + 1);
    // Withdrawn entries stay out.
    expect(mentioning(after, `/${withdrawnStory}/`)).toEqual([]);

    // The rebuild reused the pages of the first build where their key was unchanged; none may be stale because only
    // the clock moved (a list gaining an entry, a neighbour appearing).
    expectSameAsFresh(after, AFTER);
  }, 600_000);

  it('takes a story withdrawn after it was published out of the next incremental build, as a fresh build does', () => {
    const story = scheduled[0]!;
    fixture.edit(
      `${story.path.slice(1, -1)}.md`,
      /\ntitle: .*/,
      `$&\nwithdrawn:\n  date: '2027-01-16'\n  reason: ${REASON}`,
    );
    const after = build(AFTER);
    expect(existsSync(join(fixture.dir, `dist${story.path}index.html`))).toBe(false);
    expect(after.get(`_gone${story.path}index.html`)).toContain('2027年1月16日');
    expect(mentioning(after, story.path)).toEqual([]);
    expect(mentioning(after, story.title)).toEqual([]);
    expectSameAsFresh(after, AFTER);
  }, 600_000);

  it('stops a build whose PUBLISH_NOW is malformed, in Chinese', () => {
    const r = fixture.astro('build', { PUBLISH_NOW: '2027-01-15 09:00' });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('PUBLISH_NOW 格式错误');
  });
});

describe('an entry that could not have its own URL stops the build naming its file', () => {
  it('refuses a story named like a page of its section, which would take its URL', () => {
    const f = new ContentFixture();
    try {
      f.write('news/tags.md', f.read('news/2023-04-12-tian-an-jiaoban.md'));
      const { status, output } = f.astro('sync');
      expect(status).not.toBe(0);
      expect(output).toContain('content/news/tags.md');
      expect(output).toContain('与网站页面 /news/tags/ 重名');
    } finally {
      f.dispose();
    }
  });
});

describe('a malformed 撤回 or 发布时间 stops the build naming file and field', () => {
  it.each([
    [
      'a withdrawal without its reason',
      'news/2023-04-12-tian-an-jiaoban.md',
      /\ntitle: .*/,
      "$&\nwithdrawn:\n  date: '2025-10-01'",
      'withdrawn.reason',
      '「撤回原因」为必填项',
    ],
    [
      'a proposal timed without an offset',
      'proposals/14-3-0123.md',
      /\ntitle: .*/,
      "$&\npublishAt: '2027-01-15 09:00'",
      'publishAt',
      '「发布时间」格式错误',
    ],
  ])('%s', (_what, file, from, to, field, message) => {
    const f = new ContentFixture();
    try {
      f.edit(file, from, to);
      const { status, output } = f.astro('sync');
      expect(status).not.toBe(0);
      expect(output).toContain(`content/${file}`);
      expect(output).toContain(`${field}: `);
      expect(output).toContain(message);
    } finally {
      f.dispose();
    }
  });
});
