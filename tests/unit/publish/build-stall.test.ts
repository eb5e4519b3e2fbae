import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { runBuild, stallLimit } from '../../../src/lib/publish/build.ts';
import { PublishError, publish } from '../../../src/lib/publish/publish.ts';

/**
 * A build that hangs must not hold the publish lock for good. Astro cannot be made to hang on demand, so the checkout
 * here has a stand-in `astro build`: a real process that logs, then blocks its main thread as the hung build did (or
 * keeps logging slowly, as a large build does). It counts its runs in a file beside it.
 */
const dir = mkdtempSync(join(tmpdir(), 'czzx-stall-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkout(name: string, script: string): string {
  const root = join(dir, name);
  mkdirSync(join(root, 'node_modules/astro/bin'), { recursive: true });
  writeFileSync(
    join(root, 'node_modules/astro/bin/astro.mjs'),
    `import { appendFileSync } from 'node:fs';\nappendFileSync(new URL('runs', import.meta.url), 'x');\n${script}`,
  );
  return root;
}
const runs = (root: string) => readFileSync(join(root, 'node_modules/astro/bin/runs'), 'utf8').length;
const HANG = `console.log('[content] Syncing content'); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`;

test('a build that writes nothing for its limit is killed and says so', async () => {
  const root = checkout('hangs', HANG);
  const echoed: string[] = [];
  const r = await runBuild(root, join(dir, 'out'), {}, (t) => echoed.push(t), { stallMs: 1_000 });
  expect(r).toMatchObject({ ok: false, stalled: true });
  expect(r.output).toContain('[content] Syncing content');
  expect(r.output).toMatch(/\[ERROR\] \[publish\] 构建已 1 秒没有任何输出，判定为卡住，已停止（进程 \d+）/);
  // The editor's log shows it as it happens, not only the final report.
  expect(echoed.join('')).toContain('判定为卡住');
  expect(r.seconds).toBeLessThan(30);
});

test('a slow build that keeps logging runs to its end: the limit is on silence, not on time', async () => {
  const root = checkout(
    'slow',
    `let n = 0; const t = setInterval(() => { console.log('page', ++n); if (n === 8) { clearInterval(t); process.exit(0); } }, 300);`,
  );
  const r = await runBuild(root, join(dir, 'out'), {}, () => {}, { stallMs: 1_000 });
  expect(r).toMatchObject({ ok: true, stalled: false });
  expect(r.seconds).toBeGreaterThan(2);
  expect(r.output).toContain('page 8');
});

test('publish runs a stalled build once more, then fails naming the hang and leaves the live site alone', async () => {
  const root = checkout('publish-hangs', HANG);
  const siteRoot = join(dir, 'site');
  const log: string[] = [];
  const failed = await publish({
    checkout: root,
    siteRoot,
    contentDir: join(dir, 'content'),
    keep: 3,
    env: { PUBLISH_STALL_MINUTES: '0.02' },
    log: (t) => log.push(t),
  }).catch((e: unknown) => e);
  expect(failed).toBeInstanceOf(PublishError);
  expect((failed as PublishError).message).toContain('构建两次都长时间没有输出，已停止');
  expect(runs(root)).toBe(2);
  expect(log.join('')).toContain('构建长时间没有输出，已停止：重新构建一次');
  expect(existsSync(join(siteRoot, 'current'))).toBe(false);
  // The lock is released: the next publish is not left waiting behind the hung one.
  expect(existsSync(join(siteRoot, '.publish.lock'))).toBe(false);
});

test('the limit is 10 minutes unless PUBLISH_STALL_MINUTES says otherwise, and a wrong value is refused by name', () => {
  expect(stallLimit({})).toBe(600_000);
  expect(stallLimit({ PUBLISH_STALL_MINUTES: '30' })).toBe(1_800_000);
  expect(() => stallLimit({ PUBLISH_STALL_MINUTES: '十分钟' })).toThrow(/PUBLISH_STALL_MINUTES 应为正数.*「十分钟」/);
  expect(() => stallLimit({ PUBLISH_STALL_MINUTES: '0' })).toThrow(/PUBLISH_STALL_MINUTES/);
});
