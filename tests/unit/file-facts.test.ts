import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { FileFacts } from '../../src/integrations/file-facts.ts';

/**
 * The facts a build reads out of its pages are reused only for a file that is the very one read last time. The clock
 * is moved forward instead of waiting, so the files just written are past the "racy" window.
 */
const dir = mkdtempSync(join(tmpdir(), 'czzx-file-facts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const store = join(dir, 'cache/facts.json');
const later = () => Date.now() + 10_000;

/** One build's look at the files: which were read, and what it found. */
function look(files: string[], options: { version?: string; enabled?: boolean; now?: () => number } = {}) {
  const facts = new FileFacts<string>(store, options.version ?? 'v1', options.enabled ?? true, options.now ?? later);
  const read: string[] = [];
  const found = files.map((f) =>
    facts.get(dir, f, (bytes) => {
      read.push(f);
      return bytes.toString('utf8');
    }),
  );
  facts.save();
  return { read, found };
}

test('a file is read again exactly when it was written since, even with the same size and bytes', () => {
  writeFileSync(join(dir, 'a.html'), 'aaaa');
  writeFileSync(join(dir, 'b.html'), 'bbbb');
  expect(look(['a.html', 'b.html']).read).toEqual(['a.html', 'b.html']);
  expect(look(['a.html', 'b.html'])).toEqual({ read: [], found: ['aaaa', 'bbbb'] });

  // Rewritten with other bytes of the same size, and with the very same bytes: both are read again.
  writeFileSync(join(dir, 'a.html'), 'AAAA');
  writeFileSync(join(dir, 'b.html'), readFileSync(join(dir, 'b.html')));
  expect(look(['a.html', 'b.html'])).toEqual({ read: ['a.html', 'b.html'], found: ['AAAA', 'bbbb'] });

  // Deleted and made again (another inode, perhaps the same times).
  unlinkSync(join(dir, 'a.html'));
  writeFileSync(join(dir, 'a.html'), 'AAAA');
  expect(look(['a.html', 'b.html']).read).toEqual(['a.html']);
});

test('a file changed moments ago is not remembered, since a second write within the clock tick could go unseen', () => {
  writeFileSync(join(dir, 'c.html'), 'cccc');
  look(['c.html'], { now: Date.now });
  expect(look(['c.html'], { now: Date.now }).read).toEqual(['c.html']);
  look(['c.html']);
  expect(look(['c.html']).read).toEqual([]);
});

test('facts of another version of the reader, or a plain build, read every file', () => {
  writeFileSync(join(dir, 'd.html'), 'dddd');
  look(['d.html']);
  expect(look(['d.html']).read).toEqual([]);
  expect(look(['d.html'], { version: 'v2' }).read).toEqual(['d.html']);
  look(['d.html']);
  expect(look(['d.html'], { enabled: false }).read).toEqual(['d.html']);
});

test('an unreadable store means every file is read, not a failed build', () => {
  writeFileSync(join(dir, 'e.html'), 'eeee');
  look(['e.html']);
  writeFileSync(store, '{"version":');
  expect(look(['e.html']).read).toEqual(['e.html']);
});
