import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { MANIFEST_PATH, parseManifest } from '../../../src/lib/publish/manifest.ts';

/**
 * `npm run publish -- --remote host:/srv/czzx/site`, as the pipelines run it: the release is built and checked on the
 * runner, copied with the real rsync into a new release folder on the host (hard-linking what the live release already
 * has) and switched there with the same symlink-and-rename. SSH is replaced by a script that runs the command on this
 * machine (PUBLISH_SSH), so rsync, the shell commands and the folders are the real ones.
 */
const ROOT = join(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'czzx-remote-'));
const host = join(dir, 'host/srv/czzx/site');
const fakeSsh = join(dir, 'fake-ssh');
writeFileSync(
  fakeSsh,
  '#!/bin/sh\n# Stands in for ssh: drops the options and the host, runs the command here.\nwhile [ "$1" = -l ] || [ "$1" = -p ]; do shift 2; done\nshift\nexec sh -c "$*"\n',
);
chmodSync(fakeSsh, 0o755);
cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STORY = 'news/2023-04-12-tian-an-jiaoban.md';
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/cli/publish.ts', ...args, '--remote', `web1:${host}`], {
    cwd: ROOT,
    env: {
      ...process.env,
      CONTENT_DIR: join(dir, 'content'),
      SITE_ROOT: join(dir, 'runner-site'),
      ASTRO_CACHE_DIR: join(dir, 'cache'),
      PUBLISH_SSH: fakeSsh,
      NO_COLOR: '1',
    },
    encoding: 'utf8',
    timeout: 300_000,
  });

test('publishing to a web host over SSH: rsync into a new release, hard links to the live one, an atomic switch there', {
  timeout: 600_000,
}, () => {
  const first = run('publish', '--quiet');
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain(`已上线（web1:${host}）`);
  const firstRelease = readlinkSync(join(host, 'current'));

  const file = join(dir, 'content', STORY);
  writeFileSync(file, readFileSync(file, 'utf8').replace('本报讯', '本报讯（更新）'));
  const second = run('publish', '--quiet');
  expect(second.status, second.stderr).toBe(0);
  const secondRelease = readlinkSync(join(host, 'current'));
  expect(secondRelease).not.toBe(firstRelease);

  const m = parseManifest(readFileSync(join(host, 'current', MANIFEST_PATH), 'utf8'), MANIFEST_PATH);
  expect(m.changed).toContain('/news/2023-04-12-tian-an-jiaoban/');
  expect(m.added).toEqual([]);
  // The story changed; an untouched story is the very file of the release before, on the host.
  const same = 'news/2023-06-08-guangfu-diaoyan/index.html';
  expect(statSync(join(host, secondRelease, same)).ino).toBe(statSync(join(host, firstRelease, same)).ino);
  expect(readFileSync(join(host, 'current/news/2023-04-12-tian-an-jiaoban/index.html'), 'utf8')).toContain(
    '本报讯（更新）',
  );
  expect(readFileSync(join(host, firstRelease, 'news/2023-04-12-tian-an-jiaoban/index.html'), 'utf8')).not.toContain(
    '本报讯（更新）',
  );

  const listed = run('releases');
  expect(listed.stdout).toMatch(new RegExp(`^\\* ${secondRelease.split('/').pop()}`, 'm'));
  const back = run('rollback');
  expect(back.stdout).toContain('已回退');
  expect(readlinkSync(join(host, 'current'))).toBe(firstRelease);
});
