import { join } from 'node:path';
import { resetRegistry } from '../../src/content/registry.ts';
import { schemas } from '../../src/content/schemas.ts';
import type { CmsRepo } from './cms.ts';

/**
 * What the CMS wrote, through the site's own schema, against the copy's content and media (taxonomies, and the files
 * an entry names, checked by their bytes): the schema's messages (`[]` when it accepts the data) and the data parsed.
 * The test process's own CONTENT_DIR and PUBLIC_DIR are put back afterwards.
 */
export function siteSchema(
  repo: CmsRepo,
  collection: keyof typeof schemas,
  data: unknown,
): { issues: string[]; data: Record<string, unknown> } {
  const saved = { CONTENT_DIR: process.env.CONTENT_DIR, PUBLIC_DIR: process.env.PUBLIC_DIR };
  process.env.CONTENT_DIR = repo.content();
  process.env.PUBLIC_DIR = join(repo.dir, 'public');
  resetRegistry();
  try {
    const r = schemas[collection].safeParse(data);
    return {
      issues: r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      data: (r.data ?? {}) as Record<string, unknown>,
    };
  } finally {
    for (const [k, v] of Object.entries(saved)) v === undefined ? delete process.env[k] : (process.env[k] = v);
    resetRegistry();
  }
}
