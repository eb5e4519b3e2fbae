// The bench's "CMS save → page live": one story edited in the synthetic archive, `npm run publish`, and the time until
// nginx (the shipped configuration, serving the site root's `current`) answers with the new page.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_PATH, parseManifest } from '../lib/publish/manifest.ts';
import { startNginx } from '../deploy/local-nginx.ts';
import { freePort } from './bench-measure.ts';

const ROOT = join(import.meta.dirname, '../..');

export interface PublishFigures {
  firstPublishSeconds: number;
  /** From the saved file to nginx serving the new page. */
  saveToLiveSeconds: number;
  buildSeconds: number;
  publishSeconds: number;
  linkedFiles: number;
  copiedFiles: number;
  /** The one-minute load average when the story was saved and when its page went live: the machine may be shared. */
  load: [number, number];
}

/** `npm run publish` over the bench's archive into `siteRoot`; resolves with its output, fails with it. */
function publish(env: Record<string, string>, siteRoot: string): Promise<{ seconds: number; output: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/cli/publish.ts', 'publish', '--quiet'], {
      cwd: ROOT,
      env: { ...process.env, ...env, SITE_ROOT: siteRoot },
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) =>
      code === 0
        ? resolve({ seconds: (performance.now() - started) / 1000, output })
        : reject(new Error(`publish failed:\n${output.slice(-3000)}`)),
    );
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
      load: [+loadAtSave.toFixed(1), +loadAtLive.toFixed(1)],
    };
  } finally {
    await server.stop();
  }
}
