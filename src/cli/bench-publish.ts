// The bench's "CMS save → page live": one story edited in the synthetic archive, `npm run publish`, and the time until
// nginx (the shipped configuration, serving the site root's `current`) answers with the new page.
// Run alone, `node src/cli/bench-publish.ts [--docs 20000] [--keep]` measures only this on a new synthetic archive (the
// first publish then builds it whole), without the rest of the bench: bench-results/publish-<docs>.json.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MANIFEST_PATH, parseManifest } from '../lib/publish/manifest.ts';
import { startNginx } from '../deploy/local-nginx.ts';
import { freePort } from './bench-measure.ts';
import { generateArchive } from './synthetic.ts';

const ROOT = join(import.meta.dirname, '../..');

export interface PublishFigures {
  firstPublishSeconds: number;
  /** From the saved file to nginx serving the new page. */
  saveToLiveSeconds: number;
  buildSeconds: number;
  publishSeconds: number;
  linkedFiles: number;
  copiedFiles: number;
  /** CPU seconds (user + system) of that publish, its build and Pagefind included. */
  publishCpuSeconds: number;
  /** The one-minute load average when the story was saved and when its page went live: the machine may be shared. */
  load: [number, number];
}

/**
 * `npm run publish` over the bench's archive into `siteRoot`; resolves with its output and CPU seconds (bash's `times`:
 * the publish and every process it waited for), fails with its output.
 */
function publish(
  env: Record<string, string>,
  siteRoot: string,
): Promise<{ seconds: number; cpuSeconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const script = '"$0" src/cli/publish.ts publish --quiet; s=$?; echo; times; exit $s';
    const child = spawn('bash', ['-c', script, process.execPath], {
      cwd: ROOT,
      env: { ...process.env, ...env, SITE_ROOT: siteRoot },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      // The second line of `times`: user and system time of the children.
      const t = [...output.matchAll(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm)].at(-1);
      const cpuSeconds = t ? +(60 * (+t[1]! + +t[3]!) + +t[2]! + +t[4]!).toFixed(1) : Number.NaN;
      if (code === 0) resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds, output });
      else reject(new Error(`publish failed:\n${output.slice(-3000)}`));
    });
  });
}

/**
 * Publishes the archive once (the staging build `siteRoot/build` is the bench's output folder, so this reuses its
 * pages), then edits `story` (a path under `contentDir/news/`) and times save → live.
 */
export async function cmsSaveToLive(
  env: Record<string, string>,
  siteRoot: string,
  contentDir: string,
  story: string,
): Promise<PublishFigures> {
  const first = await publish(env, siteRoot);
  const port = await freePort();
  const server = await startNginx({ port, root: join(siteRoot, 'current') });
  try {
    const url = `${server.url}/news/${story.replace(/\.md$/, '')}/`;
    const file = join(contentDir, 'news', story);
    const marker = `（发布测试 ${Date.now()}）`;
    const saved = performance.now();
    const loadAtSave = loadavg()[0]!;
    writeFileSync(file, readFileSync(file, 'utf8').replace('本报讯', `本报讯${marker}`));
    const running = publish(env, siteRoot);
    let live = 0;
    let loadAtLive = 0;
    let failed: unknown;
    void running.catch((e) => (failed = e));
    while (!live && !failed) {
      const body = await (await fetch(url)).text();
      if (body.includes(marker)) {
        live = performance.now();
        loadAtLive = loadavg()[0]!;
      } else await new Promise((r) => setTimeout(r, 50));
    }
    const second = await running;
    const m = parseManifest(readFileSync(join(siteRoot, 'current', MANIFEST_PATH), 'utf8'), MANIFEST_PATH);
    const files = /沿用上一版本的文件 (\d+) 个，复制 (\d+) 个/.exec(second.output);
    return {
      firstPublishSeconds: +first.seconds.toFixed(1),
      saveToLiveSeconds: +((live - saved) / 1000).toFixed(1),
      buildSeconds: m.buildSeconds,
      publishSeconds: +second.seconds.toFixed(1),
      linkedFiles: Number(files?.[1] ?? 0),
      copiedFiles: Number(files?.[2] ?? 0),
      publishCpuSeconds: second.cpuSeconds,
      load: [+loadAtSave.toFixed(1), +loadAtLive.toFixed(1)],
    };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--docs');
  const docs = i >= 0 ? Number(process.argv[i + 1]) : 20000;
  const dir = mkdtempSync(join(tmpdir(), `czzx-bench-publish-${docs}-`));
  // As the bench: the staging build is `site/build`, with the bench's caches.
  const env = {
    CONTENT_DIR: join(dir, 'content'),
    OUT_DIR: join(dir, 'site', 'build'),
    ASTRO_CACHE_DIR: join(dir, 'cache'),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  console.log(`Synthetic archive of ${docs} documents in ${dir}`);
  const counts = generateArchive(dir, docs, join(ROOT, 'content'));
  spawnSync('sync', { stdio: 'ignore' });
  try {
    // The story the bench edits.
    const story = readdirSync(join(dir, 'content/news')).sort().at(-2)!;
    const result = { docs, counts, publish: await cmsSaveToLive(env, join(dir, 'site'), join(dir, 'content'), story) };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench-results', `publish-${docs}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}
