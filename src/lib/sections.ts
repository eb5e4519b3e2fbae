/**
 * ASCII ids for the `##` sections of a work review: a section named after a committee gets that committee's id
 * (`## 提案委员会` → `proposals`), so links such as `/reviews/2024-gongzuo-huimou/#proposals` are stable and readable;
 * any other heading gets `section-<n>`.
 */

export interface NamedId {
  id: string;
  name: string;
}

/** Heading text without the “■” marks and spaces newspapers put before section names. */
export function cleanHeading(text: string): string {
  return text.replace(/^[\s■□●◆▲]+/, '').trim();
}

/** Returns a function giving each heading of one document its id, unique within the document. */
export function sectionIdAssigner(committees: readonly NamedId[]): (text: string) => string {
  const byName = new Map(committees.map((c) => [c.name, c.id]));
  const used = new Set<string>();
  let n = 0;
  return (text) => {
    n += 1;
    let id = byName.get(cleanHeading(text)) ?? `section-${n}`;
    for (let k = 2; used.has(id); k++) id = `${byName.get(cleanHeading(text)) ?? 'section'}-${k}`;
    used.add(id);
    return id;
  };
}

/** A heading as Markdown rendering reports it (Astro's `MarkdownHeading`). */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** The sections a table of contents lists: the `##` headings, by id and cleaned name. */
export function tocSections(headings: readonly Heading[]): { id: string; label: string }[] {
  return headings.filter((h) => h.depth === 2).map((h) => ({ id: h.slug, label: cleanHeading(h.text) }));
}
