import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, describe, expect, it } from 'vitest';
import { assertSanitised, sanitizingStore } from '../../src/integrations/internals/sanitizing-store.ts';
import { packageVersion } from '../../src/integrations/internals/package-version.ts';
import { ContentFixture } from '../support/fixture.ts';

/**
 * Canary of the sanitising store (src/integrations/internals/sanitizing-store.ts): every body Astro's glob loader stores
 * goes through the sanitiser, and a body that did not stops the build. Security-relevant: if the loader ever stored
 * bodies another way, they would be served as the editor's HTML.
 */
let fixture: ContentFixture | undefined;
afterEach(() => {
  fixture?.dispose();
  fixture = undefined;
});

const NEWS = 'news/2023-04-12-tian-an-jiaoban.md';
const ATTACK = '<script>alert("xss")</script><img src="x" onerror="alert(1)">';

describe('the sanitising store', () => {
  it('sanitises every body the real glob loader stores, and marks it so', () => {
    fixture = new ContentFixture();
    fixture.edit(NEWS, '本报讯 4月11日', `本报讯 ${ATTACK}4月11日`);
    const synced = fixture.astro('sync');
    expect(synced.status, synced.output).toBe(0);
    const store = readFileSync(join(fixture.dir, 'cache/data-store.json'), 'utf8');
    expect(store).toContain('本报讯 ');
    expect(store).not.toContain('<script');
    expect(store).not.toContain('onerror');
    // As many marks as rendered bodies: none was stored past the sanitiser.
    const marks = store.match(/"czzxSanitised"/g)?.length ?? 0;
    expect(marks).toBeGreaterThan(0);
  });

  it('stops the build, naming astro and its version, when a body reaches the store without it', () => {
    const entries = new Map<string, Parameters<LoaderContext['store']['set']>[0]>();
    const store = {
      set: (e: { id: string }) => entries.set(e.id, e as never) && true,
      values: () => [...entries.values()],
    } as unknown as LoaderContext['store'];
    const entry = (id: string) => ({ id, data: {}, filePath: `content/news/${id}.md`, rendered: { html: ATTACK } });
    sanitizingStore(store).set(entry('through'));
    expect(entries.get('through')!.rendered!.html).not.toContain('<script');
    expect(() => assertSanitised(store, '新闻简报')).not.toThrow();
    store.set(entry('around'));
    expect(() => assertSanitised(store, '新闻简报')).toThrow(
      new RegExp(`^astro ${packageVersion('astro').replace(/\./g, '\\.')}：正文消毒.*\\n.*content/news/around\\.md`),
    );
  });
});
