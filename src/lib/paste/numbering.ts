/**
 * Chinese section numbering, the way official documents and proposals use it (GB/T 9704): “一、” opens a section,
 * “（一）” a subsection, “1.” and “（1）” points within it. Word keeps these as typed text (or as list numbers, which
 * office.ts turns back into text), and a Markdown ordered list cannot say 一、, so a short numbered line becomes a
 * heading that keeps its number (`## 一、基本情况`, `### （一）加强组织领导`), and a numbered paragraph of running text
 * stays a paragraph, its number as written.
 */

/** Heading level (2 or 3) of a line numbered 一、 or （一）; undefined for anything else. */
export function chineseNumberLevel(text: string): 2 | 3 | undefined {
  const t = text.trim();
  if (/^[一二三四五六七八九十]+、/.test(t)) return 2;
  if (/^[（(][一二三四五六七八九十]+[)）]/.test(t)) return 3;
  return undefined;
}

/**
 * Whether a numbered line reads as a heading rather than running text: short, and not a sentence (no full stop or
 * semicolon inside or at the end; headings in Chinese documents carry no closing punctuation).
 */
export function isHeadingLine(text: string): boolean {
  const t = text.trim();
  return (
    t.length > 0 &&
    t.length <= 40 &&
    !/[。；;！？!?，,：:]/.test(t.replace(/^[（(][一二三四五六七八九十]+[)）]|^[一二三四五六七八九十]+、/, ''))
  );
}
