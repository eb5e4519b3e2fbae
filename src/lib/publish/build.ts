import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The commit being published and who made it (the editor, for a CMS save). */
export interface Revision {
  commit: string;
  author: string;
}

/** The last commit of the Git checkout holding `dir`, or placeholders where it is not one. */
export function revision(dir: string): Revision {
  const r = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%H%n%an'], { encoding: 'utf8' });
  if (r.status !== 0) return { commit: 'nogit', author: '（不在 Git 仓库中）' };
  const [commit = 'nogit', author = ''] = r.stdout.trim().split('\n');
  return { commit, author };
}

/**
 * The build's own error report, without Astro's hints, references and stack: for bad content it names the file (its
 * location) and the field, for a broken link the page and the target. Falls back to the last lines of the output.
 */
export function buildErrors(output: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the terminal's colour codes.
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const found: string[] = [];
  let mode: 'out' | 'in' | 'skip' | 'location' = 'out';
  for (const raw of lines) {
    const line = raw.replace(/^\s*\d\d:\d\d:\d\d /, '').trim();
    if (/\[ERROR\]/.test(line) || /^\[\w*Error\]/.test(line)) {
      mode = 'in';
      const rest = line.replace(/^.*?\[ERROR\]\s*(\[[^\]]+\]\s*)?/, '');
      if (rest && !/^An unhandled error occurred/.test(rest)) found.push(rest);
      continue;
    }
    if (mode === 'out' || !line) continue;
    if (/^(Hint|Error reference):?$/.test(line)) mode = 'skip';
    else if (/^Location:?$/.test(line)) mode = 'location';
    else if (/^Stack trace:?$/.test(line)) mode = 'out';
    else if (mode === 'location') {
      // Astro's location of a content error is the content file; of a hook's error, the site's own code.
      const file = line.replace(/:\d+:\d+$/, '');
      if (/\.(md|ya?ml)$/.test(file)) found.push(`文件：${file}`);
      mode = 'skip';
    } else if (mode === 'in') found.push(line);
  }
  if (found.length > 0) return [...new Set(found)];
  return lines.filter((l) => l.trim()).slice(-15);
}

/**
 * Whether a failed build's only broken links point at the build's own hashed assets: pages the incremental build left
 * in place still naming a stylesheet or script that this build renamed. The content is fine; the cache is stale.
 */
export function onlyStaleAssets(errors: readonly string[]): boolean {
  const links = errors.filter((e) => e.includes(' → '));
  return links.length > 0 && links.every((e) => / → \/_astro\//.test(e)) && !errors.some((e) => /content\//.test(e));
}

export interface BuildResult {
  ok: boolean;
  seconds: number;
  output: string;
}

/**
 * Runs `astro build` of the checkout at `cwd` into `outDir`, echoing its log line by line to `echo`. The build keeps
 * that folder and its cache between runs (incremental): only what an edit changed is rendered again; `force` renders
 * every page.
 */
export function runBuild(
  cwd: string,
  outDir: string,
  env: NodeJS.ProcessEnv,
  echo: (text: string) => void,
  force = false,
): Promise<BuildResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(cwd, 'node_modules/astro/bin/astro.mjs'), 'build', ...(force ? ['--force'] : [])],
      {
        cwd,
        env: { ...process.env, ...env, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const take = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      output += text;
      echo(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', reject);
    child.once('close', (code) => resolve({ ok: code === 0, seconds: (performance.now() - started) / 1000, output }));
  });
}
