import { existsSync, readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { ContentFixture } from '../support/fixture.ts';

/**
 * The fixture builds' clean-up must fit Vitest's 10 s hook limit on a loaded machine: the copy is gone from its path
 * as soon as `dispose()` returns (whatever its size), and its files are deleted afterwards by a process of its own.
 */
it('dispose() removes the fixture at once and deletes its files in the background', async () => {
  const fixture = new ContentFixture();
  expect(readdirSync(fixture.path('news')).length).toBeGreaterThan(0);
  fixture.dispose();
  expect(existsSync(fixture.dir)).toBe(false);
  await expect.poll(() => existsSync(`${fixture.dir}.deleting`), { timeout: 60_000, interval: 100 }).toBe(false);
});
