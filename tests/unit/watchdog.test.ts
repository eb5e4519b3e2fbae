import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HUNG } from '../support/watchdog.ts';

const WATCHDOG = join(import.meta.dirname, '../support/watchdog.ts');
const run = (ms: number, script: string) =>
  spawnSync(process.execPath, [WATCHDOG, String(ms), process.execPath, '-e', script], { encoding: 'utf8' });

it('passes on the output and exit code of a command that ends in time', () => {
  const r = run(20_000, 'console.log("built"); console.error("warned"); process.exit(3)');
  expect([r.status, r.stdout, r.stderr]).toEqual([3, 'built\n', 'warned\n']);
});

it('kills a command still running after its time, and writes what its threads were doing', () => {
  // A main thread blocked for good, as the hung build's was: the watchdog must not wait for it.
  const r = run(1_500, 'console.log("started"); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)');
  expect(r.status).toBe(HUNG);
  expect(r.stdout).toBe('started\n');
  expect(r.stderr).toContain('still running after 1.5 s; its threads:');
  // The main thread, by its name, asleep on a futex (the kernel's wait channel, where /proc shows one).
  expect(r.stderr).toMatch(/^1× (MainThread|node) S \S+$/m);
});
