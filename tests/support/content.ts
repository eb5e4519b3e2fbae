import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Collection } from '../../src/content/model.ts';
import { parseDateTime } from '../../src/lib/dates.ts';
import { visibility, type Withdrawal } from '../../src/lib/publication.ts';

/** Root of the real content folder. */
export const CONTENT = join(import.meta.dirname, '../../content');

/** Frontmatter of a Markdown file, parsed as YAML. */
export function frontmatter(file: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`${file}: no frontmatter`);
  return parse(m[1]!) as Record<string, unknown>;
}

/** Every stored entry of a collection in `content/`, as the loaders see it before parsing. */
export function rawEntries(c: Collection, dir = CONTENT): { id: string; data: Record<string, unknown> }[] {
  if (c.kind === 'folder') {
    const ext = c.format === 'mdx' ? '.mdx' : '.md';
    return readdirSync(join(dir, c.folder))
      .filter((f) => f.endsWith(ext))
      .map((f) => ({ id: f.slice(0, -ext.length), data: frontmatter(join(dir, c.folder, f)) }));
  }
  const data = parse(readFileSync(join(dir, c.file), 'utf8'));
  return c.kind === 'taxonomy'
    ? data.items.map((i: { id: string }) => ({ id: i.id, data: i }))
    : [{ id: 'site', data }];
}

/**
 * The entries the public site shows now: not timed for later (定时发布) nor withdrawn (撤回), by the rule the build uses.
 * `content/` holds one of each, so tests that expect a page for every entry ask this.
 */
export function publishedEntries(
  c: Collection,
  dir = CONTENT,
  now = new Date(),
): { id: string; data: Record<string, unknown> }[] {
  const moment = (v: unknown) => (v instanceof Date ? v : parseDateTime(String(v ?? '')));
  return rawEntries(c, dir).filter(
    ({ data }) =>
      visibility(
        c.name,
        {
          date: moment(data.date),
          publishAt: moment(data.publishAt),
          withdrawn: data.withdrawn as Withdrawal | undefined,
        },
        now,
      ) === 'published',
  );
}
