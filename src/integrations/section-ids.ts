import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../lib/paths.ts';
import { sectionIdAssigner, type NamedId } from '../lib/sections.ts';

/** Committees from the taxonomy file; review sections named after them get their id. */
function committees(): NamedId[] {
  try {
    return parse(readFileSync(join(contentDir(), 'taxonomies/committees.yml'), 'utf8'))?.items ?? [];
  } catch {
    return []; // the content loader reports a missing or broken file with its name
  }
}

/**
 * Sätteri hast plugin giving every heading an ASCII id (see `sectionIdAssigner`), so no URL fragment carries Chinese
 * text. Runs before Astro's own heading-id plugin, which keeps ids that are already set and lists them for the TOC.
 */
export function sectionIds() {
  const list = committees();
  return () => {
    const assign = sectionIdAssigner(list);
    return {
      name: 'section-ids',
      element: {
        filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
        visit(
          node: { properties?: Record<string, unknown> },
          ctx: { textContent(n: unknown): string; setProperty(n: unknown, k: string, v: string): void },
        ) {
          if (typeof node.properties?.id === 'string') return;
          ctx.setProperty(node, 'id', assign(ctx.textContent(node)));
        },
      },
    };
  };
}
