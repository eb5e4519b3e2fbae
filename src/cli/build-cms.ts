/**
 * Bundles the admin (src/cms/admin.ts and Decap CMS) into a folder with Vite, and records there which of the project's
 * files went into it (inputs.json), so the build can tell when the bundle is out of date. Run by
 * src/integrations/cms-bundle.ts in a process of its own; usage: node src/cli/build-cms.ts <outDir>
 */
import { join, relative, resolve, sep } from 'node:path';
import { writeFileSync } from 'node:fs';
import { build } from 'vite';
import { recordInputs } from '../lib/build-inputs.ts';
import { CMS_BASE, CMS_ENTRY, fixedInputs } from '../integrations/cms-bundle.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node src/cli/build-cms.ts <outDir>');

const output = await build({
  configFile: false,
  mode: 'production',
  root: ROOT,
  base: CMS_BASE,
  publicDir: false,
  // Decap's own modules warn about `eval` and "use client"; errors still fail the bundle.
  logLevel: 'error',
  build: { outDir, emptyOutDir: true, manifest: true, rolldownOptions: { input: join(ROOT, CMS_ENTRY) } },
});

// The project's own modules the bundle read; the installed packages are covered by npm's record of them.
const files = new Set<string>();
for (const out of Array.isArray(output) ? output : [output]) {
  if (!('output' in out)) throw new Error('Vite returned a watcher, not a bundle');
  for (const chunk of out.output) {
    if (chunk.type !== 'chunk') continue;
    for (const id of chunk.moduleIds) {
      const path = id.split('?')[0]!;
      const rel = relative(ROOT, path);
      if (path.startsWith(ROOT + sep) && !rel.startsWith(`node_modules${sep}`)) files.add(rel.split(sep).join('/'));
    }
  }
}
if (!files.has(CMS_ENTRY)) throw new Error(`the bundle does not list its entry ${CMS_ENTRY}`);
writeFileSync(join(outDir, 'inputs.json'), JSON.stringify(recordInputs(ROOT, files, fixedInputs()), null, 1));
