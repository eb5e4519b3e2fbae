import { collections, type Collection, type Field } from '../content/model.ts';
import { refinements } from '../content/rules.ts';
import { parseDateTime } from '../lib/dates.ts';
import { droppedHtml } from '../lib/html-allowlist.ts';
import { guardMdx } from '../lib/mdx-guard.ts';
import { usageProblems } from '../lib/topic-check.ts';
import { parseMdxInBrowser } from './mdx-parse.ts';
import { FOLDER_VIEWS } from './config.ts';
import { blankPaths } from './widgets.ts';

/**
 * The build's rules across fields, run in the CMS before a save: the same `refinements` of src/content/rules.ts (so
 * rules added there apply here at once), plus what only a whole collection shows: a proposal number or a review year
 * already used, which Decap would otherwise save under a `-1` name. Plain TypeScript, unit tested; the CMS wiring is
 * in `rule-controls.ts`.
 */

/** A problem at a field, as the build reports it: the path of the field and a Chinese message. */
export interface Issue {
  path: (string | number)[];
  message: string;
}

type Data = Record<string, unknown>;

const byName = new Map<string, Collection>(collections.map((c) => [c.name, c]));

/**
 * Entry data as Decap holds it, shaped as the build's schema hands it to the rules: blank values dropped, moments as
 * dates, optional lists as empty lists and yes/no fields at their default.
 */
export function asParsed(fields: readonly Field[], data: Data): Data {
  const out = structuredClone(data);
  for (const path of blankPaths(out)) {
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], out) as
      | Record<string | number, unknown>
      | unknown[];
    const key = path.at(-1)!;
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  }
  for (const f of fields) {
    const v = out[f.name];
    if (f.type === 'datetime' && typeof v === 'string') out[f.name] = parseDateTime(v) ?? v;
    else if (v === undefined && (f.type === 'stringList' || ((f.type === 'ref' || f.type === 'group') && f.multiple)))
      out[f.name] = [];
    else if (v === undefined && f.type === 'boolean') out[f.name] = f.default;
  }
  return out;
}

/** What the build's cross-field rules say about an entry of a collection (Decap's data, as the editor left it). */
export function ruleIssues(collectionName: string, data: Data): Issue[] {
  const c = byName.get(collectionName);
  if (!c) return [];
  const issues: Issue[] =
    c.kind === 'folder' && c.format === 'mdx' ? mdxIssues(c.body.label, data.body) : htmlIssues(c, data);
  const rule = refinements[collectionName];
  rule?.(asParsed(c.fields, data) as never, { addIssue: (i) => issues.push({ path: i.path, message: i.message }) });
  return issues;
}

/**
 * An MDX body holding code, HTML or a component not on the list, or a component with a wrong attribute: the build's
 * guard, run on micromark's parse (the build runs it again on its own parser). 届次 and the other ids come from the
 * pickers, so only their form is checked here; the build checks that they exist.
 */
export function mdxIssues(label: string, body: unknown): Issue[] {
  if (typeof body !== 'string' || !body.trim()) return [];
  const { problems, usages } = guardMdx(body, parseMdxInBrowser);
  const all = [...problems, ...usages.flatMap((u) => usageProblems(u, {}))];
  return all.length ? [{ path: ['body'], message: `「${label}」不能保存：${all.join('；')}` }] : [];
}

/** Markdown (the body, and Markdown fields such as a reply's text) holding HTML the site would drop. */
function htmlIssues(c: Collection, data: Data): Issue[] {
  const issues: Issue[] = [];
  const check = (path: Issue['path'], label: string, v: unknown) => {
    const dropped = typeof v === 'string' ? droppedHtml(v) : [];
    if (dropped.length)
      issues.push({
        path,
        message: `「${label}」含有网站不保留的 HTML：${dropped.join('、')}。请删除，或改用编辑器的格式按钮`,
      });
  };
  if (c.kind === 'folder') check(['body'], c.body.label, data.body);
  for (const f of c.fields) {
    if (f.type === 'markdown') check([f.name], f.label, data[f.name]);
    if (f.type === 'group' && f.multiple && Array.isArray(data[f.name])) {
      (data[f.name] as Data[]).forEach((item, i) => {
        for (const g of f.fields) if (g.type === 'markdown') check([f.name, i, g.name], g.label, item?.[g.name]);
      });
    }
  }
  return issues;
}

/** The field a collection's file name is made of, when the name comes from that field alone (`{{fields.number}}`). */
export function namingField(collectionName: string): string | undefined {
  const slug = FOLDER_VIEWS[collectionName as keyof typeof FOLDER_VIEWS]?.slug;
  const m = slug && /^([a-z0-9-]*)\{\{fields\.(\w+)\}\}([a-z0-9-]*)$/.exec(slug);
  return m ? m[2] : undefined;
}

/** The file name (slug) an entry of such a collection gets from its data. */
export function slugFromData(collectionName: string, data: Data): string | undefined {
  const slug = FOLDER_VIEWS[collectionName as keyof typeof FOLDER_VIEWS]?.slug;
  const field = namingField(collectionName);
  const value = field ? data[field] : undefined;
  if (!slug || value === undefined || value === null || value === '') return undefined;
  return slug.replace(`{{fields.${field}}}`, String(value).trim());
}

/** An entry of the collection as stored: its file name and data. */
export interface Stored {
  slug: string;
  data: Data;
}

/**
 * Where an entry's file name would collide: a new entry whose name is taken (Decap would save it as `…-1`), an entry
 * whose naming field holds another entry's value, or a saved entry whose naming field was changed, which would leave
 * its file (and its address) under the old name.
 */
export function namingIssues(
  collectionName: string,
  data: Data,
  self: { slug: string; newRecord: boolean },
  stored: readonly Stored[],
): Issue[] {
  const c = byName.get(collectionName);
  const field = namingField(collectionName);
  const slug = slugFromData(collectionName, data);
  if (c?.kind !== 'folder' || !field || !slug) return [];
  const label = c.fields.find((f) => f.name === field)?.label ?? field;
  const value = String(data[field]).trim();
  const file = (s: string) => `content/${c.folder}/${s}.md`;
  if (!self.newRecord && slug !== self.slug) {
    return [
      {
        path: [field],
        message: `本条保存在 ${file(self.slug)}，网址由「${label}」而来，保存后不能改为“${value}”；填错时请删除本条，再按正确的${label}新建`,
      },
    ];
  }
  const other = stored.find(
    (e) =>
      e.slug !== (self.newRecord ? undefined : self.slug) &&
      (e.slug === slug || String(e.data[field] ?? '').trim() === value),
  );
  return other ? [{ path: [field], message: `「${label}」“${value}”已被 ${file(other.slug)} 使用，不能重复` }] : [];
}
