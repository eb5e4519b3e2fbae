import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { changedInput, recordDigest, recordInputs } from '../../src/lib/build-inputs.ts';
import { CMS_BASE, ensureCmsBundle } from '../../src/integrations/cms-bundle.ts';

const tmp = mkdtempSync(join(tmpdir(), 'czzx-cms-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build inputs', () => {
  const root = join(tmp, 'project');
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'src/b.ts'), 'export const b = 2;');
  const fixed = { packages: 'p1', builder: 'b1' };

  test('a product stays fresh while its files and fixed inputs are unchanged', () => {
    const record = recordInputs(root, ['src/b.ts', 'src/a.ts'], fixed);
    expect(Object.keys(record.files)).toEqual(['src/a.ts', 'src/b.ts']);
    expect(changedInput(root, record, fixed)).toBeUndefined();
    expect(recordDigest(record)).toBe(recordDigest(recordInputs(root, ['src/a.ts', 'src/b.ts'], fixed)));
  });

  test('names the first input that changed: a fixed one, an edited file, a deleted file', () => {
    const record = recordInputs(root, ['src/a.ts', 'src/b.ts'], fixed);
    expect(changedInput(root, record, { ...fixed, packages: 'p2' })).toBe('packages');
    expect(changedInput(root, record, { ...fixed, base: '/x/' })).toBe('base');
    writeFileSync(join(root, 'src/b.ts'), 'export const b = 3;');
    expect(changedInput(root, record, fixed)).toBe('src/b.ts');
    expect(recordDigest(recordInputs(root, ['src/a.ts', 'src/b.ts'], fixed))).not.toBe(recordDigest(record));
    rmSync(join(root, 'src/a.ts'));
    expect(changedInput(root, record, fixed)).toBe('src/a.ts');
  });
});

describe('the admin bundle', () => {
  test('is bundled once, lists the sources it read, and is bundled again when one of them changes', () => {
    process.env.CMS_CACHE_DIR = join(tmp, 'cache');
    try {
      const logs: string[] = [];
      const logger = { info: (m: string) => logs.push(m) };
      const first = ensureCmsBundle(logger);
      expect(logs.pop()).toMatch(/^admin bundled in \d+ ms/);
      expect(first.script).toMatch(new RegExp(`^${CMS_BASE}assets/admin-[\\w-]+\\.js$`));
      const entry = join(first.dir, first.script.slice(CMS_BASE.length));
      expect(existsSync(entry)).toBe(true);
      // A production bundle even here, where NODE_ENV is `test`: no React development build (a warning only it has).
      expect(readFileSync(entry, 'utf8')).not.toContain('Check the render method of');
      // The bundle records the project files it was made from: the admin, its configuration and the content model.
      const inputs = JSON.parse(readFileSync(join(first.dir, 'inputs.json'), 'utf8'));
      expect(Object.keys(inputs.files)).toEqual(
        expect.arrayContaining(['src/cms/admin.ts', 'src/cms/config.ts', 'src/content/model.ts']),
      );
      expect(Object.keys(inputs.fixed)).toEqual(expect.arrayContaining(['packages', 'builder']));

      expect(ensureCmsBundle(logger)).toEqual(first);
      expect(logs.pop()).toMatch(/^admin bundle reused/);

      // As if src/cms/config.ts had been edited since: the record no longer matches it.
      inputs.files['src/cms/config.ts'] = '0'.repeat(64);
      writeFileSync(join(first.dir, 'inputs.json'), JSON.stringify(inputs));
      expect(ensureCmsBundle(logger)).toEqual(first);
      expect(logs.pop()).toMatch(/^admin bundled in/);
      // …once: the new bundle replaced the stale one.
      ensureCmsBundle(logger);
      expect(logs.pop()).toMatch(/^admin bundle reused/);
    } finally {
      delete process.env.CMS_CACHE_DIR;
    }
  });
});
