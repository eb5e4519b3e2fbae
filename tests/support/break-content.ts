import { readdirSync } from 'node:fs';
import { afterEach } from 'vitest';
import { CONTENT } from './content.ts';
import { ContentFixture } from './fixture.ts';

/** The first file of a content folder, by name. */
export function firstFile(folder: string): string {
  return `${folder}/${readdirSync(`${CONTENT}/${folder}`).sort()[0]}`;
}

/**
 * Breaks one thing in a copy of `content/` and runs the real content sync (or build) over it; the copy is removed
 * after each test. For the tests that prove broken content stops the build naming the file and the field.
 */
export function contentBreaker() {
  let fixture: ContentFixture | undefined;
  afterEach(() => fixture?.dispose());
  /** A copy of `content/` to break by hand. */
  const copy = () => {
    fixture = new ContentFixture();
    return fixture;
  };
  return {
    copy,
    breakAndSync(change: (f: ContentFixture) => void) {
      const f = copy();
      change(f);
      return f.astro('sync');
    },
    /** For what only shows once pages are built, such as a broken link. */
    fixtureBuild(change: (f: ContentFixture) => void) {
      const f = copy();
      change(f);
      return f.astro('build', { SKIP_SEARCH_INDEX: '1' });
    },
  };
}
