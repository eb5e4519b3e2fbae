import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HUNG } from './watchdog.ts';

const ROOT = join(import.meta.dirname, '../..');
const WATCHDOG = join(import.meta.dirname, 'watchdog.ts');

export interface AstroRun {
  status: number | null;
  output: string;
}

/**
 * Runs the project's own Astro (`astro build`, `astro sync` …) in `cwd` (the project folder unless a test built a copy
 * of it) with `env` as its whole environment, and returns its exit status and its output (standard output, then
 * standard error).
 *
 * A run still going after `timeout` is killed by the watchdog (watchdog.ts), which writes the state of its threads into
 * the output; it is then run once more, and the first run's end and thread states are written to the test's log, so a
 * hang is on record however the second run goes. A build that fails is never run again: its status is the answer.
 */
export function runAstro(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  { timeout = 300_000, cwd = ROOT }: { timeout?: number; cwd?: string } = {},
): AstroRun {
  const once = (): AstroRun => {
    const r = spawnSync(
      process.execPath,
      [WATCHDOG, String(timeout), process.execPath, join(ROOT, 'node_modules/astro/bin/astro.mjs'), ...args],
      // The watchdog answers first; this limit only guards against the watchdog itself failing.
      { cwd, env, encoding: 'utf8', timeout: timeout + 60_000, maxBuffer: 256 * 1024 * 1024 },
    );
    return { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  };
  const first = once();
  if (first.status !== HUNG) return first;
  console.warn(`astro ${args.join(' ')} hung and was run again; the end of its output:\n${first.output.slice(-3000)}`);
  return once();
}
