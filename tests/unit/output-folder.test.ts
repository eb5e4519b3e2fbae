import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { moveOutputAside, pruneOutput } from '../../src/integrations/output-folder.ts';
import { listOutput } from '../../src/integrations/output-listing.ts';
import { deleteInBackground } from '../../src/integrations/trash.ts';

const tmp = mkdtempSync(join(tmpdir(), 'czzx-output-folder-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function put(path: string, text: string, mtime?: Date): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  if (mtime) utimesSync(path, mtime, mtime);
}

test('the last output is moved aside whole, except a Git checkout, and deleted in the background', async () => {
  const out = join(tmp, 'dist');
  const trash = join(tmp, 'cache/output-trash');
  for (let i = 0; i < 50; i++) put(join(out, `news/${i}/index.html`), `<p>${i}</p>`);
  put(join(out, 'index.html'), '<p>home</p>');
  put(join(out, '.git/HEAD'), 'ref: refs/heads/main');
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

/**
 * The last build's output; then, when `listed` is given, it is handed what the folder held at this point (as the build
 * lists it when it starts), before this build writes its files and a page it keeps.
 */
function prunedOutput(name: string, listed: boolean): { deleted: string[]; left: string[] } {
  const out = join(tmp, name);
  const old = new Date(Date.now() - 3_600_000);
  const since = Date.now() - 1000;
  put(join(out, 'news/kept/index.html'), 'left in place by Astro', old);
  put(join(out, 'news/deleted/index.html'), 'a deleted story', old);
  put(join(out, 'news/rewritten/index.html'), 'an edited story', old);
  put(join(out, 'media/2019/removed.jpg'), 'a deleted upload', old);
  put(join(out, '_astro/old.css'), 'an old stylesheet', old);
  put(join(out, '.git/HEAD'), 'ref: refs/heads/main', old);
  // A folder whose own file goes and whose only subfolder empties deeper down; and one left empty before.
  put(join(out, 'topics/a/index.html'), 'a deleted topic', old);
  put(join(out, 'topics/a/b/c/index.html'), 'a deleted sub-page', old);
  mkdirSync(join(out, 'left/empty'), { recursive: true });
  const listing = listed ? listOutput(out) : undefined;
  put(join(out, '_astro/new.css'), 'written by this build');
  put(join(out, 'news/new/index.html'), 'written by this build');
  put(join(out, 'news/rewritten/index.html'), 'the edited story, written by this build');

  const deleted = pruneOutput(out, new Set(['news/kept/index.html']), since, [], listing);
  return { deleted: deleted.sort(), left: readdirSync(out, { recursive: true }).map(String).sort() };
}

test('pruning deletes what the build neither wrote nor kept, and the folders it empties', () => {
  const { deleted, left } = prunedOutput('pruned', false);
  expect(deleted).toEqual([
    '_astro/old.css',
    'media/2019/removed.jpg',
    'news/deleted/index.html',
    'topics/a/b/c/index.html',
    'topics/a/index.html',
  ]);
  expect(left).toEqual([
    '.git',
    '.git/HEAD',
    '_astro',
    '_astro/new.css',
    'news',
    'news/kept',
    'news/kept/index.html',
    'news/new',
    'news/new/index.html',
    'news/rewritten',
    'news/rewritten/index.html',
  ]);
});

test('pruning from the listing taken when the build started deletes exactly what walking the folder after does', () => {
  expect(prunedOutput('pruned-listed', true)).toEqual(prunedOutput('pruned-walked', false));
  expect(prunedOutput('pruned-listed-2', true).deleted).toContain('news/deleted/index.html');
});
