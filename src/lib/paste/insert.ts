/**
 * Pasted Markdown put where the editor's cursor was. The rich-text editor marks the spot with a placeholder word
 * (inserted as plain text, which Decap's editor places at the cursor); the Markdown replaces it, as a block of its
 * own when it holds more than a line of text.
 */

/** A placeholder Decap's Markdown writer leaves as it is: ASCII letters and digits only. */
export function placeholder(n: number): string {
  return `CZZXPASTE${Date.now().toString(36).toUpperCase()}X${n}`;
}

/** `value` with `markdown` in place of `mark`; undefined when the mark is not there (the caller then appends). */
export function replacePlaceholder(value: string, mark: string, markdown: string): string | undefined {
  const i = value.indexOf(mark);
  if (i < 0) return undefined;
  const before = value.slice(0, i);
  const after = value.slice(i + mark.length);
  const inline = !markdown.includes('\n') && !/^(?:#{1,6} |\||[-*+] |\d+\. |!\[|\[\^|>)/.test(markdown);
  if (inline) return before + markdown + after;
  const head = before.replace(/\s+$/, '');
  const tail = after.replace(/^\s+/, '');
  return `${head ? `${head}\n\n` : ''}${markdown}${tail ? `\n\n${tail}` : ''}`;
}

/** `value` with `markdown` added as the last blocks. */
export function appendMarkdown(value: string, markdown: string): string {
  const head = value.replace(/\s+$/, '');
  return head ? `${head}\n\n${markdown}` : markdown;
}
