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
  /** Stopped for writing nothing for longer than its limit (`stallLimit`). */
  stalled: boolean;
}

/**
 * How long a build may write nothing before it is taken to hang: `PUBLISH_STALL_MINUTES`, 10 by default. A build logs
 * every page it writes, and its longest silence is the loading of the entries on a cold cache: 9.6 s at 20,000
 * documents, so under a minute at 100,000. A build that hangs holds the publish lock, so without a limit every later
 * publish would wait and then fail behind it.
 */
export function stallLimit(env: NodeJS.ProcessEnv): number {
  const raw = env.PUBLISH_STALL_MINUTES;
  const minutes = raw === undefined || raw === '' ? 10 : Number(raw);
  if (!(minutes > 0))
    throw new Error(`PUBLISH_STALL_MINUTES 应为正数（构建无输出多少分钟即判定卡住），现在是「${raw}」`);
  return minutes * 60_000;
}

export interface BuildOptions {
  /** Render every page (`astro build --force`), not only those an edit changed. */
  force?: boolean;
  /** Stop the build once it has written nothing for this long (ms). */
  stallMs?: number;
}

/**
 * Runs `astro build` of the checkout at `cwd` into `outDir`, echoing its log line by line to `echo`. The build keeps
 * that folder and its cache between runs (incremental): only what an edit changed is rendered again. A build that
 * writes nothing for `stallMs` is killed, and its output ends with an error line saying so.
 */
export function runBuild(
  cwd: string,
  outDir: string,
  env: NodeJS.ProcessEnv,
  echo: (text: string) => void,
  { force = false, stallMs = stallLimit({ ...process.env, ...env }) }: BuildOptions = {},
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
    let stalled = false;
    const take = (text: string) => {
      output += text;
      echo(text);
    };
    // SIGKILL: a process whose main thread is stuck never runs a handler for a gentler signal. A build killed midway
    // leaves its marker, so the next one sets the half-written output aside (src/integrations/output-folder.ts).
    const stop = () => {
      stalled = true;
      const quiet = stallMs >= 60_000 ? `${+(stallMs / 60_000).toFixed(1)} 分钟` : `${Math.round(stallMs / 1000)} 秒`;
      take(`\n[ERROR] [publish] 构建已 ${quiet}没有任何输出，判定为卡住，已停止（进程 ${child.pid}）\n`);
      child.kill('SIGKILL');
    };
    let watch = setTimeout(stop, stallMs);
    const chunk = (data: Buffer) => {
      if (stalled) return;
      clearTimeout(watch);
      watch = setTimeout(stop, stallMs);
      take(data.toString('utf8'));
    };
    child.stdout.on('data', chunk);
    child.stderr.on('data', chunk);
    child.once('error', (e) => {
      clearTimeout(watch);
      reject(e);
    });
    child.once('close', (code) => {
      clearTimeout(watch);
      resolve({ ok: code === 0 && !stalled, seconds: (performance.now() - started) / 1000, output, stalled });
    });
  });
}
