/**
 * Sätteri hast plugin putting the footnotes' labels in Chinese: the notes' heading reads 注释 (not “Footnotes”) and
 * the link back to the text 返回正文第 N 处 (not “Back to reference N”). Footnotes arrive with text pasted or imported
 * from Word (src/lib/paste/).
 */
export function footnoteLabels() {
  return () => ({
    name: 'footnote-labels',
    element: {
      filter: ['h2', 'a'],
      visit(
        node: { tagName?: string; properties?: Record<string, unknown> },
        ctx: {
          replaceNode(n: unknown, next: unknown): void;
          setProperty(n: unknown, k: string, v: string): void;
          textContent(n: unknown): string;
        },
      ) {
        const p = node.properties ?? {};
        if (node.tagName === 'h2' && p.id === 'footnote-label') {
          ctx.replaceNode(node, {
            type: 'element',
            tagName: 'h2',
            properties: { ...p },
            children: [{ type: 'text', value: '注释' }],
          });
        } else if (node.tagName === 'a' && 'dataFootnoteBackref' in p) {
          const ref = String(p.href ?? '').replace(/^#user-content-fnref-/, '');
          ctx.setProperty(node, 'ariaLabel', `返回正文第 ${ref} 处`);
        }
      },
    },
  });
}
