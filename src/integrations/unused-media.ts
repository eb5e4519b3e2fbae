import type { AstroIntegration } from 'astro';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDir, publicDir } from '../lib/paths.ts';
import { mediaNames, unusedOf } from '../lib/unused-media.ts';
import { digestOf } from '../lib/build-inputs.ts';
import { FileFacts } from './file-facts.ts';
import { workerTask } from './worker-task.ts';

function files(dir: string, match: (name: string) => boolean): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && match(e.name))
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** What the scan needs: the content folder, the media folder, and where it remembers the names each file holds. */
export interface UnusedMediaJob {
  root: string;
  media: string;
  factsFile: string;
}

/**
 * Media files (relative to the media folder) no content file names. The media each content file names are remembered
 * (file-facts.ts), so a rebuild reads only the files edited since: reading all 20,000 of an archive cost every build
 * seconds.
 */
export function unusedMediaFiles({ root, media, factsFile }: UnusedMediaJob): string[] {
  const facts = new FileFacts<string[]>(factsFile, digestOf(mediaNames.toString()));
  const names = files(root, (n) => /\.(mdx?|ya?ml)$/.test(n)).map((f) =>
    facts.get(root, relative(root, f), (bytes) => mediaNames(bytes.toString('utf8'))),
  );
  facts.save();
  return unusedOf(
    files(media, (n) => !n.startsWith('.')).map((f) => relative(media, f)),
    names,
  );
}

/**
 * After each build, a warning lists the files of public/media/ that no entry uses, so an editor or developer can
 * delete them (they are published all the same). Only a warning: an unused picture breaks nothing. The scan runs in a
 * thread of its own from the start of the build, beside the content sync, and is only awaited at its end: on the
 * main thread, after the search index, it was the last 1.5 s of a rebuild at 100,000 documents. The content and the
 * media are the build's input, which nothing changes while it runs.
 */
export function unusedMediaReport(): AstroIntegration {
  let cacheDir = '';
  let scan: Promise<string[]> | undefined;
  return {
    name: 'czzx-unused-media',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => {
        const job: UnusedMediaJob = {
          root: contentDir(),
          media: join(publicDir(), 'media'),
          factsFile: join(cacheDir, 'media-names.json'),
        };
        scan = workerTask<string[]>(new URL('./unused-media-worker.ts', import.meta.url), job, 'the unused-media scan');
        // A build that fails before its end never asks for the answer.
        scan.catch(() => {});
      },
      'astro:build:done': async ({ logger }) => {
        if (!scan) return;
        const unused = await scan;
        if (unused.length)
          logger.warn(
            `${unused.length} 个媒体文件没有任何内容使用（可在内容管理的“媒体”中删除）：${unused.map((f) => `public/media/${f}`).join('、')}`,
          );
      },
    },
  };
}
