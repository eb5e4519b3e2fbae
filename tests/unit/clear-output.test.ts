import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { deleteInBackground, moveOutputAside } from '../../src/integrations/clear-output.ts';

const tmp = mkdtempSync(join(tmpdir(), 'czzx-clear-output-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('the last output is moved aside whole, except a Git checkout, and deleted in the background', async () => {
  const out = join(tmp, 'dist');
  const trash = join(tmp, 'cache/output-trash');
  for (let i = 0; i < 50; i++) {
    mkdirSync(join(out, `news/${i}`), { recursive: true });
    writeFileSync(join(out, `news/${i}/index.html`), `<p>${i}</p>`);
  }
  writeFileSync(join(out, 'index.html'), '<p>home</p>');
  mkdirSync(join(out, '.git'));
  writeFileSync(join(out, '.git/HEAD'), 'ref: refs/heads/main');
  // What a stopped build left behind is cleared too.
  mkdirSync(join(trash, 'left-by-a-stopped-build/news'), { recursive: true });

  const aside = moveOutputAside(out, trash)!;
  expect(readdirSync(out)).toEqual(['.git']);
  expect(existsSync(join(aside, 'news/49/index.html'))).toBe(true);
  expect(moveOutputAside(out, trash)).toBeUndefined();

  deleteInBackground(trash);
  await expect.poll(() => readdirSync(trash), { timeout: 10_000 }).toEqual([]);
  expect(existsSync(join(out, '.git/HEAD'))).toBe(true);
});

test('a missing output folder is nothing to clear', () => {
  expect(moveOutputAside(join(tmp, 'never-built'), join(tmp, 'trash'))).toBeUndefined();
});
