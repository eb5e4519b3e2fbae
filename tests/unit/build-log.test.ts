import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

/** Runs the build's log destination in a process of its own, counting its writes to standard output. */
function logIn(child: string, colour = false) {
  const script = `
    const { default: batchedLog } = await import(${JSON.stringify(new URL('../../src/integrations/build-log.ts', import.meta.url).href)});
    let writes = 0;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => { writes++; return write(chunk, ...rest); };
    process.on('exit', () => process.stderr.write('writes=' + writes + '\\n'));
    const log = batchedLog();
    ${child}
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    env: colour
      ? { ...process.env, NO_COLOR: '', FORCE_COLOR: '1' }
      : { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  expect(r.status, r.stderr).toBe(0);
  return { out: r.stdout, err: r.stderr, writes: Number(/writes=(\d+)/.exec(r.stderr)![1]) };
}

test('every line is written, in order and in Astro’s format, in a few writes rather than one a line', () => {
  const { out, err, writes } = logIn(`
    for (let i = 0; i < 2000; i++) {
      log.write({ label: null, level: 'info', message: '  ├─ /news/' + i + '/index.html', newLine: false });
      log.write({ label: 'SKIP_FORMAT', level: 'info', message: ' (+1ms)', newLine: true });
    }
    log.write({ label: 'search-index', level: 'warn', message: 'a warning', newLine: true });
    log.write({ label: 'build', level: 'info', message: 'after the warning', newLine: true });
    log.write({ label: 'build', level: 'debug', message: 'not at this level', newLine: true });
  `);
  const lines = out.trimEnd().split('\n');
  expect(lines).toHaveLength(2002);
  expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d {3}├─ \/news\/0\/index\.html \(\+1ms\)$/);
  expect(lines[1999]).toMatch(/\/news\/1999\/index\.html \(\+1ms\)$/);
  // A warning comes after the lines before it, at once.
  expect(lines[2000]).toMatch(/^\d\d:\d\d:\d\d \[WARN\] \[search-index\] a warning$/);
  expect(lines[2001]).toMatch(/^\d\d:\d\d:\d\d \[build\] after the warning$/);
  expect(writes).toBeLessThan(10);
  expect(err).not.toContain('not at this level');
});

test('an error goes to standard error after what waited, and lines still waiting are written when the process ends', () => {
  const { out, err } = logIn(`
    log.write({ label: 'build', level: 'info', message: 'rendering', newLine: true });
    log.write({ label: 'build', level: 'error', message: 'content/news/a.md: title（标题）为必填项', newLine: true });
    log.write({ label: 'build', level: 'info', message: 'the last line', newLine: true });
    process.exit(1 - 1);
  `);
  expect(out).toMatch(/\[build\] rendering\n.*\[build\] the last line\n$/);
  expect(err).toMatch(/^\d\d:\d\d:\d\d \[ERROR\] \[build\] content\/news\/a\.md: title（标题）为必填项\n/);
});

test('the prefix is coloured as Astro colours it, where Astro colours its messages', () => {
  const { out } = logIn(`log.write({ label: 'build', level: 'info', message: 'done', newLine: true });`, true);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the colour codes are what is tested.
  expect(out).toMatch(/^\x1b\[2m\d\d:\d\d:\d\d\x1b\[22m \x1b\[34m\[build\]\x1b\[39m done\n$/);
});
