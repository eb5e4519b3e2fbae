import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { deleteInBackground, discard } from '../../src/integrations/trash.ts';

const tmp = mkdtempSync(join(tmpdir(), 'czzx-trash-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('a discarded folder is gone from its place at once and deleted afterwards in the background', async () => {
  const part = join(tmp, 'site/pagefind/parts/2025-07');
  for (let i = 0; i < 200; i++) {
    mkdirSync(join(part, 'fragment'), { recursive: true });
    writeFileSync(join(part, `fragment/${i}.pf_fragment`), String(i));
  }
  const trash = join(tmp, 'cache/search-trash');

  discard(part, trash);
  discard(join(tmp, 'site/pagefind/parts/never-there'), trash);

  expect(existsSync(part)).toBe(false);
  expect(readdirSync(trash)).toHaveLength(1);
  expect(readdirSync(join(trash, readdirSync(trash)[0]!, 'fragment'))).toHaveLength(200);
  deleteInBackground(trash);
  await expect.poll(() => readdirSync(trash), { timeout: 10_000 }).toEqual([]);
});
