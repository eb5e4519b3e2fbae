import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  collection,
  fieldLabel,
  folderCollections,
  sectionLabel,
  taxonomyCollections,
} from '../../src/content/model.ts';
import { SEARCH_FILTERS } from '../../src/lib/search/filters.ts';
import { listUrl } from '../../src/lib/routes.ts';

/**
 * Labels come from the model (STYLE.md): a page, component or layout that writes a kind's name by hand keeps the old
 * name when the model renames the kind. This scans their code (comments left out) for the names the model declares.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['src/pages', 'src/components', 'src/layouts'];

/** Every kind's name: the folder collections' labels and section names (`navLabel`), and the taxonomies' labels. */
const KIND_NAMES = [
  ...new Set([
    ...folderCollections.flatMap((c) => [c.label, ...(c.navLabel ? [c.navLabel] : [])]),
    ...taxonomyCollections.map((c) => c.label),
  ]),
];

/**
 * Where prose legitimately uses a kind's name, by file, each with why. A listed name the file no longer writes fails
 * the test too, so the list only shrinks.
 */
const PROSE: Record<string, { names: string[]; why: string }> = {
  'src/pages/search/index.astro': {
    names: ['工作回眸', '委员声音', '承办单位'],
    why: 'a sentence telling readers what they can search (新闻、工作回眸、提案及承办单位答复、委员声音), not a heading or label',
  },
  'src/components/SearchPanel.astro': {
    names: ['承办单位'],
    why: 'the proposal search box’s placeholder, examples of what to type (案由、编号、提案人、承办单位)',
  },
  'src/components/ProposalFacetNav.astro': {
    names: ['承办单位'],
    why: 'the sentence that opens the facet links (按届次、类别、承办单位…浏览); the links themselves take their names from the model',
  },
};

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|astro)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** The code without its comments (`/* … *\/`, `<!-- … -->`, and `//` to the end of a line that is not in a URL). */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[\s;{}])\/\/.*$/gm, '$1');
}

/**
 * The kind names a piece of code writes. A name of three characters or more counts wherever it stands (in 通知公告分类
 * too); a shorter one (专题, 委员, 届次) only as a whole string or text, since it is also part of everyday words (委员会).
 */
function namesWritten(code: string, names: readonly string[]): string[] {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return names.filter((n) =>
    n.length >= 3 ? code.includes(n) : new RegExp(`(['"\`>]\\s*)${literal(n)}(\\s*['"\`<])`).test(code),
  );
}

describe('kind labels come from the model', () => {
  const written = Object.fromEntries(
    FOLDERS.flatMap(files).map((f) => [
      f,
      namesWritten(withoutComments(readFileSync(join(ROOT, f), 'utf8')), KIND_NAMES),
    ]),
  );

  it('finds no kind name written by hand in a page, component or layout', () => {
    const found = Object.entries(written).flatMap(([f, names]) =>
      names.filter((n) => !PROSE[f]?.names.includes(n)).map((n) => `${f}: ${n}`),
    );
    expect(found).toEqual([]);
  });

  it('allows only prose that is still there', () => {
    const stale = Object.entries(PROSE).flatMap(([f, { names }]) =>
      names.filter((n) => !written[f]?.includes(n)).map((n) => `${f}: ${n}`),
    );
    expect(stale).toEqual([]);
  });

  it('tells a name written by hand from one taken from the model, and ignores comments', () => {
    const names = ['承办单位', '专题', '委员'];
    expect(namesWritten(`<h2>承办单位</h2>`, names)).toEqual(['承办单位']);
    expect(namesWritten(`title={\`\${x}承办单位办理情况\`}`, names)).toEqual(['承办单位']);
    expect(namesWritten(`<h2 class="x">专题</h2>`, names)).toEqual(['专题']);
    expect(namesWritten(`const t = '委员';`, names)).toEqual(['委员']);
    expect(namesWritten(`<p>委员会</p><h2>{collection('topics').label}</h2>`, names)).toEqual([]);
    expect(
      namesWritten(withoutComments(`/** One 专题 */\n// 承办单位\n<!-- 委员 -->\nconst u = 'https://x';`), names),
    ).toEqual([]);
  });

  it('names each section as the menu of the sample site does (委员风采 for the members, not the CMS’s 委员)', () => {
    // A section page's ColumnName (the 栏目 of Chinese government sites) is its model name: it must be the menu's.
    const nav = (parse(readFileSync(join(ROOT, 'content/settings/site.yml'), 'utf8')) as { nav: NavItem[] }).nav;
    const inMenu = folderCollections.filter((c) => nav.some((n) => n.href === listUrl(c.folder)));
    expect(inMenu.map((c) => [c.name, nav.find((n) => n.href === listUrl(c.folder))!.label])).toEqual(
      inMenu.map((c) => [c.name, sectionLabel(c.name)]),
    );
    expect(inMenu.map((c) => c.name)).toContain('members');
  });
});

describe('fieldLabel', () => {
  it('names a field, a nested one by its path, and refuses a name the model does not have', () => {
    expect(fieldLabel('proposals', 'leadUnits')).toBe('主办单位');
    expect(fieldLabel('proposals', 'replies.result')).toBe('办理结果');
    expect(fieldLabel('news', 'withdrawn.reason')).toBe('撤回原因');
    expect(() => fieldLabel('proposals', 'replies.nothing')).toThrow(
      'No field replies.nothing in the collection proposals',
    );
    expect(() => fieldLabel('proposals', 'title.result')).toThrow('No field title.result');
  });
});

describe('search filters', () => {
  it('name the proposal filters as the model names their fields (the browser bundles the list, not the model)', () => {
    const model = {
      session: fieldLabel('proposals', 'session'),
      category: fieldLabel('proposals', 'category'),
      unit: collection('units').label,
      sector: fieldLabel('proposals', 'sector'),
      status: fieldLabel('proposals', 'status'),
      type: fieldLabel('proposals', 'proposerType'),
      key: fieldLabel('proposals', 'key'),
    };
    const labels = Object.fromEntries(SEARCH_FILTERS.filter((f) => f.name in model).map((f) => [f.name, f.label]));
    expect(labels).toEqual(model);
  });
});

interface NavItem {
  label: string;
  href: string;
}
